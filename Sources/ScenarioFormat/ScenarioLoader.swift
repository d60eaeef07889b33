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
    /// Loading does not judge the scenario's lines with the assessor (`exemplar-misjudged`): that needs the
    /// learned model's weights, which take longer to read than everything else before the first prompt, and
    /// its findings are warnings, which never stop a load. `lint` and `test` judge them.
    public static func load(contentsOf path: String, limits: LoadLimits = .default) -> Result<Scenario, DiagnosticList>
    {
        analyze(contentsOf: path, limits: limits, judgingLines: false).result
    }

    /// Parses and checks YAML text; `path` is only used in messages (and to compare the id with the file name).
    public static func load(yaml: String, path: String, limits: LoadLimits = .default) -> Result<
        Scenario, DiagnosticList
    > {
        analyze(yaml: yaml, path: path, limits: limits, judgingLines: false).result
    }

    /// Everything about a file, warnings included: what `lint` shows. `judgingLines: false` leaves out the
    /// checks that run lines through the assessor.
    public static func analyze(
        contentsOf path: String, limits: LoadLimits = .default, judgingLines: Bool = true
    ) -> ScenarioAnalysis {
        switch SourceFile.read(path, limits: limits) {
        case .success(let text):
            return analyze(yaml: text, path: path, limits: limits, judgingLines: judgingLines)
        case .failure(let unreadable):
            return ScenarioAnalysis(
                scenario: nil, diagnostics: DiagnosticList([unreadable.diagnostic], source: unreadable.partialSource))
        }
    }

    /// Everything about YAML text, warnings included.
    public static func analyze(
        yaml: String, path: String, limits: LoadLimits = .default, judgingLines: Bool = true
    ) -> ScenarioAnalysis {
        ScenarioAnalyzer.analyze(yaml: yaml, path: path, limits: limits, judgingLines: judgingLines)
    }
}
