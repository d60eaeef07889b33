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
    ///
    /// Loading stops at errors: the checks of the whole scenario, which can only warn (the flow checks, and
    /// the scenario's lines judged by the assessor, which needs the learned model's weights), never stop a
    /// load, and a loaded scenario carries no warnings, so they are left to `lint` and `test`. The warnings
    /// found on the way (the YAML's and the decoder's) still come with a failed load, for context.
    public static func load(contentsOf path: String, limits: LoadLimits = .default) -> Result<Scenario, DiagnosticList>
    {
        analyze(contentsOf: path, limits: limits, depth: .errors).result
    }

    /// Parses and checks YAML text; `path` is only used in messages (and to compare the id with the file name).
    public static func load(yaml: String, path: String, limits: LoadLimits = .default) -> Result<
        Scenario, DiagnosticList
    > {
        ScenarioAnalyzer.analyze(yaml: yaml, path: path, limits: limits, depth: .errors).result
    }

    /// Everything about a file, warnings included: what `lint` shows. `judgingLines: false` leaves out the
    /// checks that run lines through the assessor.
    public static func analyze(
        contentsOf path: String, limits: LoadLimits = .default, judgingLines: Bool = true
    ) -> ScenarioAnalysis {
        analyze(contentsOf: path, limits: limits, depth: judgingLines ? .warningsAndJudgedLines : .warnings)
    }

    /// Everything about YAML text, warnings included.
    public static func analyze(
        yaml: String, path: String, limits: LoadLimits = .default, judgingLines: Bool = true
    ) -> ScenarioAnalysis {
        ScenarioAnalyzer.analyze(
            yaml: yaml, path: path, limits: limits, depth: judgingLines ? .warningsAndJudgedLines : .warnings)
    }

    private static func analyze(contentsOf path: String, limits: LoadLimits, depth: ScenarioAnalyzer.Depth)
        -> ScenarioAnalysis
    {
        switch SourceFile.read(path, limits: limits) {
        case .success(let text):
            return ScenarioAnalyzer.analyze(yaml: text, path: path, limits: limits, depth: depth)
        case .failure(let unreadable):
            return ScenarioAnalysis(
                scenario: nil, diagnostics: DiagnosticList([unreadable.diagnostic], source: unreadable.partialSource))
        }
    }
}
