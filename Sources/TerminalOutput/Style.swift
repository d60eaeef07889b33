import Foundation

/// The one type that writes ANSI styling, for standard output, standard error and rendered diagnostics
/// alike. It switches itself off under NO_COLOR (https://no-color.org), TERM=dumb, or when the output is
/// not a terminal, so pipes, files and golden tests see plain text.
public struct Style: Sendable, Equatable {
    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    public static let plain = Style(enabled: false)

    /// Colour only on a terminal, never when `NO_COLOR` is set to anything non-empty or `TERM` is "dumb".
    public static func colorEnabled(environment: [String: String], isTTY: Bool) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTTY
    }

    /// Colour for standard output, decided once from the environment.
    public static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        Style(enabled: colorEnabled(environment: environment, isTTY: isatty(STDOUT_FILENO) == 1))
    }

    /// Colour for standard error (diagnostics), decided once from the environment.
    public static func forStandardError(environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        Style(enabled: colorEnabled(environment: environment, isTTY: isatty(STDERR_FILENO) == 1))
    }

    // SGR parameters for `apply`.
    public static let boldRed = "1;31"
    public static let boldYellow = "1;33"
    public static let boldBlue = "1;34"
    public static let boldCyan = "1;36"

    public func bold(_ text: String) -> String { apply("1", to: text) }
    public func dim(_ text: String) -> String { apply("2", to: text) }
    public func green(_ text: String) -> String { apply("32", to: text) }
    public func red(_ text: String) -> String { apply("31", to: text) }
    public func yellow(_ text: String) -> String { apply("33", to: text) }
    public func cyan(_ text: String) -> String { apply("36", to: text) }

    /// `text` between `ESC [ codes m` and a reset; `text` alone when styling is off.
    public func apply(_ codes: String, to text: String) -> String {
        enabled ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
    }
}
