import ArgumentParser
import Foundation

/// Reads a whole text input from a path or standard input ("-"), repairing invalid UTF-8.
enum InputText {
    static func read(_ path: String) throws -> String {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return String(decoding: data, as: UTF8.self)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read '\(path)': no such file or not readable")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Buffers standard output and writes it in large blocks, checked as `StandardOutput` checks its writes.
struct OutputBuffer: ~Copyable {
    private var buffer = ByteBuffer(capacity: 1 << 17)

    init() {
        #if os(Linux)
        // When standard output is a pipe, ask for a 1 MB pipe (Linux gives 64 KB): `classify` writes tens of
        // megabytes, and with a small pipe it stops every 64 KB until its reader has been scheduled to drain
        // it. Refused or not a pipe: nothing changes.
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ, which the Glibc module does not export
        _ = fcntl(STDOUT_FILENO, setPipeSize, Int32(1 << 20))
        #endif
    }

    mutating func write(_ line: String) {
        buffer.append(line)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Lets `body` write a line's bytes straight into the buffer (no intermediate String).
    mutating func writeLine(_ body: (inout ByteBuffer) -> Void) {
        body(&buffer)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        buffer.withBytes { StandardOutput.writeAll(UnsafeRawBufferPointer($0)) }
        buffer.removeAll()
    }
}
