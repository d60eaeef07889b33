import Foundation
import XCTest

/// `coachdrill play` on a real (pseudo-)terminal: proves the libedit prompt is live.
final class InteractiveSessionTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("cd-pty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: home)
    }

    private func start(_ arguments: [String]) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: CoachDrillBinary.executable.path, arguments: arguments,
            environment: ["HOME": home, "TERM": "xterm", "NO_COLOR": "1", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"],
            directory: CoachDrillBinary.packageRoot.path)
    }

    func testHistoryCompletionInterruptAndEndOfInput() throws {
        let terminal = try start(["play", CoachDrillBinary.fixture("play/closing-practice.yaml"), "--no-transcript"])
        let before = terminal.terminalSettings()
        XCTAssertTrue(terminal.waitFor("coach> "), terminal.output)

        terminal.send("Where are you now with what you wanted from today?\r")
        XCTAssertTrue(terminal.waitFor("partnered"), terminal.output)
        XCTAssertTrue(terminal.waitFor("Closer than I expected"), terminal.output)
        waitForPrompt(terminal)

        // Tab completes a command: ":he" + Tab + Enter runs :help.
        terminal.send(":he\t")
        usleep(100_000)
        terminal.send("\r")
        XCTAssertTrue(terminal.waitFor("a nudge for this moment"), terminal.output)
        waitForPrompt(terminal)

        // Ctrl-C discards the half-typed line; the session carries on and the next line stands alone.
        terminal.send("something half typ")
        XCTAssertTrue(terminal.waitFor("half typ"))
        terminal.send("\u{03}")
        XCTAssertNil(terminal.waitForExit(timeout: 0.3), "Ctrl-C must not end the session")
        waitForPrompt(terminal)
        terminal.send(":score\r")
        XCTAssertTrue(terminal.waitFor("turns: 1"), terminal.output)
        waitForPrompt(terminal)
        XCTAssertFalse(terminal.output.contains("Unknown command"), "the discarded text must not reach the next line")

        // Up arrow recalls the previous line: Enter on it runs :score again.
        terminal.send("\u{1B}[A")
        usleep(200_000)
        terminal.send("\r")
        XCTAssertTrue(waitUntil { self.occurrences("Scorecard", in: terminal) >= 2 }, terminal.output)
        waitForPrompt(terminal)

        // UTF-8 survives editing.
        let mark = terminal.mark
        terminal.send("What would you like to do before we next meet, café 🙂?\r")
        XCTAssertTrue(terminal.waitFor("café 🙂", after: mark), terminal.output)
        // 8.5 is not the coach closing: the ending is announced, and the coach gets one more turn.
        XCTAssertTrue(terminal.waitFor("Sam glances at the clock."), terminal.output)
        waitForPrompt(terminal)
        terminal.send("How would you like to close our session today?\r")
        XCTAssertTrue(terminal.waitFor("good place to end"), terminal.output)

        // The end beat shows the scorecard, but the session stays open: the last answer can be undone.
        XCTAssertTrue(terminal.waitFor("The session has ended."), terminal.output)
        waitForPrompt(terminal)
        terminal.send(":undo\r")
        XCTAssertTrue(terminal.waitFor("Undone. Sam is waiting for your answer to:"), terminal.output)
        waitForPrompt(terminal)
        terminal.send("How would you like to close our session today?\r")
        XCTAssertTrue(waitUntil { self.occurrences("The session has ended.", in: terminal) >= 2 }, terminal.output)
        waitForPrompt(terminal)

        // Ctrl-D leaves, and the terminal is as it was.
        terminal.send("\u{04}")
        XCTAssertEqual(terminal.waitForExit(), 0)
        let after = terminal.terminalSettings()
        XCTAssertEqual(before.c_lflag, after.c_lflag, "terminal local modes restored")
        XCTAssertEqual(before.c_iflag, after.c_iflag, "terminal input modes restored")

        let history = try String(contentsOfFile: home + "/.local/state/coachdrill/history", encoding: .utf8)
        XCTAssertTrue(history.contains(":help"), "history is kept across runs")
    }

    /// Waits until the prompt is back at the end of the screen, so keys go to libedit and not the line discipline.
    private func waitForPrompt(_ terminal: PseudoTerminal) {
        XCTAssertTrue(waitUntil { _ = terminal.mark; return terminal.output.hasSuffix("coach> ") }, "no prompt: \(terminal.output)")
        usleep(50_000)
    }

    private func occurrences(_ text: String, in terminal: PseudoTerminal) -> Int {
        _ = terminal.mark
        return terminal.output.components(separatedBy: text).count - 1
    }

    private func waitUntil(_ condition: () -> Bool) -> Bool {
        for _ in 0..<250 {
            if condition() { return true }
            usleep(20_000)
        }
        return false
    }

    func testControlDOnAnEmptyLineEndsWithTheScorecard() throws {
        let terminal = try start(["play", CoachDrillBinary.fixture("play/closing-practice.yaml"), "--no-transcript"])
        let before = terminal.terminalSettings()
        waitForPrompt(terminal)
        terminal.send("\u{04}")
        XCTAssertTrue(terminal.waitFor("Scorecard"), terminal.output)
        XCTAssertEqual(terminal.waitForExit(), 0)
        XCTAssertEqual(before.c_lflag, terminal.terminalSettings().c_lflag)
    }

    /// SIGTERM, SIGHUP and an external SIGINT at the prompt: an `interrupted` end event, exit 128+signal,
    /// and the terminal settings exactly as before.
    func testSignalsAtThePromptEndTheSessionCleanly() throws {
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            let transcript = home + "/t-\(signal).jsonl"
            let terminal = try start(["play", CoachDrillBinary.fixture("play/closing-practice.yaml"), "--transcript", transcript])
            let before = terminal.terminalSettings()
            waitForPrompt(terminal)
            terminal.send("Where are you now with what you wanted from today?\r")
            XCTAssertTrue(terminal.waitFor("Closer than I expected"), terminal.output)
            waitForPrompt(terminal)
            terminal.send("half a line")
            XCTAssertTrue(terminal.waitFor("half a line"))
            kill(terminal.pid, signal)
            XCTAssertEqual(terminal.waitForExit(), 128 + signal, "signal \(signal)")
            let after = terminal.terminalSettings()
            XCTAssertEqual(before.c_lflag, after.c_lflag, "signal \(signal): local modes restored")
            XCTAssertEqual(before.c_iflag, after.c_iflag, "signal \(signal): input modes restored")
            XCTAssertEqual(before.c_oflag, after.c_oflag, "signal \(signal): output modes restored")
            let events = try String(contentsOfFile: transcript, encoding: .utf8).split(separator: "\n")
            XCTAssertTrue(events.last?.contains("\"reason\":\"interrupted\"") ?? false, "signal \(signal): \(events.last ?? "")")
            XCTAssertEqual(events.filter { $0.contains("\"event\":\"coach\"") }.count, 1, "the answered turn is kept")
        }
    }

    /// A resize while typing keeps the line: the whole line is judged after Enter.
    func testResizeMidLineKeepsTheLine() throws {
        let terminal = try start(["play", CoachDrillBinary.fixture("play/closing-practice.yaml"), "--no-transcript"])
        waitForPrompt(terminal)
        terminal.send("Where are you now with ")
        XCTAssertTrue(terminal.waitFor("now with"))
        terminal.resize(columns: 70, rows: 30)
        usleep(200_000)
        terminal.send("what you wanted from today?\r")
        XCTAssertTrue(terminal.waitFor("Closer than I expected"), terminal.output)
        XCTAssertTrue(terminal.output.contains("8.1 progress · partnered"), terminal.output)
    }
}
