import Foundation
import XCTest

/// Issue 15, section 7: every scenario, played by a scripted person through the binary, keeps the contract
/// of the persona engine v2. A partnering line is never met with confusion, every beat the story moves into
/// is set up by its opening line (unless the reply leads in), and the session ends only when the coach
/// closes it or after an announced ending. Scripts: Tests/Fixtures/playthrough/<scenario-id>.txt.
final class PlaythroughTests: XCTestCase {
    private var root: String { CoachDrillBinary.packageRoot.path }

    /// COACHDRILL_PLAYTHROUGH_SCENARIOS and COACHDRILL_PLAYTHROUGH_SCRIPTS point the test at other folders
    /// (a scenario writer's drafts) without copying them into the repository.
    func testEveryShippedScenarioPlaysThrough() throws {
        let environment = ProcessInfo.processInfo.environment
        let folder = environment["COACHDRILL_PLAYTHROUGH_SCENARIOS"] ?? root + "/Scenarios"
        let scripts = environment["COACHDRILL_PLAYTHROUGH_SCRIPTS"] ?? CoachDrillBinary.fixture("playthrough")
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertFalse(scenarios.isEmpty)
        var missing: [String] = []
        for file in scenarios {
            let id = String(file.dropLast(".yaml".count))
            let script = scripts + "/\(id).txt"
            guard FileManager.default.fileExists(atPath: script) else {
                missing.append(id)
                continue
            }
            let problems = try Playthrough(scenarioPath: folder + "/" + file, scriptPath: script).problems()
            XCTAssertEqual(problems, [], "\(id):\n" + problems.joined(separator: "\n"))
        }
        XCTAssertEqual(missing, [], "scenarios with no playthrough script in Tests/Fixtures/playthrough")
    }

    /// The example: the v2 quiet finisher, played with partnering, advice, an unclear line and a closing.
    func testTheExamplePlaysThrough() throws {
        let problems = try Playthrough(
            scenarioPath: CoachDrillBinary.fixture("lint/clean/quiet-finisher.yaml"),
            scriptPath: CoachDrillBinary.fixture("playthrough-example/quiet-finisher.txt")
        ).problems()
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    /// The checks bite: the single-reply-set example meets a partnering line on a marker it did not expect
    /// with confusion, never says the next beat's line after a reply under the old rules (here it does, so
    /// that check passes), and a script that stops early never reaches an end.
    func testTheChecksFindWhatTheyLookFor() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cd-playthrough-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = folder + "/script.txt"
        try """
            # seed: 1
            What support do you have around you?
            You should write a checklist for your team.
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let problems = try Playthrough(
            scenarioPath: CoachDrillBinary.fixture("lint/single-reply-set/new-manager-checklist.yaml"), scriptPath: script
        ).problems()
        XCTAssertTrue(problems.contains { $0.hasPrefix("the script has 2 coach lines") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("a partnering line met with confusion: \"Sorry, what do you mean?\"") }, "\(problems)")
        XCTAssertTrue(problems.contains("the session did not reach an end beat by the end of the script"), "\(problems)")
    }
}
