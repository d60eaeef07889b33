import Foundation
import XCTest

@testable import LineEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// EditLineReader on a real pseudo-terminal, in-process: keys go in on the master side exactly as a
/// terminal emulator would send them.
final class EditLineReaderTests: XCTestCase {
    static let commands = [":help", ":hint", ":markers", ":score", ":undo", ":restart", ":transcript", ":quit"]

    private var driver: TerminalDriver!
    private var folder: URL!

    override func setUpWithError() throws {
        driver = try TerminalDriver()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("LineEditorTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        driver.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }

    private func makeReader(historyFile: String? = nil) throws -> EditLineReader {
        try EditLineReader(
            programName: "coachdrill-tests", historyFile: historyFile, completions: Self.commands,
            inputFileDescriptor: driver.slave, outputFileDescriptor: driver.slave,
            errorFileDescriptor: driver.slave, terminalType: "xterm", readsEditrc: false
        )
    }

    private func read(_ reader: EditLineReader, typing keys: String) -> LineReadResult {
        driver.whenEditing(type: keys)
        return reader.readLine(prompt: "coach> ")
    }

    func testTypedLineIsReturnedWithoutItsNewline() throws {
        let reader = try makeReader()
        XCTAssertEqual(read(reader, typing: "hello\n"), .line("hello"))
        XCTAssertEqual(read(reader, typing: "carriage return\r"), .line("carriage return"))
        XCTAssertTrue(driver.waitForOutput("coach> "))
    }

    func testUpArrowRecallsThePreviousLine() throws {
        let reader = try makeReader()
        XCTAssertEqual(read(reader, typing: "first\n"), .line("first"))
        reader.addHistory("first")
        XCTAssertEqual(read(reader, typing: "\u{1B}[A\n"), .line("first"))
    }

    func testTabCompletesAUniqueCommandPrefix() throws {
        let reader = try makeReader()
        XCTAssertEqual(read(reader, typing: ":he\t\n"), .line(":help"))
        XCTAssertEqual(read(reader, typing: ":t\t\n"), .line(":transcript"))
    }

    func testTabListsSeveralMatchesThenCompletesOnceUnique() throws {
        let reader = try makeReader()
        XCTAssertEqual(read(reader, typing: ":h\te\t\n"), .line(":help"))
        XCTAssertTrue(driver.waitForOutput(":help  :hint"), driver.output)
    }

    func testTabLeavesOrdinarySentencesAlone() throws {
        let reader = try makeReader()
        XCTAssertEqual(read(reader, typing: "what now\t?\n"), .line("what now?"))
    }

    func testCtrlCDiscardsTheLineAndTheNextLineStillReads() throws {
        let reader = try makeReader()
        XCTAssertEqual(read(reader, typing: "half a thou\u{03}"), .interrupted)
        // The line stays on screen, marked; libedit may move the cursor in between (ESC [ n G).
        XCTAssertTrue(driver.waitForOutput("^C"), driver.output)
        XCTAssertTrue(driver.output.contains("half a thou"), driver.output)
        XCTAssertEqual(read(reader, typing: "next\n"), .line("next"))
    }

    func testCtrlCWithTheCursorMidLineStillDiscardsEverything() throws {
        let reader = try makeReader()
        XCTAssertEqual(read(reader, typing: "abcdef\u{1B}[D\u{1B}[D\u{03}"), .interrupted)
        XCTAssertEqual(read(reader, typing: "ok\n"), .line("ok"))
    }

    func testCtrlDOnAnEmptyLineEndsInput() throws {
        let reader = try makeReader()
        XCTAssertEqual(read(reader, typing: "\u{04}"), .endOfInput)
    }

    func testCtrlDInsideALineDeletesInsteadOfEnding() throws {
        let reader = try makeReader()
        XCTAssertEqual(read(reader, typing: "abc\u{01}\u{04}\n"), .line("bc"))  // Ctrl-A, then Ctrl-D
    }

    func testUTF8SurvivesTypingAndEditing() throws {
        let reader = try makeReader()
        XCTAssertEqual(read(reader, typing: "café naïve 🙂\n"), .line("café naïve 🙂"))
        // Backspace removes a whole character, not a byte of it.
        XCTAssertEqual(read(reader, typing: "naïveé\u{7F}\n"), .line("naïve"))
    }

    func testColouredPromptIsDrawnWithoutItsMarkers() throws {
        let reader = try makeReader()
        driver.whenEditing(type: "ab\n")
        XCTAssertEqual(reader.readLine(prompt: "\u{1B}[1;36mcoach>\u{1B}[0m "), .line("ab"))
        XCTAssertTrue(driver.waitForOutput("\u{1B}[1;36mcoach>"), driver.output)
        XCTAssertFalse(driver.output.contains("\u{1}"))
    }

    func testHistoryIsSavedAndReloadedByANewReader() throws {
        let file = folder.appendingPathComponent("history").path
        do {
            let reader = try makeReader(historyFile: file)
            XCTAssertEqual(read(reader, typing: "remember me\n"), .line("remember me"))
            reader.addHistory("remember me")
            reader.close()
        }
        var status = stat()
        XCTAssertEqual(stat(file, &status), 0, "history file written")
        XCTAssertEqual(status.st_mode & 0o777, 0o600, "history is private to the user")

        let again = try makeReader(historyFile: file)
        XCTAssertEqual(read(again, typing: "\u{1B}[A\n"), .line("remember me"))
    }

    func testTerminalAttributesAreRestoredBetweenLinesAndAfterClose() throws {
        let before = try XCTUnwrap(driver.state())
        let reader = try makeReader()
        XCTAssertTrue(before.hasSameAttributes(as: try XCTUnwrap(driver.state())), "after init")
        XCTAssertEqual(read(reader, typing: "one\n"), .line("one"))
        XCTAssertTrue(before.hasSameAttributes(as: try XCTUnwrap(driver.state())), "between lines")
        XCTAssertEqual(read(reader, typing: "\u{03}"), .interrupted)
        XCTAssertTrue(before.hasSameAttributes(as: try XCTUnwrap(driver.state())), "after Ctrl-C")
        reader.close()
        XCTAssertTrue(before.hasSameAttributes(as: try XCTUnwrap(driver.state())), "after close")
        XCTAssertEqual(reader.readLine(prompt: "coach> "), .endOfInput, "a closed reader reads nothing")
    }

    func testSIGTERMWhileWaitingReturnsTerminatedWithTheTerminalRestored() throws {
        try withHarmlessHandler(for: SIGTERM) {
            let before = try XCTUnwrap(driver.state())
            let reader = try makeReader()
            driver.whenEditing(type: "typing when the signal came")
            driver.whenEditing(send: SIGTERM)
            XCTAssertEqual(reader.readLine(prompt: "coach> "), .terminated(signal: SIGTERM))
            XCTAssertTrue(before.hasSameAttributes(as: try XCTUnwrap(driver.state())))
        }
    }

    func testSIGHUPWhileWaitingReturnsTerminated() throws {
        try withHarmlessHandler(for: SIGHUP) {
            let reader = try makeReader()
            driver.whenEditing(send: SIGHUP)
            XCTAssertEqual(reader.readLine(prompt: "coach> "), .terminated(signal: SIGHUP))
        }
    }

    /// Ctrl-C typed is a key (the line is discarded); a SIGINT from another process ends the wait.
    func testSIGINTFromOutsideReturnsTerminated() throws {
        try withHarmlessHandler(for: SIGINT) {
            let reader = try makeReader()
            let before = try XCTUnwrap(driver.state())
            driver.whenEditing(type: "partial")
            driver.whenEditing(send: SIGINT)
            XCTAssertEqual(reader.readLine(prompt: "coach> "), .terminated(signal: SIGINT))
            XCTAssertTrue(before.hasSameAttributes(as: try XCTUnwrap(driver.state())))
        }
    }

    func testNotATerminalIsRejected() throws {
        var ends: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&ends), 0)
        defer { ends.forEach { close($0) } }
        XCTAssertThrowsError(
            try EditLineReader(
                programName: "t", historyFile: nil, completions: [],
                inputFileDescriptor: ends[0], outputFileDescriptor: ends[1]
            )
        ) { error in
            XCTAssertEqual(error as? EditLineReader.SetupError, .notATerminal)
        }
    }
}

/// Runs `body` with a do-nothing handler for `signal`, so a signal sent a moment too early or too late
/// (outside the reader's trap) cannot kill the test runner.
func withHarmlessHandler(for signal: Int32, _ body: () throws -> Void) rethrows {
    var harmless = sigaction()
    harmless.__sigaction_handler.sa_handler = { _ in }
    sigemptyset(&harmless.sa_mask)
    var previous = sigaction()
    sigaction(signal, &harmless, &previous)
    defer { sigaction(signal, &previous, nil) }
    try body()
}
