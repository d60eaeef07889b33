import Foundation
import XCTest

/// `lint`, `test`, `graph` and `new` through the built binary.
final class AuthoringCommandTests: XCTestCase {
    private var fixtures: String { CoachDrillBinary.packageRoot.appendingPathComponent("Tests/Fixtures").path + "/" }

    /// Every broken fixture gives exactly its expected diagnostics, and exit status 1.
    func testBrokenFixturesGiveTheirExpectedDiagnostics() throws {
        let folder = fixtures + "lint/broken"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThan(names.count, 20)
        for name in names {
            let expected = try String(contentsOfFile: folder + "/" + name.replacingOccurrences(of: ".yaml", with: ".expected"), encoding: .utf8)
            let result = try CoachDrillBinary.run(["lint", "lint/broken/" + name], directory: fixtures)
            XCTAssertEqual(result.stdout, expected, name)
            let isWarningOnly = !expected.contains(": error[")
            XCTAssertEqual(result.status, isWarningOnly ? 0 : 1, name)
            if isWarningOnly {
                XCTAssertEqual(try CoachDrillBinary.run(["lint", "--strict", "lint/broken/" + name], directory: fixtures).status, 1, name)
            }
        }
    }

    func testCleanFolderLintsWithExitZero() throws {
        let result = try CoachDrillBinary.run(["lint", "--strict", "lint/clean"], directory: fixtures)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testShippedScenariosLintCleanUnderStrict() throws {
        let result = try CoachDrillBinary.run(["lint", "--strict", "Scenarios"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    }

    /// Issue 5: every shipped scenario's checks pass through the real engine, and together they visit every
    /// beat and conditional branch, and (issue 15) every reply set.
    func testShippedScenariosPassTheirChecksWithFullCoverage() throws {
        let result = try CoachDrillBinary.run(["test", "--coverage", "--strict", "Scenarios"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertFalse(result.stdout.contains("not covered"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix(" turns: 0 failures\n"), result.stdout)
    }

    /// Coverage counts reply sets: each key of a reply mapping and each plain reply, located where it is written.
    func testCoverageListsReplySetsNoCheckReaches() throws {
        let result = try CoachDrillBinary.run(["test", "--coverage", "--strict", "lint/clean/quiet-finisher.yaml"], directory: fixtures)
        XCTAssertEqual(result.status, 1, "--strict fails below 100%")
        XCTAssertTrue(result.stdout.contains("lint/clean/quiet-finisher.yaml:24:17: not covered: beat 'opening' branch 2 reply\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("lint/clean/quiet-finisher.yaml:28:11: not covered: beat 'opening' branch 3 reply 'action'\n"), result.stdout)
        XCTAssertTrue(
            result.stdout.contains("lint/clean/quiet-finisher.yaml: coverage: beats 3/3 (100%), branches 2/5 (40%), replies 2/30 (6%)\n"),
            result.stdout)
        let lenient = try CoachDrillBinary.run(["test", "--coverage", "lint/clean/quiet-finisher.yaml"], directory: fixtures)
        XCTAssertEqual(lenient.status, 0, "without --strict, coverage is a report")
    }

    func testJSONFormatForEditors() throws {
        let result = try CoachDrillBinary.run(["lint", "--format", "json", "lint/broken/duplicate-key.yaml"], directory: fixtures)
        let decoded = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(decoded?.first?["code"] as? String, "CD007")
        XCTAssertEqual(decoded?.first?["line"] as? Int, 8)
        XCTAssertEqual(decoded?.first?["column"] as? Int, 3)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try CoachDrillBinary.run(["lint", "--allow", "CD999"]).status, 2)
        XCTAssertEqual(try CoachDrillBinary.run(["lint", "--no-such-flag"]).status, 2)
        let missing = try CoachDrillBinary.run(["lint", "no/such/file.yaml"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no such file or folder: 'no/such/file.yaml'"), missing.stderr)
    }

    func testNewTemplateLintsCleanAndPassesItsChecksWithFullCoverage() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cd-new-\(UUID().uuidString)/fresh-start.yaml").path
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        XCTAssertEqual(try CoachDrillBinary.run(["new", "fresh-start", "--output", path]).status, 0)
        let lint = try CoachDrillBinary.run(["lint", "--strict", path])
        XCTAssertEqual(lint.status, 0, lint.stdout)
        let test = try CoachDrillBinary.run(["test", "--coverage", "--strict", path])
        XCTAssertEqual(test.status, 0, test.stdout)
        XCTAssertTrue(test.stdout.contains("6 checks, 20 turns: 0 failures"), test.stdout)
        XCTAssertTrue(test.stdout.contains("coverage: beats 5/5 (100%), branches 10/10 (100%), replies 15/15 (100%)"), test.stdout)
        XCTAssertNotEqual(try CoachDrillBinary.run(["new", "fresh-start", "--output", path]).status, 0, "never overwrites by accident")
        XCTAssertNotEqual(try CoachDrillBinary.run(["new", "Bad Id!"]).status, 0)
    }

    func testFailingCheckNamesLineExpectedAndGot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cd-check-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/fresh-start.yaml"
        XCTAssertEqual(try CoachDrillBinary.run(["new", "fresh-start", "--output", path]).status, 0)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "expect: { marker: 8.1, stance: partner, goto: next-step }", with: "expect: { marker: 8.2, stance: partner, goto: next-step }")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CoachDrillBinary.run(["test", path])
        XCTAssertEqual(result.status, 1)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("marker: 8.2, stance: partner") }.map { $0 } ?? 0
        XCTAssertTrue(result.stdout.contains("\(path):\(line): check failed: 'partnering path' turn 1: marker expected 8.2, got 8.1"), result.stdout)
    }

    /// A project folder holding Scenarios/fresh-start.yaml (from `new`), removed afterwards.
    private func project(_ body: (_ folder: String, _ scenario: String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cd-project-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/Scenarios", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenario = folder + "/Scenarios/fresh-start.yaml"
        XCTAssertEqual(try CoachDrillBinary.run(["new", "fresh-start", "--output", scenario]).status, 0)
        try body(folder, scenario)
    }

    /// `test` and `lint` find a scenario by id, as `play` and `graph` do; paths still work.
    func testTestAndLintAcceptAScenarioId() throws {
        try project { folder, _ in
            let test = try CoachDrillBinary.run(["test", "fresh-start"], directory: folder)
            XCTAssertEqual(test.status, 0, test.stdout + test.stderr)
            XCTAssertEqual(test.stdout, "1 scenario, 6 checks, 20 turns: 0 failures\n")
            let lint = try CoachDrillBinary.run(["lint", "--strict", "fresh-start"], directory: folder)
            XCTAssertEqual(lint.status, 0, lint.stdout + lint.stderr)
            XCTAssertEqual(lint.stderr, "1 file checked: 0 errors, 0 warnings\n")
            // From anywhere, with --scenarios naming the folder.
            let elsewhere = try CoachDrillBinary.run(["test", "fresh-start", "--scenarios", folder + "/Scenarios"])
            XCTAssertEqual(elsewhere.status, 0, elsewhere.stdout + elsewhere.stderr)
            XCTAssertEqual(try CoachDrillBinary.run(["lint", "Scenarios/fresh-start.yaml"], directory: folder).status, 0)

            let typo = try CoachDrillBinary.run(["lint", "fresh-strat"], directory: folder)
            XCTAssertEqual(typo.status, 2)
            XCTAssertTrue(
                typo.stderr.contains(
                    "no such file or folder: 'fresh-strat', and no scenario or drill pack with that id "
                        + "(did you mean 'fresh-start'?) in Scenarios, "),
                typo.stderr)
            XCTAssertTrue(typo.stderr.contains("Run `coachdrill list` to see the scenario ids."), typo.stderr)
            let unknown = try CoachDrillBinary.run(["test", "nobody-here"], directory: folder)
            XCTAssertEqual(unknown.status, 2)
            XCTAssertTrue(
                unknown.stderr.contains("no such file or folder: 'nobody-here', and no scenario with that id in "),
                unknown.stderr)
        }
    }

    /// A scenario that does not load is counted in the summary; counts are singular when they are one, and
    /// what no check covers is located like a diagnostic.
    func testTestSummaryCountsScenariosThatDoNotLoadAndLocatesWhatIsNotCovered() throws {
        try project { folder, scenario in
            let text = try String(contentsOfFile: scenario, encoding: .utf8)
            // One check of one turn, so beats and branches are left uncovered.
            let oneTurn = text.components(separatedBy: "  - name: partnering path")[0]
                + "  - name: one turn\n    turns:\n      - coach: Where are you now with what you wanted from today?\n"
                + "        expect: { marker: 8.1, stance: partner, goto: next-step }\n"
            try oneTurn.write(toFile: scenario, atomically: true, encoding: .utf8)
            let covered = try CoachDrillBinary.run(["test", "--coverage", "fresh-start"], directory: folder)
            XCTAssertEqual(covered.status, 0, covered.stdout)
            let lines = oneTurn.components(separatedBy: "\n")
            let flatClose = try XCTUnwrap(lines.firstIndex(of: "  flat-close:")) + 1
            let advise = try XCTUnwrap(lines.firstIndex(of: "      - when: { stance: advise }")) + 1
            XCTAssertTrue(
                covered.stdout.contains("Scenarios/fresh-start.yaml:\(flatClose):3: not covered: beat 'flat-close'\n"),
                covered.stdout)
            XCTAssertTrue(
                covered.stdout.contains("Scenarios/fresh-start.yaml:\(advise):9: not covered: beat 'wrap-up' branch 2\n"),
                covered.stdout)
            XCTAssertTrue(covered.stdout.hasSuffix("\n1 scenario, 1 check, 1 turn: 0 failures\n"), covered.stdout)

            let broken = oneTurn.replacingOccurrences(of: "        effects: { ownership: +1 }", with: "          effects: { ownership: +1 }")
            try broken.write(toFile: scenario, atomically: true, encoding: .utf8)
            let result = try CoachDrillBinary.run(["test", "Scenarios"], directory: folder)
            XCTAssertEqual(result.status, 1)
            XCTAssertTrue(result.stdout.hasPrefix("Scenarios/fresh-start.yaml:"), result.stdout)
            XCTAssertTrue(result.stdout.hasSuffix("\n1 scenario (1 does not load), 0 checks, 0 turns: 0 failures\n"), result.stdout)
        }
    }

    /// `graph` (and `list`) name a file found by id as the user would type it, as `lint` does.
    func testGraphShowsAScenarioFoundByIdWithItsPathAsTyped() throws {
        try project { folder, scenario in
            let text = try String(contentsOfFile: scenario, encoding: .utf8)
            try text.replacingOccurrences(of: "goto: closing", with: "goto: closng")
                .write(toFile: scenario, atomically: true, encoding: .utf8)
            let graph = try CoachDrillBinary.run(["graph", "fresh-start"], directory: folder)
            XCTAssertEqual(graph.status, 1)
            XCTAssertTrue(graph.stderr.hasPrefix("Scenarios/fresh-start.yaml:"), graph.stderr)
            XCTAssertFalse(graph.stderr.contains(folder), graph.stderr)
            let list = try CoachDrillBinary.run(["list"], directory: folder)
            XCTAssertTrue(
                list.stderr.contains("Scenarios/fresh-start.yaml does not load; run `coachdrill lint Scenarios/fresh-start.yaml`"),
                list.stderr)
        }
    }

    func testGraphRendersWithGraphvizAndMermaid() throws {
        let dot = try CoachDrillBinary.run(["graph", CoachDrillBinary.fixture("play/closing-practice.yaml")])
        XCTAssertEqual(dot.status, 0)
        XCTAssertTrue(dot.stdout.hasPrefix("digraph"), dot.stdout)
        XCTAssertTrue(dot.stdout.contains("progress") && dot.stdout.contains("next-step"))
        let mermaid = try CoachDrillBinary.run(["graph", "--format", "mermaid", CoachDrillBinary.fixture("play/closing-practice.yaml")])
        XCTAssertTrue(mermaid.stdout.contains("flowchart") || mermaid.stdout.contains("graph TD"), mermaid.stdout)
    }
}
