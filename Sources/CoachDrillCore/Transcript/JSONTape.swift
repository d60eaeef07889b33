/// One JSON text scanned into a flat list of tokens over its bytes (a "tape"), without building values.
///
/// Why: reading a transcript used to build a tree of `JSONValue`s per line and then pick fields out of
/// it; allocating and freeing that tree, and making a String of every key, was most of the cost of a
/// report. The tape is one reusable array; keys are compared as bytes where they lie, and a String is
/// made only for the values a reader actually asks for.
///
/// The scanner checks the full RFC 8259 grammar (plus limits on depth and object size), so a text that
/// scans is valid JSON; errors carry the 1-based byte column.
struct JSONTape {
    enum Kind: UInt8 {
        case object, array, string, number, `true`, `false`, null

        var typeName: String {
            switch self {
            case .object: "object"
            case .array: "array"
            case .string: "string"
            case .number: "number"
            case .true, .false: "boolean"
            case .null: "null"
            }
        }
    }

    /// A value (or an object key, which is a string token directly before its value).
    struct Token {
        var kind: Kind
        /// Strings: the bytes between the quotes. Numbers: the number's bytes. Containers: unused.
        var start: Int32
        var end: Int32
        /// The index of the token after this value and everything inside it: how to step over a value.
        var next: Int32
        /// Strings: whether the content holds escapes (and so cannot be used byte for byte).
        var escaped: Bool
    }

    private(set) var tokens: [Token] = []
    /// Keys of the objects being scanned, for the duplicate-key check (a stack across nesting levels).
    private var keys: [(start: Int32, end: Int32)] = []

