import Foundation
import XCTest

/// Faults through a pipe: signals, broken pipes, full disks, unwritable folders, hostile input.
final class FaultTests: XCTestCase {
    private let scenario = CoachDrillBinary.fixture("play/closing-practice.yaml")

    func testSigtermWhileWaitingOnAPipeEndsInterrupted() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cd-fault-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = CoachDrillBinary.executable
        process.arguments = ["play", scenario, "--transcript", path]
        process.environment = ["NO_COLOR": "1", "HOME": NSTemporaryDirectory()]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("Where are you now with what you wanted from today?\n".utf8))
        XCTAssertTrue(waitUntil { ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").contains("\"event\":\"coach\"") })
        usleep(100_000)
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 128 + SIGTERM)
        let events = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        for event in events { XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(event.utf8))) }
        XCTAssertTrue(events.last?.contains("\"reason\":\"interrupted\"") ?? false)
    }

    func testFullDiskIsRefusedBeforeTheSessionStarts() throws {
        let result = try CoachDrillBinary.run(["play", scenario, "--transcript", "/dev/full"], input: "Hello?\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("cannot write the transcript to '/dev/full'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("--transcript FILE"), result.stderr)
        XCTAssertFalse(result.stdout.contains("Sam:"), "the session must not start")
    }

    func testUnwritableFolderIsRefusedBeforeTheSessionStarts() throws {
        let result = try CoachDrillBinary.run(["play", scenario, "--transcript", "/proc/coachdrill/t.jsonl"], input: "Hello?\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("cannot write the transcript"), result.stderr)
    }

    func testOutputPipedIntoHeadEndsQuietly() throws {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        let lines = String(repeating: "Where are you now with what you wanted from today?\n", count: 20_000)
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("cd-head-\(UUID().uuidString).txt").path
        try lines.write(toFile: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: input) }
        shell.arguments = ["-c", "'\(CoachDrillBinary.executable.path)' classify '\(input)' | head -n 2 >/dev/null; echo ${PIPESTATUS:-}"]
        let errors = Pipe()
        shell.standardError = errors
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        shell.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(stderr, "", "no 'broken pipe' noise")
    }

    func testHostileCoachLinesNeverReachTheTerminalRaw() throws {
        var bytes = Data()
        bytes.append(Data("\u{1B}[2J\u{1B}]0;pwned\u{07} evil \u{202E}txt.exe\n".utf8))
        bytes.append(Data([0xFF, 0xFE, 0x00, 0x41, 0x0A]))  // invalid UTF-8 and a NUL
        bytes.append(Data(String(repeating: "x", count: 10_000_000).utf8))
        bytes.append(Data("\nWhere are you now with what you wanted from today?\n".utf8))
        let input = bytes
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cd-hostile-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = CoachDrillBinary.executable
        process.arguments = ["play", scenario, "--transcript", path]
        process.environment = ["NO_COLOR": "1", "HOME": NSTemporaryDirectory()]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        DispatchQueue.global().async {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertFalse(output.contains("\u{1B}"), "no escape sequence reaches the terminal")
        XCTAssertFalse(output.contains("\u{202E}"), "no bidi override reaches the terminal")
        XCTAssertTrue(output.contains("only its start is used"), "the huge line is bounded, with a note")
        let events = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        for event in events { XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(event.utf8)), String(event.prefix(80))) }
        XCTAssertEqual(events.filter { $0.contains("\"event\":\"coach\"") }.count, 4)
    }

    private func waitUntil(_ condition: () -> Bool) -> Bool {
        for _ in 0..<500 {
            if condition() { return true }
            usleep(20_000)
        }
        return false
    }
}
