/// How bad a diagnostic is: an error stops the scenario from loading, a warning does not.
public enum Severity: String, Sendable, Equatable, Comparable, CaseIterable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One finding about a scenario file, in the shape of a compiler message.
///
/// The `message` says what is wrong, `help` says what to try. Both may quote text from the file: they
/// are sanitised when rendered, never before, so tests can compare them exactly.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    /// How many columns the caret underline spans (at least 1).
    public var length: Int
    public var help: String?
    /// Extra lines, such as where a duplicated key was first written.
    public var notes: [String]

    /// A diagnostic with the code's own severity (see `DiagnosticCode.severity`).
    public init(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, length: Int = 1,
        help: String? = nil, notes: [String] = []
    ) {
        self.severity = code.severity
        self.code = code
        self.message = message
        self.location = location
        self.length = max(1, length)
        self.help = help
        self.notes = notes
    }

    /// The one-line header: `path:line:col: error[CD012]: message` (not sanitised).
    public var description: String {
        "\(location): \(severity.rawValue)[\(code.rawValue)]: \(message)"
    }
}
