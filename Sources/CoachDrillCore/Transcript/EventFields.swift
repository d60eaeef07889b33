/// Typed access to one event's fields on a scanned line (`JSONTape`), turning every mismatch into a
/// `TranscriptError` that names the line, the event and the field (dotted for nested fields:
/// "assessment.markers[0].stance").
///
/// Only valid while the line's bytes and tokens are: the transcript reader uses it inside the scope that
/// holds them and copies out Strings and numbers.
struct EventFields {
    private let tokens: UnsafeBufferPointer<JSONTape.Token>
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The object's token.
    private let object: Int
    let event: String
    let line: Int
    private let path: FieldPath

    /// Where an object sits, kept in parts so the dotted path is only spelled out for an error message.
    struct FieldPath {
        var parent: String = ""
        var key: StaticString?
        var index: Int?

        var prefix: String {
            guard let key else { return parent }
            return parent + key.description + (index.map { "[\($0)]" } ?? "") + "."
        }
    }

    init(
        tokens: UnsafeBufferPointer<JSONTape.Token>, bytes: UnsafeBufferPointer<UInt8>, object: Int, event: String,
        line: Int, path: FieldPath = FieldPath()
    ) {
        self.tokens = tokens
        self.bytes = bytes
        self.object = object
        self.event = event
        self.line = line
        self.path = path
    }

    /// The same object seen as another event (once the `event` field has been read).
    func named(_ event: String) -> EventFields {
        EventFields(tokens: tokens, bytes: bytes, object: object, event: event, line: line, path: path)
    }

    private func fail(_ reason: TranscriptError.Reason) -> TranscriptError {
        TranscriptError(line: line, reason: reason)
    }

    private func wrongType(_ key: String, _ expected: String, _ token: JSONTape.Token) -> TranscriptError {
        fail(.wrongType(event: event, field: path.prefix + key, expected: expected, found: token.kind.typeName))
    }

    private func missing(_ key: StaticString) -> TranscriptError {
        fail(.missingField(event: event, field: path.prefix + key.description))
    }

    /// The index of the value token for `key`; nil when absent or null.
    private func find(_ key: StaticString) -> Int? {
        var index = object + 1
        let end = Int(tokens[object].next)
        while index < end {
            let value = index + 1
            if JSONTape.equals(tokens[index], key, in: bytes) { return tokens[value].kind == .null ? nil : value }
            index = Int(tokens[value].next)
        }
        return nil
    }

    private func present(_ key: StaticString) -> JSONTape.Token? {
        find(key).map { tokens[$0] }
    }

    private func required(_ key: StaticString) throws(TranscriptError) -> JSONTape.Token {
        guard let token = present(key) else { throw missing(key) }
        return token
    }

    func string(_ key: StaticString) throws(TranscriptError) -> String {
        let token = try required(key)
        guard token.kind == .string else { throw wrongType(key.description, "a string", token) }
        return JSONTape.text(of: token, in: bytes)
    }

    func optionalString(_ key: StaticString) throws(TranscriptError) -> String? {
        guard let token = present(key) else { return nil }
        guard token.kind == .string else { throw wrongType(key.description, "a string", token) }
        return JSONTape.text(of: token, in: bytes)
    }

    func int(_ key: StaticString) throws(TranscriptError) -> Int {
        guard let value = try optionalInt(key) else { throw missing(key) }
        return value
    }

    func optionalInt(_ key: StaticString) throws(TranscriptError) -> Int? {
        guard let token = present(key) else { return nil }
        guard token.kind == .number, let number = JSONTape.integer(token, in: bytes, as: Int.self) else {
            throw wrongType(key.description, "a whole number", token)
        }
        return number
    }

    /// A whole number that must lie in `range`: every number a transcript holds has one, so a forged
    /// `"item": 9223372036854775807` or a negative turn is refused where it is read, not where it overflows.
    func int(_ key: StaticString, in range: ClosedRange<Int>) throws(TranscriptError) -> Int {
        guard let value = try optionalInt(key, in: range) else { throw missing(key) }
        return value
    }

    func optionalInt(_ key: StaticString, in range: ClosedRange<Int>) throws(TranscriptError) -> Int? {
        guard let value = try optionalInt(key) else { return nil }
        guard range.contains(value) else { throw outOfRange(key, String(value), "\(range.lowerBound) to \(range.upperBound)") }
        return value
    }

