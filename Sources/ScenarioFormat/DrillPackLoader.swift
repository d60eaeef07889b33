import CoachDrillCore

/// Turns drill pack files (`Scenarios/packs/<id>.yaml`, format in docs/drills.md) into `DrillPack` values,
/// or into the same located, compiler-style diagnostics scenarios get.
///
/// Scenario items name scenarios by id; they are looked up in `scenarios`, loaded and embedded, so a pack
/// that loads can be run without touching the disk again.
///
///     let library = ScenarioLibrary.standard()
///     switch DrillPackLoader.load(contentsOf: "Scenarios/packs/warmup-all-markers.yaml", scenarios: library) {
///     case .success(let pack): run(pack)
///     case .failure(let list): print(list.rendered(color: true), to: &standardError)
///     }
public enum DrillPackLoader {
    /// Reads, parses and checks a pack. Fails when any diagnostic is an error; warnings alone do not fail.
    public static func load(
        contentsOf path: String, scenarios: ScenarioLibrary, limits: LoadLimits = .default
    ) -> Result<DrillPack, DiagnosticList> {
        // As for scenarios, loading leaves the assessor's checks of the pack's lines to `lint`.
        analyze(contentsOf: path, scenarios: scenarios, limits: limits, judgingLines: false).result
    }

    /// Everything about a pack file, warnings included: what `lint` shows. `judgingLines: false` leaves out
    /// the checks that run lines through the assessor.
    public static func analyze(
        contentsOf path: String, scenarios: ScenarioLibrary, limits: LoadLimits = .default, judgingLines: Bool = true
    ) -> DrillPackAnalysis {
        switch SourceFile.read(path, limits: limits) {
        case .success(let text):
            return analyze(yaml: text, path: path, scenarios: scenarios, limits: limits, judgingLines: judgingLines)
        case .failure(let unreadable):
            return DrillPackAnalysis(
                pack: nil,
                diagnostics: DiagnosticList([packWording(unreadable.diagnostic)], source: unreadable.partialSource))
        }
    }

    /// Everything about pack text; `path` is only used in messages and compared with the pack's id.
    public static func analyze(
        yaml: String, path: String, scenarios: ScenarioLibrary, limits: LoadLimits = .default,
        judgingLines: Bool = true
    ) -> DrillPackAnalysis {
        let composed = YAMLComposer(path: path, limits: limits).compose(yaml)
        guard let root = composed.root else {
            return DrillPackAnalysis(
                pack: nil, diagnostics: DiagnosticList(composed.diagnostics.map(Self.packWording), source: yaml))
        }
        var decoder = DrillPackDecoder(path: path, scenarios: scenarios)
        let pack = decoder.decode(root)
        var diagnostics = composed.diagnostics + decoder.diagnostics
        if judgingLines, let pack, !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics += DrillPackChecks(pack: pack, sourceMap: decoder.sourceMap, path: path).run()
        }
        diagnostics = ScenarioAnalyzer.sorted(diagnostics)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        let shown = Array(diagnostics.prefix(ScenarioAnalyzer.maxDiagnostics))
        return DrillPackAnalysis(
            pack: hasErrors ? nil : pack,
            diagnostics: DiagnosticList(
                shown, source: yaml, omittedCount: diagnostics.count - shown.count + decoder.suppressedCount))
    }

    /// Whether a file is a drill pack rather than a scenario: it sits in a folder named `packs`.
    public static func isPackPath(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count >= 2 && parts[parts.count - 2] == "packs"
    }

    /// The scenario library a pack file refers to when none is given: the folder holding its `packs/`
    /// folder, so `Scenarios/packs/x.yaml` names scenarios in `Scenarios/`.
    public static func neighbouringLibrary(of path: String) -> ScenarioLibrary? {
        guard isPackPath(path) else { return nil }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(2)
        let folder = parts.joined(separator: "/")
        return ScenarioLibrary(directories: [folder.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : folder])
    }

    /// The file reader and the composer speak of scenarios; a pack's author is told about packs.
    private static func packWording(_ diagnostic: Diagnostic) -> Diagnostic {
        switch diagnostic.code {
        case .notAScenario:
            return Diagnostic(
                .notADrillPack, "file holds no YAML document", at: diagnostic.location,
                help: "see docs/drills.md for the keys a pack needs, and Scenarios/packs/ for examples")
        case .fileTooLarge, .nestingTooDeep, .aliasExpansion, .unreadableFile:
            var reworded = diagnostic
            reworded.message = packWords(diagnostic.message)
            reworded.help = diagnostic.help.map(packWords)
            return reworded
        default:
            return diagnostic
        }
    }

    private static func packWords(_ text: String) -> String {
        text.replacingOccurrences(of: "scenario files", with: "drill pack files")
            .replacingOccurrences(
                of: "`coachdrill list` shows the scenarios it can find", with: "packs live in Scenarios/packs/"
            )
            .replacingOccurrences(of: "scenarios", with: "packs")
            .replacingOccurrences(of: "scenario", with: "pack")
    }
}

/// Everything known about one pack file: the pack (when it has no errors) and every diagnostic.
public struct DrillPackAnalysis: Sendable, Equatable {
    public var pack: DrillPack?
    public var diagnostics: DiagnosticList

    public init(pack: DrillPack?, diagnostics: DiagnosticList) {
        self.pack = pack
        self.diagnostics = diagnostics
    }

    /// The pack, or the diagnostics that stop it from loading (warnings included, for context).
    public var result: Result<DrillPack, DiagnosticList> {
        if let pack, !diagnostics.hasErrors { return .success(pack) }
        return .failure(diagnostics)
    }
}
