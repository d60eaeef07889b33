import CoachDrillCore
import Foundation
import XCTest

/// Transcripts as `play` writes them: events of the one model (each line written again the same) after a scripted session, and still readable (every
/// line, and by `report` and `replay`) after the process is killed with SIGKILL mid-session.
final class TranscriptFileTests: XCTestCase {
    private let scenario = CoachDrillBinary.fixture("play/closing-practice.yaml")
    private var folder = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cd-transcripts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testAScriptedSessionWritesASchemaValidTranscript() throws {
        let path = folder + "/session.jsonl"
        let result = try CoachDrillBinary.run(
            ["play", scenario, "--transcript", path, "--as", "Robin", "--seed", "3"],
            input: """
                You should just hand it all to Priya.
                :undo
                Where are you now with what you wanted from today?
                :score
                What would you like to do before we next meet?
                How would you like to close our session today?

                """)
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let sessions = try WrittenTranscript.check(text)
        let events = try text.split(separator: "\n").map { line in
            try JSONDecoder().decode(TranscriptEvent.self, from: Data(line.utf8)).name
        }
        XCTAssertEqual(
            events,
            [
                "session", "client", "coach", "client", "client", "undo", "client", "coach", "client", "client", "coach",
                "client", "client", "coach", "client", "end",
            ])
        XCTAssertEqual(sessions.map(\.header.seed), [3])
        XCTAssertEqual(sessions.map(\.header.trainee), ["Robin"])
        XCTAssertEqual(sessions.first?.turns.count, 3)
        XCTAssertEqual(sessions.first?.end?.reason, .completed)
        XCTAssertEqual(sessions.first?.end?.recorded?.turns, 3)
        let announcements = sessions.first?.clientLines.filter(\.isAnnouncement).map(\.text)
        XCTAssertEqual(announcements, ["Sam glances at the clock."], "the announcement is recorded, marked as one")
    }

    func testEveryModeAndEndingIsSchemaValid() throws {
        for (index, (arguments, input)) in [
            (["--mode", "assess"], "Where are you now with what you wanted from today?\n:quit\n"),
            (["--from", "next-step"], "Hmm.\n"),
        ].enumerated() {
            let path = folder + "/mode-\(index).jsonl"
            let result = try CoachDrillBinary.run(["play", scenario, "--transcript", path, "--as", "Sam"] + arguments, input: input)
            XCTAssertEqual(result.status, 0, result.stderr)
            try WrittenTranscript.check(try String(contentsOfFile: path, encoding: .utf8))
        }
    }

    func testAKilledSessionLeavesAReadableTranscript() throws {
        let path = folder + "/killed.jsonl"
        let process = Process()
        process.executableURL = CoachDrillBinary.executable
        process.arguments = ["play", scenario, "--transcript", path, "--as", "Kim"]
        process.environment = ["HOME": folder, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        input.fileHandleForWriting.write(Data("Where are you now with what you wanted from today?\n".utf8))
        try waitForCoachEvents(1, in: path)
        input.fileHandleForWriting.write(Data("Hmm.\n".utf8))
        try waitForCoachEvents(2, in: path)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)

        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(try WrittenTranscript.check(text).map(\.isPartial), [true])
        XCTAssertFalse(text.contains("\"event\":\"end\""), "a killed process writes no end event")
        XCTAssertEqual(text.components(separatedBy: "\"event\":\"coach\"").count - 1, 2, "both answers are on disk")

        let report = try CoachDrillBinary.run(["report", path])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stdout.contains("1 session (1 interrupted) · 1 trainee · 2 answers"), report.stdout)
        XCTAssertTrue(report.stdout.contains("Kim"), report.stdout)

        let replay = try CoachDrillBinary.run(["replay", path, "--scenarios", CoachDrillBinary.fixture("play")])
        XCTAssertEqual(replay.status, 0, replay.stdout + replay.stderr)
        XCTAssertTrue(replay.stdout.contains("Same: all 2 turns"), replay.stdout)
    }

    /// Polls the transcript until it holds `count` coach events (the session writes them as it answers).
    private func waitForCoachEvents(_ count: Int, in path: String, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if text.components(separatedBy: "\"event\":\"coach\"").count - 1 >= count { return }
            usleep(10_000)
        }
        throw Timeout(message: "the session did not write \(count) coach events within \(Int(timeout)) s")
    }

    private struct Timeout: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