    func optionalDouble(_ key: StaticString, in range: ClosedRange<Double>) throws(TranscriptError) -> Double? {
        guard let value = try optionalDouble(key) else { return nil }
        guard range.contains(value) else {
            throw outOfRange(key, String(value), "\(Int(range.lowerBound)) to \(Int(range.upperBound))")
        }
        return value
    }

    private func outOfRange(_ key: StaticString, _ value: String, _ range: String) -> TranscriptError {
        fail(.outOfRange(event: event, field: path.prefix + key.description, value: value, range: range))
    }

    func uint64(_ key: StaticString) throws(TranscriptError) -> UInt64 {
        let token = try required(key)
        guard token.kind == .number, let number = JSONTape.integer(token, in: bytes, as: UInt64.self) else {
            throw wrongType(key.description, "a whole number from 0 to 2^64-1", token)
        }
        return number
    }

    func optionalDouble(_ key: StaticString) throws(TranscriptError) -> Double? {
        guard let token = present(key) else { return nil }
        guard token.kind == .number, let number = JSONTape.double(token, in: bytes) else {
            throw wrongType(key.description, "a number", token)
        }
        return number
    }

    func bool(_ key: StaticString) throws(TranscriptError) -> Bool {
        guard let value = try optionalBool(key) else { throw missing(key) }
        return value
    }

    func optionalBool(_ key: StaticString) throws(TranscriptError) -> Bool? {
        guard let token = present(key) else { return nil }
        switch token.kind {
        case .true: return true
        case .false: return false
        default: throw wrongType(key.description, "true or false", token)
        }
    }

    func object(_ key: StaticString) throws(TranscriptError) -> EventFields {
        guard let fields = try optionalObject(key) else { throw missing(key) }
        return fields
    }

    func optionalObject(_ key: StaticString) throws(TranscriptError) -> EventFields? {
        guard let index = find(key) else { return nil }
        guard tokens[index].kind == .object else { throw wrongType(key.description, "an object", tokens[index]) }
        return child(at: index, key: key, index: nil)
    }

    /// Each element of an array of objects; an absent array is empty.
    func objects(_ key: StaticString) throws(TranscriptError) -> [EventFields] {
        guard let index = find(key) else { return [] }
        let token = tokens[index]
        guard token.kind == .array else { throw wrongType(key.description, "an array", token) }
        var result: [EventFields] = []
        var element = index + 1
        var position = 0
        while element < Int(token.next) {
            guard tokens[element].kind == .object else {
                throw wrongType("\(key)[\(position)]", "an object", tokens[element])
            }
            result.append(child(at: element, key: key, index: position))
            element = Int(tokens[element].next)
            position += 1
        }
        return result
    }

    /// An array of strings; an absent array is empty.
    func strings(_ key: StaticString) throws(TranscriptError) -> [String] {
        guard let index = find(key) else { return [] }
        let token = tokens[index]
        guard token.kind == .array else { throw wrongType(key.description, "an array", token) }
        var result: [String] = []
        var element = index + 1
        var position = 0
        while element < Int(token.next) {
            guard tokens[element].kind == .string else { throw wrongType("\(key)[\(position)]", "a string", tokens[element]) }
            result.append(JSONTape.text(of: tokens[element], in: bytes))
            element += 1
            position += 1
        }
        return result
    }

    /// A string from a fixed vocabulary (`RawRepresentable` enums such as Stance or TranscriptMode).
    func value<T: RawRepresentable & CaseIterable>(_ key: StaticString, as type: T.Type) throws(TranscriptError) -> T
    where T.RawValue == String {
        let text = try string(key)
        return try vocabulary(text, key: key, as: type)
    }

    func optionalValue<T: RawRepresentable & CaseIterable>(_ key: StaticString, as type: T.Type) throws(TranscriptError) -> T?
    where T.RawValue == String {
        guard let text = try optionalString(key) else { return nil }
        return try vocabulary(text, key: key, as: type)
    }

    func vocabulary<T: RawRepresentable & CaseIterable>(
        _ text: String, key: StaticString, as type: T.Type
    ) throws(TranscriptError) -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw fail(
                .invalidValue(event: event, field: path.prefix + key.description, value: text, allowed: T.allCases.map(\.rawValue)))
        }
        return value
    }

    // MARK: Navigation

    private func child(at index: Int, key: StaticString, index position: Int?) -> EventFields {
        EventFields(
            tokens: tokens, bytes: bytes, object: index, event: event, line: line,
            path: FieldPath(parent: path.prefix, key: key, index: position))
    }
}
