import Foundation
import LineEditor

/// ANSI styling that switches itself off under NO_COLOR, TERM=dumb, or when output is not a terminal.
struct Style: Sendable {
    let enabled: Bool

    static let plain = Style(enabled: false)

    /// Colour for standard output, decided once from the environment.
    static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        Style(enabled: TerminalStyle.colorEnabled(environment: environment, isTTY: isatty(STDOUT_FILENO) == 1))
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func cyan(_ text: String) -> String { wrap(text, "36") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
