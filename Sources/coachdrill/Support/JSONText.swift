/// Writes JSON string literals. The output shapes are small and fixed, so a quoting function is all
/// that is needed; it is also several times faster than JSONEncoder on the `classify` hot path.
enum JSONText {
    static func quote(_ string: String) -> String {
        var out = ByteBuffer(capacity: string.utf8.count + 2)
        appendQuoted(string, to: &out)
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends `string` as a JSON string literal to `out`. Works on UTF-8 bytes and copies the runs that need
    /// no escaping whole: this is on the path of every `classify` line.
    /// Escaped: quote, backslash, controls (U+0000-001F, U+007F-009F), and U+2028/2029, which end lines in
    /// JavaScript.
    static func appendQuoted(_ string: String, to out: inout ByteBuffer) {
        out.append(UInt8(ascii: "\""))
        // Native and small strings lend their UTF-8 as they are; only a bridged one needs a copy first.
        if string.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &out) }) == nil {
            var copy = string
            copy.withUTF8 { appendEscaped($0, to: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight plain ASCII bytes at a time, while there are eight (most strings are all plain).
            if let base = bytes.baseAddress {
                while index + 8 <= bytes.count,
                    isPlainASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                }
                guard index < bytes.count else { break }
            }
            let byte = bytes[index]
            if needsNoEscape(byte) {
                index += 1
                continue
            }
            let escape: (text: String, width: Int)?
            switch byte {
            case UInt8(ascii: "\""): escape = ("\\\"", 1)
            case UInt8(ascii: "\\"): escape = ("\\\\", 1)
            case 0x0A: escape = ("\\n", 1)
            case 0x0D: escape = ("\\r", 1)
            case 0x09: escape = ("\\t", 1)
            case 0x00..<0x20, 0x7F: escape = (unicodeEscape(UInt32(byte)), 1)
            case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                escape = (unicodeEscape(UInt32(bytes[index + 1])), 2)
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape = (unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029), 3)
            default: escape = nil
            }
            guard let escape else {
                index += 1
                continue
            }
            if index > runStart { out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            out.append(escape.text)
            index += escape.width
            runStart = index
        }
        if bytes.count > runStart { out.append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    /// Whether eight bytes (read as one integer) are all printable ASCII other than quote and backslash.
    /// Word-at-a-time tests from "Bit Twiddling Hacks": `(x - 0x01…01 * n) & ~x & 0x80…80` is non-zero
    /// exactly when some byte of `x` is below `n` (for n ≤ 128), and a byte equal to `b` is a zero byte
    /// of `x ^ (0x01…01 * b)`.
    @inline(__always)
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        func hasByte(_ byte: UInt64) -> UInt64 {
            let x = word ^ (ones &* byte)
            return (x &- ones) & ~x & high
        }
        let nonASCII = word & high
        let control = (word &- ones &* 0x20) & ~word & high
        return nonASCII | control | hasByte(0x22) | hasByte(0x5C) | hasByte(0x7F) == 0
    }

    /// Most bytes of most strings: printable ASCII but quote and backslash, and UTF-8 bytes that cannot
    /// start one of the escaped characters. Lower-case letters are tested first.
    @inline(__always)
    private static func needsNoEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5D...0x7E, 0x23...0x5B, 0x20...0x21: true
        case 0x80...0xFF: byte != 0xC2 && byte != 0xE2
        default: false
        }
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    static func quote(_ string: String?) -> String {
        string.map(quote) ?? "null"
    }

    static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) + ".0" : String(rounded)
    }

    /// Appends `number(value)` to `out`. Scores (0 to 1, in hundredths) are written digit by digit:
    /// `String(Double)` costs more than the rest of a score's JSON. For hundredths below 1,000,000 the
    /// digits are exactly those `String(Double)` writes (checked for every one of them); other values
    /// go through `number`.
    static func appendNumber(_ value: Double, to out: inout ByteBuffer) {
        let hundredths = (value * 100).rounded()
        guard hundredths >= 0, hundredths < 1_000_000 else {
            out.append(number(value))
            return
        }
        let count = Int(hundredths)
        appendDigits(count / 100, to: &out)
        out.append(UInt8(ascii: "."))
        let fraction = count % 100
        out.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        if fraction % 10 != 0 { out.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
    }

    private static func appendDigits(_ value: Int, to out: inout ByteBuffer) {
        if value >= 10 { appendDigits(value / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
