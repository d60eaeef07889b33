/// A parsed JSON value, as the transcript reader needs it.
///
/// Why not JSONSerialization: numbers keep their source text, so a 64-bit seed survives exactly (a Double
/// would round it above 2^53), `true` is never confused with `1` (NSNumber bridging differs between
/// platforms), and a malformed line reports the column where it went wrong. It is also several times
/// faster on Linux, which matters for `report` over thousands of transcripts.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number as written, validated against the JSON grammar.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The JSON type name, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
}

/// Why a line is not JSON, with the 1-based column (in UTF-8 bytes) where reading stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var column: Int
    public var message: String

    public var description: String { "column \(column): \(message)" }
}

/// A strict RFC 8259 reader for one JSON text (a transcript line).
public enum JSONReader {
    /// Deeper nesting than any transcript needs is refused rather than recursed into.
    public static let maxDepth = 64

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        // withUTF8 only rethrows untyped errors, so the typed one travels out in a Result.
        let result = text.withUTF8 { bytes in Result { () throws(JSONSyntaxError) in try parse(utf8: bytes) } }
        return try result.get()
    }

    /// Parses bytes taken from a Swift String (so they are valid UTF-8, which this does not re-check).
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var reader = Cursor(bytes: bytes)
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        if reader.index < bytes.count { throw reader.error("unexpected text after the JSON value") }
        return value
    }

    private struct Cursor {
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

        mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            guard !atEnd else { throw error("the line ends where a value should be (cut off?)") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw error("expected a value")
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

        mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            guard depth <= JSONReader.maxDepth else { throw error("nested deeper than \(JSONReader.maxDepth) levels") }
            index += 1
            var fields: [String: JSONValue] = [:]
            skipWhitespace()
            if !atEnd, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(fields)
            }
            while true {
                skipWhitespace()
                guard !atEnd else { throw error("the line ends inside an object (cut off?)") }
                guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a field name in quotes") }
                let key = try string()
                skipWhitespace()
                guard !atEnd, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after field name") }
                index += 1
                skipWhitespace()
                let value = try value(depth: depth)
                guard fields.updateValue(value, forKey: key) == nil else { throw error("field '\(key)' appears twice") }
                skipWhitespace()
                guard !atEnd else { throw error("the line ends inside an object (cut off?)") }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    return .object(fields)
                default: throw error("expected ',' or '}'")
                }
            }
        }

        mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            guard depth <= JSONReader.maxDepth else { throw error("nested deeper than \(JSONReader.maxDepth) levels") }
            index += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if !atEnd, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth))
                skipWhitespace()
                guard !atEnd else { throw error("the line ends inside an array (cut off?)") }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    return .array(items)
                default: throw error("expected ',' or ']'")
                }
            }
        }

        mutating func number() throws(JSONSyntaxError) -> String {
            let start = index
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
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        mutating func string() throws(JSONSyntaxError) -> String {
            index += 1
            let start = index
            // Fast path: no escapes, so the bytes between the quotes are the string.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    // The input is a Swift String, so its bytes are valid UTF-8 and a slice between
                    // ASCII quotes is too.
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw error("control character inside a string") }
                index += 1
            }
            var utf8: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while true {
                guard index < bytes.count else { throw error("the line ends inside a string (cut off?)") }
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return String(decoding: utf8, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count else { throw error("the line ends inside an escape (cut off?)") }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""): utf8.append(UInt8(ascii: "\""))
                    case UInt8(ascii: "\\"): utf8.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "/"): utf8.append(UInt8(ascii: "/"))
                    case UInt8(ascii: "b"): utf8.append(0x08)
                    case UInt8(ascii: "f"): utf8.append(0x0C)
                    case UInt8(ascii: "n"): utf8.append(0x0A)
                    case UInt8(ascii: "r"): utf8.append(0x0D)
                    case UInt8(ascii: "t"): utf8.append(0x09)
                    case UInt8(ascii: "u"):
                        let scalar = try unicodeEscape()
                        utf8.append(contentsOf: String(Character(scalar)).utf8)
                    default: throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))'")
                    }
                default:
                    if byte < 0x20 { throw error("control character inside a string") }
                    utf8.append(byte)
                    index += 1
                }
            }
        }

        /// After `\u`: four hex digits, and a second escape when they open a surrogate pair.
        mutating func unicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
            let first = try hex4()
            if (0xD800...0xDBFF).contains(first) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw error("a high surrogate must be followed by a low one") }
                index += 2
                let second = try hex4()
                guard (0xDC00...0xDFFF).contains(second) else { throw error("a high surrogate must be followed by a low one") }
                let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw error("invalid \\u escape") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else { throw error("a lone low surrogate is not a character") }
            return scalar
        }

        mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("the line ends inside a \\u escape (cut off?)") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw error("expected four hex digits after \\u")
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }
    }
}
