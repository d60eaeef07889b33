import Foundation
import XCTest

/// `coachdrill replay`: a session recorded with `play`, replayed against the same scenario (no
/// differences, exit 0) and against edited copies (exactly the turns that changed, exit 1).
final class ReplayCommandTests: XCTestCase {
    private var folder = ""
    private var scenarios = ""
    private var original = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cd-replay-\(UUID().uuidString)").path
        scenarios = folder + "/scenarios"
        try FileManager.default.createDirectory(atPath: scenarios, withIntermediateDirectories: true)
        original = try String(contentsOfFile: CoachDrillBinary.fixture("play/closing-practice.yaml"), encoding: .utf8)
        try original.write(toFile: scenarios + "/closing-practice.yaml", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Plays the scenario copy with these answers and returns the transcript's path.
    private func record(_ answers: [String], name: String) throws -> String {
        let path = "\(folder)/\(name).jsonl"
        let result = try CoachDrillBinary.run(
            ["play", "closing-practice", "--scenarios", scenarios, "--transcript", path, "--as", "Robin"],
            input: answers.joined(separator: "\n") + "\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        return path
    }

    private func edit(_ from: String, _ to: String) throws {
        XCTAssertTrue(original.contains(from), "the fixture changed: '\(from)' is gone")
        try original.replacingOccurrences(of: from, with: to)
            .write(toFile: scenarios + "/closing-practice.yaml", atomically: true, encoding: .utf8)
    }

    private func replay(_ path: String) throws -> CoachDrillBinary.Result {
        try CoachDrillBinary.run(["replay", path, "--scenarios", scenarios])
    }

    /// The turn numbers listed as changed.
    private func changedTurns(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("turn ") }.map { String($0.split(separator: " ")[1]) }
    }

    private let partnering = [
        "Hmm.",
        "Where are you now with what you wanted from today?",
        "What would you like to do before we next meet?",
        "How would you like to close our session today?",
    ]

    func testAnUnchangedScenarioReportsNoDifferences() throws {
        let path = try record(partnering, name: "same")
        let result = try replay(path)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(changedTurns(result.stdout), [])
        XCTAssertTrue(result.stdout.contains("Same: all 4 turns give the same marker, stance, traps and next beat."), result.stdout)
        XCTAssertFalse(result.stdout.contains("has changed since"), result.stdout)
    }

    func testAChangedGotoReportsExactlyThatTurn() throws {
        let path = try record(partnering, name: "goto")
        try edit("goto: close\n", "goto: flat-close\n")
        let result = try replay(path)
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        // Turn 3 (8.5) only announces the ending; turn 4 (8.9) closes, now into the other end beat.
        XCTAssertEqual(changedTurns(result.stdout), ["4"], result.stdout)
        XCTAssertTrue(result.stdout.contains("  next beat: close → flat-close"), result.stdout)
        XCTAssertTrue(result.stdout.contains("The scenario file has changed since this session"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Changed: 1 of 4 turns."), result.stdout)
    }

    func testAChangedConditionReportsExactlyThatTurn() throws {
        let path = try record(
            ["Where are you now with what you wanted from today?", "You should just write the list tonight.", "Okay."],
            name: "condition")
        try edit(
            "      - when: { stance: advise }\n        client: Fine, I'll do that, I suppose.",
            "      - when: { trap: leading-question }\n        client: Fine, I'll do that, I suppose.")
        let result = try replay(path)
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        // The advice only announced the flat ending; the answer after it arrived there, and now does not.
        XCTAssertEqual(changedTurns(result.stdout), ["3"], result.stdout)
        XCTAssertTrue(result.stdout.contains("  next beat: flat-close → next-step"), result.stdout)
    }

    func testAnEditThatEndsTheStorySoonerMarksLaterTurnsNotReached() throws {
        let path = try record(partnering, name: "sooner")
        try edit("        goto: next-step\n      - when: { stance: advise }", "        goto: close\n      - when: { stance: advise }")
        let result = try replay(path)
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        // Turn 2 now announces the end instead of moving on, turn 3 arrives there, and turn 4 is never asked for.
        XCTAssertEqual(changedTurns(result.stdout), ["2", "3", "4"], result.stdout)
        XCTAssertTrue(result.stdout.contains("not reached: the session now ends at 'close' after turn 3"), result.stdout)
    }

    func testWhatCannotBeReplayedExitsTwo() throws {
        let missing = try CoachDrillBinary.run(["replay", folder + "/nope.jsonl"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("cannot read the file"), missing.stderr)

        let path = try record(partnering, name: "gone")
        try FileManager.default.removeItem(atPath: scenarios + "/closing-practice.yaml")
        let gone = try replay(path)
        XCTAssertEqual(gone.status, 2)
        XCTAssertTrue(gone.stderr.contains("no scenario 'closing-practice'"), gone.stderr)

        let broken = folder + "/broken.jsonl"
        try "{\"event\":\"session\"}\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let bad = try CoachDrillBinary.run(["replay", broken])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("broken.jsonl:1: session event: missing field"), bad.stderr)

        let drill = try CoachDrillBinary.run(
            ["replay", CoachDrillBinary.fixture("transcripts/drill/room-a/robin.jsonl"), "--scenarios", scenarios])
        XCTAssertEqual(drill.status, 2)
        XCTAssertTrue(drill.stderr.contains("drill"), drill.stderr)
    }
}
