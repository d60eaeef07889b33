import CoachDrillCore
import Foundation
import XCTest

/// `coachdrill play` driven through a pipe, compared as whole output.
final class PlayCommandTests: XCTestCase {
    private let scenario = CoachDrillBinary.fixture("play/closing-practice.yaml")

    /// 8.5 would end the story, but the coach did not choose the ending: it is announced, and the coach
    /// closes the session on the next turn; the scorecard credits the 8.9 that ended it.
    func testPartneringPathPlaysToTheWarmEnding() throws {
        let result = try CoachDrillBinary.run(
            ["play", scenario, "--no-transcript"],
            input: "Where are you now with what you wanted from today?\nWhat would you like to do before we next meet?\n"
                + "How would you like to close our session today?\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        try CoachDrillBinary.assertMatchesGolden(result.stdout, "play-partnering.txt")
        XCTAssertTrue(result.stdout.contains("Sam: Closer than I expected. I know who takes what now.\n\nSam: So, what now?"))
        XCTAssertTrue(result.stdout.contains("(Sam glances at the clock.)"))
        XCTAssertTrue(result.stdout.contains("Sam: That feels like a good place to end"))
        XCTAssertTrue(result.stdout.contains("8.9 closing                     1          0"), result.stdout)
        XCTAssertTrue(result.stdout.contains("The session has ended. :undo takes back your last answer"))
    }

    /// In a script, `#` lines are comments: they are neither judged nor echoed, so the session is the same as
    /// without them.
    func testScriptCommentsAreSkipped() throws {
        let lines = "Where are you now with what you wanted from today?\nWhat would you like to do before we next meet?\n"
        let plain = try CoachDrillBinary.run(["play", scenario, "--no-transcript"], input: lines)
        let commented = try CoachDrillBinary.run(
            ["play", scenario, "--no-transcript"],
            input: "# seed 1, the partnering path\n" + lines.replacingOccurrences(of: "\nWhat", with: "\n  # then a plan\nWhat"))
        XCTAssertEqual(commented.status, 0, commented.stderr)
        XCTAssertEqual(commented.stdout, plain.stdout)
        XCTAssertFalse(commented.stdout.contains("#"), commented.stdout)
    }

    /// After the end, a line is not judged, :undo takes back the last answer (the story goes on from before
    /// it), and leaving after a new end completes the session.
    func testTheEndStaysUndoableInPractice() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cd-end-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CoachDrillBinary.run(
            ["play", scenario, "--transcript", path, "--as", "Robin"],
            input: "Where are you now with what you wanted from today?\nHow would you like to close our session today?\n"
                + "Thanks for today.\n:undo\nWhat would you like to do before we next meet?\n"
                + "How would you like to close our session today?\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("The session has ended, so that line was not judged."), result.stdout)
        XCTAssertFalse(result.stdout.contains("coach> Thanks for today.\n✓"), "not judged")
        XCTAssertTrue(result.stdout.contains("Undone. Sam is waiting for your answer to:"), result.stdout)
        XCTAssertEqual(result.stdout.components(separatedBy: "Scorecard\n").count - 1, 2, "shown at each end, not again on leaving")
        let sessions = try WrittenTranscript.check(try String(contentsOfFile: path, encoding: .utf8))
        XCTAssertEqual(sessions.first?.turns.map(\.assessment.marker), [.progress, .design, .closing])
        XCTAssertEqual(sessions.first?.end?.reason, .completed)
    }

    func testAdvisingChangesTheStory() throws {
        let result = try CoachDrillBinary.run(
            ["play", scenario, "--no-transcript"],
            input: "You should just hand it all to Priya.\nYou need to write the list tonight.\nOkay.\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        try CoachDrillBinary.assertMatchesGolden(result.stdout, "play-advising.txt")
        XCTAssertTrue(result.stdout.contains("Sam: Okay. If you say so."))
        XCTAssertTrue(result.stdout.contains("Sam: Right. Thanks, I guess."))
        XCTAssertFalse(result.stdout.contains("good place to end"))
    }

    /// The verdict's verb agrees with its quotes (one quote "grades", two quotes "grade"), and the
    /// accountability verdict needs no pronoun for the client, whose pronouns the feedback does not know.
    func testFeedbackWordingAgreesWithItsQuotes() throws {
        let result = try CoachDrillBinary.run(
            ["play", scenario, "--no-transcript"],
            input: "Great job!\n:undo\nWell done. Honestly, that was brilliant work, and I am so proud of you.\n"
                + "Email me on Friday. And text me on Monday so I know you did it.\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        try CoachDrillBinary.assertMatchesGolden(result.stdout, "play-feedback-wording.txt")
        XCTAssertTrue(result.stdout.contains("advised: \"Great job\" grades Sam."), result.stdout)
        XCTAssertTrue(
            result.stdout.contains("advised: \"Well done\", \"Honestly, that was brilliant work, and I am so proud\" grade Sam."), result.stdout)
        XCTAssertTrue(
            result.stdout.contains(
                "advised: \"Email me on Friday\", \"text me on Monday so I know\" make Sam answer to you instead of owning the follow-through."),
            result.stdout)
        XCTAssertFalse(result.stdout.contains("Sam accountable to you, not to themselves"), result.stdout)
    }

    func testCommandsAndEndOfInputShowTheScorecard() throws {
        let result = try CoachDrillBinary.run(
            ["play", scenario, "--no-transcript"],
            input: ":hint\nWhere are you with what you came for?\n:undo\n:bogus\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Invite Sam to look back at what they wanted from today."))
        XCTAssertTrue(result.stdout.contains("Undone. Sam is waiting for your answer to:"))
        XCTAssertTrue(result.stdout.contains("Unknown command :bogus"))
        XCTAssertTrue(result.stdout.contains("Scorecard"))
        XCTAssertTrue(result.stdout.contains("turns: 0"), "the undone turn must not count")
    }

    /// Through a pipe nothing is wrapped, so each paragraph of the help is one line: a hard break in the
    /// middle of a sentence would show up on every terminal.
    func testHelpParagraphsAreWholeLines() throws {
        let practice = try CoachDrillBinary.run(["play", scenario, "--no-transcript"], input: ":help\n")
        XCTAssertEqual(practice.status, 0, practice.stderr)
        XCTAssertTrue(
            practice.stdout.contains(
                "\nAnswer as the coach in your own words. After each answer you'll see which PCC marker (8.1-8.9) it "
                    + "served and whether you partnered or advised.\n"),
            practice.stdout)
        let assess = try CoachDrillBinary.run(["play", scenario, "--mode", "assess", "--no-transcript"], input: ":help\n")
        XCTAssertEqual(assess.status, 0, assess.stderr)
        XCTAssertTrue(
            assess.stdout.contains(
                "\nAnswer as the coach in your own words. This is an assessment: the feedback and your scorecard come "
                    + "at the end, and there are no hints, undo or restart.\n"),
            assess.stdout)
    }

    /// Every command's answer ends with a blank line before the next prompt, whether or not the text
    /// itself ends in a newline: the prompt never sits right under a hint or a note.
    func testEveryCommandAnswerIsFollowedByABlankLine() throws {
        let commands = [":hint", ":help", ":markers", ":transcript", ":undo", ":bogus", ":score", ":restart"]
        let result = try CoachDrillBinary.run(
            ["play", scenario, "--no-transcript"], input: commands.joined(separator: "\n") + "\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        let prompts = result.stdout.components(separatedBy: "coach> ")
        XCTAssertEqual(prompts.count, commands.count + 1, result.stdout)
        for (command, before) in zip(commands, prompts.dropFirst()) {
            // Each piece runs from a command to the next prompt (the last one, to the end-of-input scorecard).
            XCTAssertTrue(before.hasPrefix(command + "\n"), before)
            if command != commands.last {
                XCTAssertTrue(before.hasSuffix("\n\n") && !before.hasSuffix("\n\n\n"), "after \(command): \(before)")
            }
        }
    }

    /// A command's name typed without its colon, in any case, is pointed at the command and not judged:
    /// no turn is used, nothing reaches the transcript, and a line that only contains the word is judged.
    func testCommandNamesWithoutTheirColonAreNotJudged() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cd-bare-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CoachDrillBinary.run(
            ["play", scenario, "--transcript", path],
            input: "hint\nScore\nQUIT\nundo\nWhere are you now with what you wanted from today?\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stdout.contains(
                """
                coach> hint
                (Did you mean :hint? Commands start with a colon.)

                coach> Score
                (Did you mean :score? Commands start with a colon.)

                coach> QUIT
                (Did you mean :quit? Commands start with a colon.)

                coach> undo
                (Did you mean :undo? Commands start with a colon.)

                coach> Where are you now with what you wanted from today?
                ✓ 8.1 progress · partnered
                """),
            result.stdout)
        XCTAssertTrue(result.stdout.contains("turns: 1 · partnered: 1 (100%)"), result.stdout)
        let transcript = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(transcript.components(separatedBy: "\"event\":\"coach\"").count - 1, 1, transcript)

        let sentence = try CoachDrillBinary.run(["play", scenario, "--no-transcript"], input: "Any hint of progress?\n")
        XCTAssertFalse(sentence.stdout.contains("Did you mean"), sentence.stdout)
        XCTAssertTrue(sentence.stdout.contains("turns: 1"), sentence.stdout)
    }

    /// No line of a piped session (scorecard rows included, with :score and at the end) ends in spaces.
    func testPipedOutputHasNoTrailingSpaces() throws {
        let result = try CoachDrillBinary.run(
            ["play", scenario, "--no-transcript"],
            input: "Where are you now with what you wanted from today?\n:score\nYou need to write the list tonight.\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\n8.1 progress                    1          0\n"), result.stdout)
        for line in result.stdout.split(separator: "\n") {
            XCTAssertFalse(line.hasSuffix(" "), "trailing spaces: '\(line)'")
        }
    }

