/// Writes JSON string literals. The output shapes are small and fixed, so a quoting function is all
/// that is needed; it is also several times faster than JSONEncoder on the `classify` hot path.
enum JSONText {
    static func quote(_ string: String) -> String {
        // Most strings need no escaping: check the bytes once and copy them whole.
        if !string.utf8.contains(where: needsEscape) { return "\"" + string + "\"" }
        var out = "\""
        out.reserveCapacity(string.utf8.count + 2)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value)
                || c.value == 0x2028 || c.value == 0x2029:
                out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count)
                    + String(c.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Bytes that can start something JSON must escape: controls, quote, backslash, and lead bytes of C1
    /// controls (C2 80-9F) and U+2028/2029 (E2 80 A8/A9), which the slow path then checks exactly.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xC2
            || byte == 0xE2
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
}
