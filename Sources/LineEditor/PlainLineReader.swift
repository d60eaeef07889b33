#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a pipe or file: no prompt, no echo, no terminal handling.
///
/// Lines are bounded (`maxLineBytes`): an over-long line is read to its end but returned truncated, and
/// `lastLineWasTruncated` says so. Invalid UTF-8 is repaired with U+FFFD rather than rejected.
public final class PlainLineReader: LineReader {
    public let maxLineBytes: Int
    public private(set) var lastLineWasTruncated = false
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var atEOF = false

    /// SIGINT, SIGTERM and SIGHUP while waiting for input give `.terminated`, so the caller can close the
    /// session properly; with `watchSignals: false` they keep their default actions.
    public init(fileDescriptor: Int32, maxLineBytes: Int = 64 * 1024, watchSignals: Bool = false) {
        descriptor = fileDescriptor
        self.maxLineBytes = maxLineBytes
        if watchSignals { SignalWatch.install() }
    }

    public func readLine(prompt: String) -> LineReadResult {
        var line: [UInt8] = []
        lastLineWasTruncated = false
        while true {
            if start == end {
                if atEOF { break }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR {
                        let signal = SignalWatch.take()
                        if signal != 0 { return .terminated(signal: signal) }
                        continue
                    }
                    atEOF = true
                    break
                }
                if count == 0 {
                    atEOF = true
                    break
                }
                start = 0
                end = count
            }
            if let newline = buffer[start..<end].firstIndex(of: UInt8(ascii: "\n")) {
                append(buffer[start..<newline], to: &line)
                start = newline + 1
                return .line(Self.decode(line))
            }
            append(buffer[start..<end], to: &line)
            start = end
        }
        if line.isEmpty && !lastLineWasTruncated { return .endOfInput }
        return .line(Self.decode(line))
    }

    public func addHistory(_ line: String) {}

    private func append(_ bytes: ArraySlice<UInt8>, to line: inout [UInt8]) {
        let room = maxLineBytes - line.count
        if bytes.count > room {
            line.append(contentsOf: bytes.prefix(max(0, room)))
            lastLineWasTruncated = true
        } else {
            line.append(contentsOf: bytes)
        }
    }

    private static func decode(_ bytes: [UInt8]) -> String {
        var bytes = bytes
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
