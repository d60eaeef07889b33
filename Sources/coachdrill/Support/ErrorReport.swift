import ArgumentParser
import Foundation
import ScenarioFormat

/// "coachdrill: <message>" on standard error: how every command says what went wrong.
enum ErrorReport {
    /// Messages quote file names, transcript values and scenario ids, any of which a stranger may have
    /// written: every control character (an OSC that sets the window title or the clipboard, a bidi
    /// override) is shown escaped. Line feeds stay, for messages of several lines.
    static func say(_ message: String) {
        FileHandle.standardError.write(Data("coachdrill: \(TerminalText.sanitize(message))\n".utf8))
    }

    /// Says what went wrong and gives the exit code for the caller to throw (1 unless it means more).
    static func fail(_ message: String, exitCode: Int32 = 1) -> ExitCode {
        say(message)
        return ExitCode(exitCode)
    }
}
