import Foundation

/// Unbuffered writes to standard output, so a session's lines reach the screen (or the pipe) as they are
/// said, in order with the prompt. A reader that has gone away (EPIPE) ends the program quietly.
enum StandardOutput {
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
