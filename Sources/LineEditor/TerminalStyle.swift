/// Whether output should carry colour. Colouring itself is the caller's business.
public enum TerminalStyle {
    /// Colour only on a terminal, never when `NO_COLOR` is set to anything non-empty
    /// (https://no-color.org) or when `TERM` is "dumb".
    public static func colorEnabled(environment: [String: String], isTTY: Bool) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            return false
        }
        if environment["TERM"] == "dumb" {
            return false
        }
        return isTTY
    }
}
