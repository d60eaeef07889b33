/// Typed access to one event's fields, turning every mismatch into a `TranscriptError` that names the
/// line, the event and the field (dotted for nested fields: "assessment.markers[0].stance").
struct EventFields {
    let fields: [String: JSONValue]
    let event: String
    let line: Int
    /// Prefix for nested objects, e.g. "assessment.".
    let path: String

    init(_ fields: [String: JSONValue], event: String, line: Int, path: String = "") {
        self.fields = fields
        self.event = event
        self.line = line
        self.path = path
    }

    private func fail(_ reason: TranscriptError.Reason) -> TranscriptError {
        TranscriptError(line: line, reason: reason)
    }

    private func wrongType(_ key: String, _ expected: String, _ value: JSONValue) -> TranscriptError {
        fail(.wrongType(event: event, field: path + key, expected: expected, found: value.typeName))
    }

    /// nil when absent or null.
    private func present(_ key: String) -> JSONValue? {
        switch fields[key] {
        case nil, .null?: nil
        case let value?: value
        }
    }

    private func required(_ key: String) throws(TranscriptError) -> JSONValue {
        guard let value = present(key) else { throw fail(.missingField(event: event, field: path + key)) }
        return value
    }

    func string(_ key: String) throws(TranscriptError) -> String {
        let value = try required(key)
        guard case .string(let text) = value else { throw wrongType(key, "a string", value) }
        return text
    }

    func optionalString(_ key: String) throws(TranscriptError) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let text) = value else { throw wrongType(key, "a string", value) }
        return text
    }

    func int(_ key: String) throws(TranscriptError) -> Int {
        guard let value = try optionalInt(key) else { throw fail(.missingField(event: event, field: path + key)) }
        return value
    }

    func optionalInt(_ key: String) throws(TranscriptError) -> Int? {
        guard let value = present(key) else { return nil }
        guard case .number(let text) = value, let number = Int(text) else { throw wrongType(key, "a whole number", value) }
        return number
    }

    func uint64(_ key: String) throws(TranscriptError) -> UInt64 {
        let value = try required(key)
        guard case .number(let text) = value, let number = UInt64(text) else {
            throw wrongType(key, "a whole number from 0 to 2^64-1", value)
        }
        return number
    }

    func optionalDouble(_ key: String) throws(TranscriptError) -> Double? {
        guard let value = present(key) else { return nil }
        guard case .number(let text) = value, let number = Double(text) else { throw wrongType(key, "a number", value) }
        return number
    }

    func bool(_ key: String) throws(TranscriptError) -> Bool {
        guard let value = try optionalBool(key) else { throw fail(.missingField(event: event, field: path + key)) }
        return value
    }

    func optionalBool(_ key: String) throws(TranscriptError) -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let flag) = value else { throw wrongType(key, "true or false", value) }
        return flag
    }

    func object(_ key: String) throws(TranscriptError) -> EventFields {
        let value = try required(key)
        guard case .object(let nested) = value else { throw wrongType(key, "an object", value) }
        return EventFields(nested, event: event, line: line, path: path + key + ".")
    }

    func optionalObject(_ key: String) throws(TranscriptError) -> EventFields? {
        guard present(key) != nil else { return nil }
        return try object(key)
    }

    /// Each element of an array of objects; an absent array is empty.
    func objects(_ key: String) throws(TranscriptError) -> [EventFields] {
        guard let value = present(key) else { return [] }
        guard case .array(let items) = value else { throw wrongType(key, "an array", value) }
        var result: [EventFields] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .object(let nested) = item else { throw wrongType("\(key)[\(index)]", "an object", item) }
            result.append(EventFields(nested, event: event, line: line, path: path + "\(key)[\(index)]."))
        }
        return result
    }

    /// An array of strings; an absent array is empty.
    func strings(_ key: String) throws(TranscriptError) -> [String] {
        guard let value = present(key) else { return [] }
        guard case .array(let items) = value else { throw wrongType(key, "an array", value) }
        var result: [String] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else { throw wrongType("\(key)[\(index)]", "a string", item) }
            result.append(text)
        }
        return result
    }

    /// A string from a fixed vocabulary (`RawRepresentable` enums such as Stance or TranscriptMode).
    func value<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws(TranscriptError) -> T
    where T.RawValue == String {
        let text = try string(key)
        return try vocabulary(text, key: key, as: type)
    }

    func optionalValue<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws(TranscriptError) -> T?
    where T.RawValue == String {
        guard let text = try optionalString(key) else { return nil }
        return try vocabulary(text, key: key, as: type)
    }

    func vocabulary<T: RawRepresentable & CaseIterable>(_ text: String, key: String, as type: T.Type) throws(TranscriptError) -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw fail(.invalidValue(event: event, field: path + key, value: text, allowed: T.allCases.map(\.rawValue)))
        }
        return value
    }
}
