import Foundation
import XCTest

/// `coachdrill play --mode assess` through the built binary: no feedback, hints, undo or restart before the
/// end; the whole feedback after it; the mode in the transcript.
final class AssessModeTests: XCTestCase {
    private let scenario = CoachDrillBinary.fixture("play/closing-practice.yaml")
    private let endMarker = "Feedback, turn by turn"
    /// A partnering answer, every refused command, then an advising answer that would end the story (the
    /// ending is announced) and one more answer, after which it ends.
    private let input = """
        Where are you now with what you wanted from today?
        :hint
        :undo
        :restart
        :score
        :help
        You should just hand it all to Priya.
        Okay.

        """
    /// What feedback looks like: verdict marks, stance words, trap lines, suggestions, the scorecard.
    private let feedbackSigns = ["✓", "✗", "partnered", "advised", "trap ", "Try (", "Scorecard", "8.1 progress"]

    func testNothingIsJudgedBeforeTheEnd() throws {
        let result = try CoachDrillBinary.run(["play", scenario, "--mode", "assess", "--no-transcript"], input: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        let parts = result.stdout.components(separatedBy: endMarker)
        XCTAssertEqual(parts.count, 2, "the review comes once, at the end")
        let before = parts[0]
        for sign in feedbackSigns {
            XCTAssertFalse(before.contains(sign), "'\(sign)' shown before the end")
        }
        XCTAssertTrue(before.contains("No hints in assessment mode."))
        XCTAssertTrue(before.contains("No undo in assessment mode."))
        XCTAssertTrue(before.contains("No restart in assessment mode."))
        XCTAssertTrue(before.contains("The scorecard comes at the end in assessment mode."))
        XCTAssertTrue(before.contains("This is an assessment"), "help explains the rules")
        XCTAssertFalse(before.contains(":undo        take back"), "help does not offer undo")
        // The story still reacts: advising has consequences, only the verdicts wait.
        XCTAssertTrue(before.contains("Sam: Fine, I'll do that, I suppose."))

        let after = parts[1]
        XCTAssertTrue(
            after.contains(
                "1. \"Where are you now with what you wanted from today?\"\n   ✓ 8.1 progress · partnered"),
            after)
        XCTAssertTrue(after.contains("2. \"You should just hand it all to Priya.\"\n   ✗"), after)
        XCTAssertTrue(after.contains("Scorecard"))
        XCTAssertTrue(
            after.contains("turns: 3 · partnered: 1 (33%) · advised: 1"), "refused undo and restart kept every turn")
    }

    /// The control: the same input in practice mode shows feedback before any review, so the check above
    /// can fail.
    func testPracticeModeShowsFeedbackAsItGoes() throws {
        let result = try CoachDrillBinary.run(["play", scenario, "--no-transcript"], input: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.contains(endMarker))
        let beforeScorecard = result.stdout.components(separatedBy: "Scorecard")[0]
        XCTAssertTrue(beforeScorecard.contains("✓ 8.1 progress · partnered"))
        XCTAssertTrue(beforeScorecard.contains("This moment is a chance for 8.5 next steps."), "practice gives hints")
    }

    func testTheTranscriptRecordsTheModeAndNoUndo() throws {
        let path = NSTemporaryDirectory() + "cd-assess-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CoachDrillBinary.run(
            ["play", scenario, "--mode", "assess", "--transcript", path, "--as", "Robin"], input: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        let events = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(events.first?["mode"] as? String, "assess")
        XCTAssertEqual(
            events.map { $0["event"] as? String ?? "" },
            [
                "session", "client", "coach", "client", "client", "coach", "client", "client", "coach", "client", "end",
            ])
        XCTAssertEqual(events.last?["reason"] as? String, "completed")
    }
}
