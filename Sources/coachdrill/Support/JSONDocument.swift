import Foundation

/// A JSON value with ordered keys, printed with two-space indentation: for outputs people read and diff
/// (`report --format json|xapi`), where key order must be stable and meaningful, which JSONEncoder's
/// sorted keys are not.
indirect enum JSONDocument {
    case null
    case bool(Bool)
    case int(Int)
    /// Printed with at most `places` decimals, without trailing zeros.
    case number(Double, places: Int)
    case string(String)
    case array([JSONDocument])
    case object([(String, JSONDocument)])

    static func rate(_ value: Double) -> JSONDocument { .number(value, places: 4) }

    static func optional(_ value: String?) -> JSONDocument { value.map(JSONDocument.string) ?? .null }

    func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        return out + "\n"
    }

    /// The value on one line, without spaces or a final line feed: one statement a line is how
    /// `report --lrs` hands statements to coachdrill-lrs (LRSHelperProtocol). Strings never break the line,
    /// since JSONText escapes every control character.
    func renderedOnOneLine() -> String {
        var out = ""
        write(to: &out, indent: nil)
        return out
    }

    /// `indent` nil writes everything on one line.
    private func write(to out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .number(let value, let places): out += Self.decimal(value, places: places)
        case .string(let value): out += JSONText.quote(value)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            guard let indent else {
                out += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { out += "," }
                    item.write(to: &out, indent: nil)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                item.write(to: &out, indent: indent + 2)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let fields):
            if fields.isEmpty {
                out += "{}"
                return
            }
            guard let indent else {
                out += "{"
                for (index, (key, value)) in fields.enumerated() {
                    if index > 0 { out += "," }
                    out += JSONText.quote(key) + ":"
                    value.write(to: &out, indent: nil)
                }
                out += "}"
                return
            }
            out += "{\n"
            for (index, (key, value)) in fields.enumerated() {
                out += String(repeating: " ", count: indent + 2) + JSONText.quote(key) + ": "
                value.write(to: &out, indent: indent + 2)
                out += index == fields.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// Fixed-point without trailing zeros, never exponent notation, so outputs compare as text.
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded()
        let negative = scaled < 0
        // Past 2^63 a Double is a whole number anyway: print it whole rather than trap converting it.
        guard let magnitude = Int64(exactly: abs(scaled)) else { return String(format: "%.0f", value) }
        let digits = String(magnitude)
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        var whole = String(padded.dropLast(places))
        var fraction = String(padded.suffix(places))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if whole.isEmpty { whole = "0" }
        return (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}