    /// Scans `bytes`, replacing the previous contents. The bytes must be valid UTF-8 (taken from a String).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        tokens.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        // Token offsets are 32-bit, and no real event comes near this (a coach answer is capped at 4 KiB).
        guard bytes.count <= JSONReader.maxTextBytes else {
            throw JSONSyntaxError(column: 1, message: "longer than \(JSONReader.maxTextBytes >> 20) MiB on one line")
        }
        var scanner = Scanner(bytes: bytes)
        scanner.skipWhitespace()
        try scanner.value(depth: 0, tape: &self)
        scanner.skipWhitespace()
        if scanner.index < bytes.count { throw scanner.error("unexpected text after the JSON value") }
    }

    // MARK: Scanning

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        func error(_ message: String) -> JSONSyntaxError {
            JSONSyntaxError(column: index + 1, message: message)
        }

        var atEnd: Bool { index >= bytes.count }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int, tape: inout JSONTape) throws(JSONSyntaxError) {
            guard !atEnd else { throw error("the line ends where a value should be (cut off?)") }
            let position = Int32(tape.tokens.count)
            switch bytes[index] {
            case UInt8(ascii: "{"):
                try object(depth: depth + 1, tape: &tape)
            case UInt8(ascii: "["):
                try array(depth: depth + 1, tape: &tape)
            case UInt8(ascii: "\""):
                try string(tape: &tape)
            case UInt8(ascii: "t"):
                try literal("true")
                tape.tokens.append(Token(kind: .true, start: 0, end: 0, next: position + 1, escaped: false))
            case UInt8(ascii: "f"):
                try literal("false")
                tape.tokens.append(Token(kind: .false, start: 0, end: 0, next: position + 1, escaped: false))
            case UInt8(ascii: "n"):
                try literal("null")
                tape.tokens.append(Token(kind: .null, start: 0, end: 0, next: position + 1, escaped: false))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                try number()
                tape.tokens.append(Token(kind: .number, start: Int32(start), end: Int32(index), next: position + 1, escaped: false))
            default:
                throw error("expected a value")
            }
        }

        mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw error("the line ends inside '\(word)' (cut off?)") }
            let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
            for offset in 0..<count where bytes[index + offset] != expected[offset] {
                throw error("expected '\(word)'")
            }
            index += count
        }

        mutating func object(depth: Int, tape: inout JSONTape) throws(JSONSyntaxError) {
            guard depth <= JSONReader.maxDepth else { throw error("nested deeper than \(JSONReader.maxDepth) levels") }
            let position = tape.tokens.count
            tape.tokens.append(Token(kind: .object, start: Int32(index), end: 0, next: 0, escaped: false))
            index += 1
            skipWhitespace()
            if !atEnd, bytes[index] == UInt8(ascii: "}") {
                index += 1
                tape.tokens[position].next = Int32(tape.tokens.count)
                return
            }
            let firstKey = tape.keys.count
            defer { tape.keys.removeSubrange(firstKey...) }
            while true {
                skipWhitespace()
                guard !atEnd else { throw error("the line ends inside an object (cut off?)") }
                guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a field name in quotes") }
                let keyToken = tape.tokens.count
                try string(tape: &tape)
                let key = tape.tokens[keyToken]
                skipWhitespace()
                guard !atEnd, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after field name") }
                index += 1
                skipWhitespace()
                try value(depth: depth, tape: &tape)
                guard tape.keys.count - firstKey < JSONReader.maxMembers else {
                    throw error("more than \(JSONReader.maxMembers) fields in one object")
                }
                for other in tape.keys[firstKey...] where JSONTape.sameKey(other, (key.start, key.end), bytes) {
                    throw error("field '\(JSONTape.text(of: key, in: bytes))' appears twice")
                }
                tape.keys.append((key.start, key.end))
                skipWhitespace()
                guard !atEnd else { throw error("the line ends inside an object (cut off?)") }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    tape.tokens[position].next = Int32(tape.tokens.count)
                    return
                default: throw error("expected ',' or '}'")
                }
            }
        }

        mutating func array(depth: Int, tape: inout JSONTape) throws(JSONSyntaxError) {
            guard depth <= JSONReader.maxDepth else { throw error("nested deeper than \(JSONReader.maxDepth) levels") }
            let position = tape.tokens.count
            tape.tokens.append(Token(kind: .array, start: Int32(index), end: 0, next: 0, escaped: false))
            index += 1
            skipWhitespace()
            if !atEnd, bytes[index] == UInt8(ascii: "]") {
                index += 1
                tape.tokens[position].next = Int32(tape.tokens.count)
                return
            }
            while true {
                skipWhitespace()
                try value(depth: depth, tape: &tape)
                skipWhitespace()
                guard !atEnd else { throw error("the line ends inside an array (cut off?)") }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    tape.tokens[position].next = Int32(tape.tokens.count)
                    return
                default: throw error("expected ',' or ']'")
                }
            }
        }

        mutating func number() throws(JSONSyntaxError) {
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard !atEnd, isDigit(bytes[index]) else { throw error("expected a digit") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                while !atEnd, isDigit(bytes[index]) { index += 1 }
            }
            if !atEnd, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard !atEnd, isDigit(bytes[index]) else { throw error("expected a digit after '.'") }
                while !atEnd, isDigit(bytes[index]) { index += 1 }
            }
            if !atEnd, bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if !atEnd, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard !atEnd, isDigit(bytes[index]) else { throw error("expected a digit in the exponent") }
                while !atEnd, isDigit(bytes[index]) { index += 1 }
            }
        }

        func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        /// Checks a string (escapes included) and records it; the content is decoded only when asked for.
        mutating func string(tape: inout JSONTape) throws(JSONSyntaxError) {
            index += 1
            let start = index
            var escaped = false
            while true {
                guard index < bytes.count else { throw error("the line ends inside a string (cut off?)") }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { break }
                if byte < 0x20 { throw error("control character inside a string") }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    index += 1
                    guard index < bytes.count else { throw error("the line ends inside an escape (cut off?)") }
                    switch bytes[index] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 1
                    case UInt8(ascii: "u"):
                        index += 1
                        try unicodeEscape()
                    default:
                        throw error("unknown escape '\\\(Character(Unicode.Scalar(bytes[index])))'")
                    }
                    continue
                }
                index += 1
            }
            let position = Int32(tape.tokens.count)
            tape.tokens.append(Token(kind: .string, start: Int32(start), end: Int32(index), next: position + 1, escaped: escaped))
            index += 1
        }

        /// After `\u`: four hex digits, and a second escape when they open a surrogate pair.
        mutating func unicodeEscape() throws(JSONSyntaxError) {
            let first = try hex4()
            if (0xD800...0xDBFF).contains(first) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw error("a high surrogate must be followed by a low one") }
                index += 2
                let second = try hex4()
                guard (0xDC00...0xDFFF).contains(second) else { throw error("a high surrogate must be followed by a low one") }
            } else if (0xDC00...0xDFFF).contains(first) {
                throw error("a lone low surrogate is not a character")
            }
        }

        mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("the line ends inside a \\u escape (cut off?)") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = JSONTape.hexDigit(bytes[index]) else { throw error("expected four hex digits after \\u") }
                value = value << 4 | digit
                index += 1
            }
            return value
        }
    }

    // MARK: Reading tokens

    static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// A string token's content, unescaped.
    static func text(of token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
        guard token.escaped else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < raw.count else {
                out.append(byte)
                continue
            }
            let escape = raw[index]
            index += 1
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(raw, &index)
                if (0xD800...0xDBFF).contains(scalar), index + 1 < raw.count, raw[index] == UInt8(ascii: "\\") {
                    index += 2
                    let low = hex4(raw, &index)
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
                }
                out.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
            default: out.append(escape)  // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex4(_ raw: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 where index < raw.count {
            value = value << 4 | (hexDigit(raw[index]) ?? 0)
            index += 1
        }
        return value
    }

    /// Whether a string token's content equals `key` (for unescaped tokens, byte for byte).
    static func equals(_ token: Token, _ key: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if token.escaped { return text(of: token, in: bytes) == key.description }
        let count = Int(token.end - token.start)
        guard count == key.utf8CodeUnitCount else { return false }
        let expected = key.utf8Start
        for offset in 0..<count where bytes[Int(token.start) + offset] != expected[offset] { return false }
        return true
    }

    /// Compares keys as written. Escaped keys are rare; a duplicate spelled two ways (`a` and `\u0061`)
    /// slips through, which only means the first of them wins.
    fileprivate static func sameKey(
        _ a: (start: Int32, end: Int32), _ b: (start: Int32, end: Int32), _ bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard a.end - a.start == b.end - b.start else { return false }
        for offset in 0..<Int(a.end - a.start) where bytes[Int(a.start) + offset] != bytes[Int(b.start) + offset] { return false }
        return true
    }

    /// A number token as a whole number, or nil if it is not one or does not fit.
    static func integer<T: FixedWidthInteger>(_ token: Token, in bytes: UnsafeBufferPointer<UInt8>, as type: T.Type) -> T? {
        var index = Int(token.start)
        let end = Int(token.end)
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < end else { return nil }
        var value: T = 0
        while index < end {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let digit = T(byte - UInt8(ascii: "0"))
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
            index += 1
        }
        return value
    }

    static func double(_ token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)]), as: UTF8.self))
    }
}
