import Foundation
import ScenarioFormat

/// Unbuffered writes to standard output, so a session's lines reach the screen (or the pipe) as they are
/// said, in order with the prompt. Every write is checked: a reader that has gone away (EPIPE) ends the
/// program quietly, and any other failure (a full disk, an I/O error) is said and ends it with status 1,
/// so `report > /dev/full` does not look like success.
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

    /// A drill sets this: when its terminal hangs up (a participant's SSH connection drops, a window is
    /// closed) or its reader goes away, what is left to say is dropped and the drill goes on to record how
    /// it ended, instead of exiting with its results file unfinished. Set once, before any output.
    nonisolated(unsafe) static var outlivesItsReader = false

    static func write(_ text: String, terminator: String = "\n") {
        var bytes = Array(text.utf8)
        bytes.append(contentsOf: terminator.utf8)
        bytes.withUnsafeBytes { writeAll($0) }
    }

    /// Writes every byte or ends the program: quietly on EPIPE, with a message and status 1 otherwise.
    static func writeAll(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(STDOUT_FILENO, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written < 0 {
                let code = errno
                if code == EINTR || code == EAGAIN { continue }
                if code == EPIPE || (code == EIO && outlivesItsReader) {
                    // The reader went away (a closed pipe, a terminal that hung up): nothing more to say to anyone.
                    if outlivesItsReader { return }
                    exit(0)
                }
                ErrorReport.say("cannot write to standard output: \(String(cString: strerror(code)))")
                exit(1)
            }
            if written == 0 {
                ErrorReport.say("cannot write to standard output: nothing was written")
                exit(1)
            }
            offset += written
        }
    }
}
