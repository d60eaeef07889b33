/// `coachdrill lint` for drill packs: every diagnostic the pack loader finds, warnings included.
extension Lint {
    /// Lints a pack file. Scenario items are looked up in `scenarios`; by default, in the folder that holds
    /// the pack's `packs/` folder (`Scenarios/packs/x.yaml` -> `Scenarios/`), else in the usual places.
    public static func lintPack(
        contentsOf path: String, scenarios: ScenarioLibrary? = nil, disabling disabled: Set<DiagnosticCode> = [],
        limits: LoadLimits = .default
    ) -> DiagnosticList {
        let library = scenarios ?? DrillPackLoader.neighbouringLibrary(of: path) ?? ScenarioLibrary.standard()
        var list = DrillPackLoader.analyze(contentsOf: path, scenarios: library, limits: limits).diagnostics
        list.diagnostics = list.diagnostics.filter { $0.severity == .error || !disabled.contains($0.code) }
        return list
    }

    /// Lints pack text; `path` is used in messages and compared with the pack's id.
    public static func lintPack(
        source: String, path: String, scenarios: ScenarioLibrary, disabling disabled: Set<DiagnosticCode> = [],
        limits: LoadLimits = .default
    ) -> [Diagnostic] {
        DrillPackLoader.analyze(yaml: source, path: path, scenarios: scenarios, limits: limits).diagnostics.diagnostics
            .filter { $0.severity == .error || !disabled.contains($0.code) }
    }
}
