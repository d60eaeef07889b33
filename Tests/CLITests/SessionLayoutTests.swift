import Foundation
import XCTest

/// How a session's `:` commands read on a real 80-column terminal, where output is wrapped to the width
/// and may be coloured: what a pipe never shows.
final class SessionLayoutTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("cd-layout-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: home)
    }

    /// The dimmed "Partnering:" lines keep their hanging indent in colour, exactly as without it: the
    /// styling escapes take no columns and do not hide the indentation from the wrapping.
    func testMarkersWrapTheSameInColourAsWithout() throws {
        let coloured = try visibleOutput(of: ":markers", colour: true)
        let plain = try visibleOutput(of: ":markers", colour: false)
        XCTAssertEqual(coloured, plain)
        let lines = coloured.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  Partnering: ") }, coloured)
        XCTAssertFalse(lines.contains { $0.hasPrefix(" Partnering: ") }, "indentation kept whole: \(coloured)")
        // Within a marker's block (after its "8.n name" line) every line is indented, continuations too.
        var inBlock = false
        for line in lines {
            if line.hasPrefix("8.") {
                inBlock = true
            } else if line.isEmpty {
                inBlock = false
            } else if inBlock {
                XCTAssertTrue(line.hasPrefix("  "), "continuation lost its indent: '\(line)'\n\(coloured)")
            }
            XCTAssertLessThanOrEqual(line.count, 80, String(line))
        }
    }

    /// The help's sentences break where the terminal runs out of room, not where the source did.
    func testHelpWrapsByWidthOnly() throws {
        XCTAssertEqual(
            try visibleOutput(of: ":help", colour: false),
            """
            Answer as the coach in your own words. After each answer you'll see which PCC
            marker (8.1-8.9) it served and whether you partnered or advised.
              :hint        a nudge for this moment
              :markers     the nine markers of competency 8
              :score       your scorecard so far
              :undo        take back your last answer
              :restart     start the scenario again
              :transcript  where this session is being saved
              :quit        end the session (Ctrl-D does too)
            Tab completes commands; Up and Down recall earlier answers; Ctrl-C clears the
            line.


            """)
    }

    /// A hint stands apart from the next prompt by a blank line, as the client's lines and the scorecard do.
    func testHintIsFollowedByABlankLine() throws {
        XCTAssertEqual(
            try visibleOutput(of: ":hint", colour: false),
            """
            Invite Sam to look back at what they wanted from today.
            This moment is a chance for 8.1 progress.


            """)
    }

    // MARK: Helpers

    /// What a person reads on an 80-column terminal after typing `command` at the first prompt, up to the
    /// next prompt: escapes removed, the typed command's own line and the prompt left out.
    private func visibleOutput(of command: String, colour: Bool) throws -> String {
        var environment = PseudoTerminal.baseEnvironment
        environment["HOME"] = home
        if !colour { environment["NO_COLOR"] = "1" }
        let terminal = try PseudoTerminal(
            executable: CoachDrillBinary.executable.path,
            arguments: ["play", CoachDrillBinary.fixture("play/closing-practice.yaml"), "--no-transcript"],
            environment: environment, directory: CoachDrillBinary.packageRoot.path, columns: 80)
        XCTAssertTrue(waitForPrompt(terminal, after: 0), terminal.output)
        let mark = terminal.mark
        terminal.send(command + "\r")
        XCTAssertTrue(waitForPrompt(terminal, after: mark), terminal.output)
        let after = String(decoding: Array(terminal.output.utf8)[mark...], as: UTF8.self)
        var lines = PseudoTerminal.removingEscapes(after).replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeFirst()  // the command as typed
        terminal.send("\u{04}")
        XCTAssertEqual(terminal.waitForExit(), 0)
        let shown = lines.joined(separator: "\n")
        return shown.hasSuffix("coach> ") ? String(shown.dropLast("coach> ".count)) : shown
    }

    /// Waits until the output after `mark` ends with a prompt (libedit may redraw it with escapes).
    private func waitForPrompt(_ terminal: PseudoTerminal, after mark: Int) -> Bool {
        for _ in 0..<500 {
            let after = Array(terminal.output.utf8)[min(mark, terminal.mark)...]
            if PseudoTerminal.removingEscapes(String(decoding: after, as: UTF8.self)).hasSuffix("coach> ") {
                usleep(50_000)
                return true
            }
            usleep(20_000)
        }
        return false
    }
}
