/// Makes text from strangers safe to print on a terminal.
///
/// Scenario files, transcripts in a shared results folder and typed input come from strangers. Any string
/// taken from one (client lines, titles, ids, trainee names, file names, and the source lines quoted by
/// diagnostics) must pass through `sanitize` before it reaches the terminal (standard output, standard
/// error, a CSV), so that it cannot
/// move the cursor, recolour the screen, set the window title, or reorder text with bidirectional overrides.
public enum TerminalText {
    /// Replaces every control character with a visible escape such as `\u{1B}`:
    /// - C0 controls (U+0000 to U+001F) except tab, and except line feed when `allowNewlines` is true;
    /// - DEL (U+007F) and the C1 controls (U+0080 to U+009F), which include the 8-bit CSI;
    /// - line and paragraph separators (U+2028, U+2029);
    /// - bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069) and the
    ///   invisible direction marks (U+200E, U+200F, U+061C).
    ///
    /// An ESC (U+001B) is escaped like any other control character, which makes every escape sequence inert:
    /// the rest of the sequence is then printed as plain characters.
    /// A carriage return is escaped too (it could overwrite the start of the line).
    public static func sanitize(_ text: String, allowNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, allowNewlines: allowNewlines) }) else {
            return text
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, allowNewlines: allowNewlines) {
                result.append(contentsOf: escaped(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `text` would be changed by `sanitize`.
    public static func isSafe(_ text: String, allowNewlines: Bool = true) -> Bool {
        !text.unicodeScalars.contains { needsEscape($0, allowNewlines: allowNewlines) }
    }

    public static func needsEscape(_ scalar: Unicode.Scalar, allowNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x0A: !allowNewlines
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    public static func escaped(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
}
