/// The authoring checks behind `coachdrill lint`: every diagnostic the loader finds, warnings included,
/// sorted by position.
///
/// A file that lints clean loads; one with only warnings loads too. Warnings can be switched off by code
/// (`disabling: [.unreachableBeat]`); errors cannot, since a scenario with errors does not load.
public enum Lint {
    /// Lints YAML text. `path` is used in messages and compared with the scenario's id.
    public static func lint(
        source: String, path: String, disabling disabled: Set<DiagnosticCode> = [], limits: LoadLimits = .default
    ) -> [Diagnostic] {
        ScenarioLoader.analyze(yaml: source, path: path, limits: limits).diagnostics.diagnostics
            .filter { $0.severity == .error || !disabled.contains($0.code) }
    }

    /// Lints a file on disk; the list carries the text, for rendering.
    public static func lint(
        contentsOf path: String, disabling disabled: Set<DiagnosticCode> = [], limits: LoadLimits = .default
    ) -> DiagnosticList {
        var list = ScenarioLoader.analyze(contentsOf: path, limits: limits).diagnostics
        list.diagnostics = list.diagnostics.filter { $0.severity == .error || !disabled.contains($0.code) }
        return list
    }
}
