#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a pipe or a file: no prompt, no echo, no editing.
///
/// - A line ends at "\n"; a "\r" before it is dropped, so files written on Windows read the same.
/// - A final line without a newline is still returned; then `.endOfInput`, for good.
/// - Lines are decoded as UTF-8, malformed bytes replaced by U+FFFD. Other bytes, NUL and control
///   characters included, are delivered as they came: whoever echoes a line must escape them.
/// - A line longer than `maxLineBytes` is read to its end but returned cut to that many bytes (at a
///   character boundary), and `lastLineWasTruncated` says so.
/// - Input is read in large blocks, not a byte per system call.
/// - With `handlesSignals`, SIGINT, SIGTERM or SIGHUP arriving while the reader waits for input returns
///   `.terminated(signal:)`: with no line editor there is no line to discard, so an interrupt means stop.
public final class PlainLineReader: LineReader {
    public static let defaultMaxLineBytes = 64 * 1024

    /// The longest line returned whole, in bytes of UTF-8 (without the line ending).
    public let maxLineBytes: Int

    /// Whether the last line returned was cut to `maxLineBytes`.
    public private(set) var lastLineWasTruncated = false

    /// The errno of the read that failed, when input ended because of an error rather than EOF.
    public private(set) var lastError: Int32?

    private let fileDescriptor: Int32
    private let handlesSignals: Bool
    private var block: [UInt8]
    private var blockStart = 0
    private var blockEnd = 0
    private var reachedEnd = false

    public init(
        fileDescriptor: Int32 = 0,  // standard input
        maxLineBytes: Int = PlainLineReader.defaultMaxLineBytes,
        handlesSignals: Bool = true,
        blockSize: Int = 64 * 1024
    ) {
        self.fileDescriptor = fileDescriptor
        self.maxLineBytes = max(0, maxLineBytes)
        self.handlesSignals = handlesSignals
        self.block = [UInt8](repeating: 0, count: max(1, blockSize))
    }

    public func readLine(prompt: String) -> LineReadResult {
        lastLineWasTruncated = false
        var line = LineAccumulator(limit: maxLineBytes)
        while true {
            if blockStart < blockEnd {
                if let newline = nextNewline() {
                    let content = block[blockStart..<newline]
                    blockStart = newline + 1
                    if line.isEmpty {
                        return finish(LineAccumulator.decode(content, limit: maxLineBytes))  // the usual case: no copy
                    }
                    line.append(content)
                    return finish(line.text())
                }
                line.append(block[blockStart..<blockEnd])
                blockStart = blockEnd
            }
            if reachedEnd {
                return line.isEmpty ? .endOfInput : finish(line.text())
            }
            if let signal = refill() {
                return .terminated(signal: signal)
            }
        }
    }

    /// Plain input keeps no history.
    public func addHistory(_ line: String) {}

    private func finish(_ line: (text: String, truncated: Bool)) -> LineReadResult {
        lastLineWasTruncated = line.truncated
        return .line(line.text)
    }

    /// Index of the next "\n" in the unread part of the block (memchr: this is the hot loop).
    private func nextNewline() -> Int? {
        block.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                  let found = memchr(base + blockStart, 0x0A, blockEnd - blockStart)
            else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    /// Reads the next block. Returns the signal that stopped the wait, if one did.
    private func refill() -> Int32? {
        blockStart = 0
        blockEnd = 0
        let trap = handlesSignals ? SignalTrap.arm([SIGINT, SIGTERM, SIGHUP]) : nil
        defer { trap?.disarm() }
        while true {
            if handlesSignals, let signal = SignalTrap.takeFirst(of: [SIGTERM, SIGHUP, SIGINT]) {
                return signal
            }
            if handlesSignals, !awaitReadable() {
                continue  // woken by a signal, or poll failed and read() will say why
            }
            let count = block.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                blockEnd = count
                return nil
            }
            if count < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            }
            lastError = count < 0 ? errno : nil
            reachedEnd = true
            return nil
        }
    }

    /// Waits until the input has something (or EOF) or a signal arrives; true when input is ready.
    private func awaitReadable() -> Bool {
        var descriptors = [
            pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: SignalTrap.wakeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        guard poll(&descriptors, nfds_t(descriptors.count), -1) >= 0 else {
            return errno != EINTR
        }
        if descriptors[1].revents != 0 {
            SignalTrap.drainWakeups()
        }
        return descriptors[0].revents != 0
    }
}

/// The bytes of one line, kept up to a limit; what lies past the limit is counted, not stored.
private struct LineAccumulator {
    let limit: Int
    private var bytes: [UInt8] = []
    private var dropped = false

    init(limit: Int) {
        self.limit = limit
    }

    var isEmpty: Bool { bytes.isEmpty && !dropped }

    /// Keeps one byte beyond the limit, so a "\r" that ends a line of exactly `limit` bytes can still
    /// be told apart from content.
    mutating func append(_ slice: ArraySlice<UInt8>) {
        let room = limit + 1 - bytes.count
        if slice.count <= room {
            bytes.append(contentsOf: slice)
        } else {
            bytes.append(contentsOf: slice.prefix(max(0, room)))
            dropped = true
        }
    }

    /// The decoded line and whether it was cut.
    func text() -> (text: String, truncated: Bool) {
        Self.decode(bytes[...], limit: limit, alreadyCut: dropped)
    }

    /// Decodes one line's bytes (without "\n"): drops a final "\r", cuts to `limit` bytes at a
    /// character boundary, repairs malformed UTF-8 to U+FFFD.
    static func decode(
        _ bytes: ArraySlice<UInt8>, limit: Int, alreadyCut: Bool = false
    ) -> (text: String, truncated: Bool) {
        var content = bytes
        if !alreadyCut, content.last == 0x0D {
            content = content.dropLast()
        }
        var truncated = alreadyCut
        if content.count > limit {
            truncated = true
            // Back up to a character boundary rather than leave half a sequence to become U+FFFD.
            var cut = content.startIndex + limit
            while cut > content.startIndex, bytes[cut] & 0xC0 == 0x80, content.startIndex + limit - cut < 3 {
                cut -= 1
            }
            content = content[..<cut]
        }
        return (String(decoding: content, as: UTF8.self), truncated)
    }
}