    func testSameSeedSameSession() throws {
        let input = "What's your first step?\nHow would you like to close?\n"
        let first = try CoachDrillBinary.run(["play", "new-manager-checklist", "--seed", "7", "--no-transcript"], input: input)
        let second = try CoachDrillBinary.run(["play", "new-manager-checklist", "--seed", "7", "--no-transcript"], input: input)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, second.stdout)
    }

    func testUnknownScenarioSaysWhatToDo() throws {
        let result = try CoachDrillBinary.run(["play", "new-manager-checklst", "--no-transcript"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("did you mean 'new-manager-checklist'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("coachdrill list"), result.stderr)
    }

    /// Without --as the transcript names the login name: $USER, then $LOGNAME, then the password database
    /// (what `id -un` says) when neither is set, as under cron or `env -i`.
    func testTheTraineeDefaultsToTheLoginName() throws {
        func trainee(environment: [String: String] = [:], unsetting: [String] = []) throws -> String? {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("cd-as-\(UUID().uuidString).jsonl").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let result = try CoachDrillBinary.run(
                ["play", scenario, "--transcript", path], input: "", environment: environment, unsetting: unsetting)
            XCTAssertEqual(result.status, 0, result.stderr)
            let first = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first ?? ""
            let session = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
            return session?["trainee"] as? String
        }
        let entry = try XCTUnwrap(getpwuid(getuid()), "this user has a password database entry")
        let loginName = String(cString: entry.pointee.pw_name)
        XCTAssertEqual(try trainee(), "tester")
        XCTAssertEqual(try trainee(environment: ["LOGNAME": "logan"], unsetting: ["USER"]), "logan")
        XCTAssertEqual(try trainee(unsetting: ["USER", "LOGNAME"]), loginName)
        XCTAssertEqual(try trainee(environment: ["USER": ""], unsetting: ["LOGNAME"]), loginName, "an empty USER is unset")
    }

    func testTranscriptIsWrittenAndParses() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cd-transcript-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CoachDrillBinary.run(
            ["play", scenario, "--transcript", path, "--as", "Robin"],
            input: "Where are you now with what you wanted from today?\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let events = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        XCTAssertEqual(events.map { $0["event"] as? String ?? "" }, ["session", "client", "coach", "client", "client", "end"], "the reply, then the next beat's opening line")
        XCTAssertEqual(events.first?["trainee"] as? String, "Robin")
        XCTAssertEqual(events.last?["reason"] as? String, "eof")
    }
}
