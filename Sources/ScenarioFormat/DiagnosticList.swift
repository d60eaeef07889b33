/// The diagnostics for one file, with the text they point into (needed to render source lines).
public struct DiagnosticList: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// The file's text as read (empty when it could not be read or decoded).
    public var source: String
    /// Diagnostics found but left out because there were too many (see `ScenarioLoader`).
    public var omittedCount: Int

    public init(_ diagnostics: [Diagnostic], source: String, omittedCount: Int = 0) {
        self.diagnostics = diagnostics
        self.source = source
        self.omittedCount = omittedCount
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Every diagnostic rendered compiler-style, separated by blank lines, ending with a newline.
    public func rendered(color: Bool = false) -> String {
        var out = diagnostics.map { $0.rendered(source: source, color: color) }.joined(separator: "\n")
        if omittedCount > 0 {
            out += "\n... and \(omittedCount) more diagnostics not shown\n"
        }
        return out
    }

    public var description: String { rendered(color: false) }
}
