import CoachDrillCore

/// Turns scenario files into `Scenario` values, or into compiler-style diagnostics that say where and why not.
///
/// Never traps on any input: every problem becomes a `Diagnostic` with a file, line and column.
///
///     switch ScenarioLoader.load(contentsOf: "Scenarios/new-manager-checklist.yaml") {
///     case .success(let scenario): play(scenario)
///     case .failure(let list): print(list.rendered(color: true), to: &standardError)
///     }
public enum ScenarioLoader {
    /// Reads, parses and checks a file. Fails when any diagnostic is an error; warnings alone do not fail.
    public static func load(contentsOf path: String, limits: LoadLimits = .default) -> Result<Scenario, DiagnosticList>
    {
        analyze(contentsOf: path, limits: limits).result
    }

    /// Parses and checks YAML text; `path` is only used in messages (and to compare the id with the file name).
    public static func load(yaml: String, path: String, limits: LoadLimits = .default) -> Result<
        Scenario, DiagnosticList
    > {
        analyze(yaml: yaml, path: path, limits: limits).result
    }

    /// Everything about a file, warnings included: what `lint` shows.
    public static func analyze(contentsOf path: String, limits: LoadLimits = .default) -> ScenarioAnalysis {
        switch SourceFile.read(path, limits: limits) {
        case .success(let text):
            return analyze(yaml: text, path: path, limits: limits)
        case .failure(let unreadable):
            return ScenarioAnalysis(
                scenario: nil, diagnostics: DiagnosticList([unreadable.diagnostic], source: unreadable.partialSource))
        }
    }

    /// Everything about YAML text, warnings included.
    public static func analyze(yaml: String, path: String, limits: LoadLimits = .default) -> ScenarioAnalysis {
        ScenarioAnalyzer.analyze(yaml: yaml, path: path, limits: limits)
    }
}
