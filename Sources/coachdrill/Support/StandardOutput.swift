import Foundation
import ScenarioFormat

/// Unbuffered writes to standard output, so a session's lines reach the screen (or the pipe) as they are
/// said, in order with the prompt. A reader that has gone away (EPIPE) ends the program quietly.
enum StandardOutput {
    /// The terminal's width in columns when standard output is a terminal; nil for pipes and files, whose
    /// text is never wrapped (scripts and golden files see lines exactly as written). Asked on every call,
    /// so a resized window is followed.
    static var terminalWidth: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Writes `text`, word-wrapped to the terminal's width when there is a terminal.
    static func say(_ text: String) {
        write(terminalWidth.map { TerminalText.wrap(text, width: $0) } ?? text)
    }

    static func write(_ text: String, terminator: String = "\n") {
        var bytes = Array(text.utf8)
        bytes.append(contentsOf: terminator.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                exit(0)
            }
            offset += written
        }
    }
}
