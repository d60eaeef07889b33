import CoachDrillCore

/// Everything known about one scenario file: the scenario (when it has no errors) and every diagnostic,
/// warnings included, sorted by position.
public struct ScenarioAnalysis: Sendable, Equatable {
    /// The scenario, or nil when any diagnostic is an error.
    public var scenario: Scenario?
    public var diagnostics: DiagnosticList
    /// Where the beats and branches are written, for messages about them after loading.
    var sourceMap = ScenarioSourceMap()

    public init(scenario: Scenario?, diagnostics: DiagnosticList) {
        self.scenario = scenario
        self.diagnostics = diagnostics
    }

    /// Where a beat's id is written under `beats:`; nil for a beat the file does not have.
    public func location(ofBeat id: String) -> SourceLocation? {
        sourceMap.beats[id]?.key
    }

    /// Where a beat's branch (0-based, in file order) is written; nil when there is no such branch.
    public func location(ofBranch index: Int, inBeat id: String) -> SourceLocation? {
        guard let branches = sourceMap.beats[id]?.branches, branches.indices.contains(index) else { return nil }
        return branches[index]
    }

    /// Where a branch's reply set (0-based, in file order) is written: its key in a reply mapping, or the
    /// plain `client:` value; nil when there is no such reply set.
    public func location(ofReply entry: Int, branch index: Int, inBeat id: String) -> SourceLocation? {
        guard let replies = sourceMap.beats[id]?.replies, replies.indices.contains(index),
            replies[index].indices.contains(entry)
        else { return nil }
        return replies[index][entry]
    }

    /// The scenario, or the diagnostics that stop it from loading (warnings included, for context).
    public var result: Result<Scenario, DiagnosticList> {
        if let scenario, !diagnostics.hasErrors { return .success(scenario) }
        return .failure(diagnostics)
    }
}

/// The pipeline: text -> located YAML tree -> scenario -> flow checks.
enum ScenarioAnalyzer {
    /// How far to look once a file has no errors. Everything found there is a warning, so loading, which
    /// keeps only the scenario, stops before it.
    enum Depth {
        /// Errors only: what loading needs.
        case errors
        /// The flow checks' warnings too (unreachable beats, thin replies...).
        case warnings
        /// And the scenario's own lines judged by the assessor (`exemplar-misjudged`): what `lint` shows.
        case warningsAndJudgedLines
    }

    static func analyze(yaml: String, path: String, limits: LoadLimits, depth: Depth) -> ScenarioAnalysis {
        let composed = YAMLComposer(path: path, limits: limits).compose(yaml)
        guard let root = composed.root else {
            return ScenarioAnalysis(scenario: nil, diagnostics: DiagnosticList(composed.diagnostics, source: yaml))
        }
        var decoder = ScenarioDecoder(path: path)
        let scenario = decoder.decode(root)
        var diagnostics = composed.diagnostics + decoder.diagnostics
        if depth != .errors, let scenario, !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics += ScenarioFlowChecks(scenario: scenario, sourceMap: decoder.sourceMap, path: path).run()
            if depth == .warningsAndJudgedLines {
                diagnostics += ExemplarChecks(scenario: scenario, sourceMap: decoder.sourceMap, path: path).run()
            }
        }
        diagnostics = sorted(diagnostics)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        let shown = Array(diagnostics.prefix(maxDiagnostics))
        var analysis = ScenarioAnalysis(
            scenario: hasErrors ? nil : scenario,
            diagnostics: DiagnosticList(
                shown, source: yaml, omittedCount: diagnostics.count - shown.count + decoder.suppressedCount))
        analysis.sourceMap = decoder.sourceMap
        return analysis
    }

    /// More than this many diagnostics for one file are counted, not listed.
    static let maxDiagnostics = 200

    /// By position; stable for diagnostics at the same place. Exact repeats are dropped.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > 1 else { return diagnostics }
        var seen: Set<Diagnostic> = []
        let unique = diagnostics.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { lhs, rhs in
            let l = (lhs.element.location.line, lhs.element.location.column)
            let r = (rhs.element.location.line, rhs.element.location.column)
            return l != r ? l < r : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
