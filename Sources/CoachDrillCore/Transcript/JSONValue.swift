/// A parsed JSON value (the transcript reader itself works on a `JSONTape` and never builds these; they
/// are for tools and tests that want a whole value).
///
/// Why not JSONSerialization: numbers keep their source text, so a 64-bit seed survives exactly (a Double
/// would round it above 2^53), `true` is never confused with `1` (NSNumber bridging differs between
/// platforms), and a malformed line reports the column where it went wrong.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number as written, validated against the JSON grammar.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

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

/// A JSON object's members in source order (keys are unique: the reader rejects duplicates).
public struct JSONObject: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
    }

    public private(set) var members: [Member]

    public init(_ members: [(String, JSONValue)] = []) {
        self.members = members.map { Member(key: $0.0, value: $0.1) }
    }

    public var count: Int { members.count }

    public subscript(key: String) -> JSONValue? {
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// Equal when they hold the same members, in any order (JSON objects are unordered).
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.count == rhs.count && lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }
}

/// Why a line is not JSON, with the 1-based column (in UTF-8 bytes) where reading stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var column: Int
    public var message: String

    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    public var description: String { "column \(column): \(message)" }
}

/// A strict RFC 8259 reader for one JSON text (a transcript line).
public enum JSONReader {
    /// Deeper nesting than any transcript needs is refused rather than recursed into.
    public static let maxDepth = 64
    /// Keys are compared one by one (for duplicates and lookups); no event has anywhere near this many.
    public static let maxMembers = 256
    /// One JSON text (one transcript line) at most this long.
    public static let maxTextBytes = 16 << 20

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        // withUTF8 only rethrows untyped errors, so the typed one travels out in a Result.
        let result = text.withUTF8 { bytes in
            Result { () throws(JSONSyntaxError) in
                var tape = JSONTape()
                try tape.scan(bytes)
                return tape.tokens.withUnsafeBufferPointer { value(at: 0, tokens: $0, bytes: bytes) }
            }
        }
        return try result.get()
    }

    private static func value(
        at index: Int, tokens: UnsafeBufferPointer<JSONTape.Token>, bytes: UnsafeBufferPointer<UInt8>
    ) -> JSONValue {
        let token = tokens[index]
        switch token.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number:
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)]), as: UTF8.self))
        case .string: return .string(JSONTape.text(of: token, in: bytes))
        case .array:
            var items: [JSONValue] = []
            var next = index + 1
            while next < Int(token.next) {
                items.append(value(at: next, tokens: tokens, bytes: bytes))
                next = Int(tokens[next].next)
            }
            return .array(items)
        case .object:
            var members: [(String, JSONValue)] = []
            var next = index + 1
            while next < Int(token.next) {
                members.append((JSONTape.text(of: tokens[next], in: bytes), value(at: next + 1, tokens: tokens, bytes: bytes)))
                next = Int(tokens[next + 1].next)
            }
            return .object(JSONObject(members))
        }
    }
}
