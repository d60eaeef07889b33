import CoachDrillCore
import Foundation

/// Every scenario of a library, loaded once and found by id: what a pack's scenario items are checked
/// against.
///
/// `ScenarioLibrary.load` may read every file to find one id; a pack names many scenarios (a hostile one,
/// thousands), so the files are read once here and each item is a dictionary lookup.
struct LoadedScenarios {
    enum Entry {
        case loaded(Scenario)
        case broken(path: String, DiagnosticList)
    }

    private var byName: [String: Entry] = [:]
    /// File names without `.yaml`, sorted, for did-you-mean.
    private(set) var ids: [String] = []

    init(_ library: ScenarioLibrary, limits: LoadLimits = .default) {
        for path in library.scenarioFiles() {
            let stem = ScenarioLibrary.stem((path as NSString).lastPathComponent)
            ids.append(stem)
            switch ScenarioLoader.load(contentsOf: path, limits: limits) {
            case .success(let scenario):
                byName[stem] = .loaded(scenario)
                // An id that differs from its file name (lint warns) is found too, as `resolve` finds it.
                if byName[scenario.id] == nil { byName[scenario.id] = .loaded(scenario) }
            case .failure(let diagnostics):
                byName[stem] = .broken(path: path, diagnostics)
            }
        }
        ids.sort()
    }

    subscript(id: String) -> Entry? {
        byName[id]
    }
}
