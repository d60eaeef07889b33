import ArgumentParser
import Foundation
import ScenarioFormat

/// The files `lint` and `test` work on, from what was named on the command line: files; folders, expanded
/// to their scenario files (sorted) and, when asked, then to the drill packs of their `packs/` sub-folder
/// (sorted); and scenario ids (and, when asked, pack ids), found in the library as `play` and `graph` find
/// them. A name that is an existing file or folder is always that, so paths keep working as before.
enum ScenarioFiles {
    static func expand(_ names: [String], library: ScenarioLibrary, includingPacks: Bool = false) throws -> [String] {
        var files: [String] = []
        for name in names {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory) else {
                files.append(try resolve(id: name, library: library, includingPacks: includingPacks))
                continue
            }
            if isDirectory.boolValue {
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: name)) ?? []
                let base = name.hasSuffix("/") ? name : name + "/"
                files += entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { base + $0 }
                let packs =
                    includingPacks ? (try? FileManager.default.contentsOfDirectory(atPath: base + "packs")) ?? [] : []
                files += packs.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { base + "packs/" + $0 }
            } else {
                files.append(name)
            }
        }
        return files
    }

    /// A name that is not a file or folder: a scenario id, or a pack id when packs are wanted.
    private static func resolve(id name: String, library: ScenarioLibrary, includingPacks: Bool) throws -> String {
        let scenarioSuggestion: String?
        switch library.resolve(name) {
        case .success(let path):
            return DisplayPath.relative(path)
        case .failure(.noSuchScenario(_, _, let suggestion)):
            scenarioSuggestion = suggestion
        case .failure:
            // A path (it has a '/' or a .yaml ending) that names nothing: there is no id to look up.
            throw ValidationError("no such file or folder: '\(name)'")
        }
        var packSuggestion: String?
        if includingPacks {
            switch library.resolvePack(name) {
            case .success(let path): return DisplayPath.relative(path)
            case .failure(.noSuchPack(_, _, _, let suggestion)): packSuggestion = suggestion
            case .failure: break
            }
        }
        let what = includingPacks ? "no scenario or drill pack" : "no scenario"
        let didYouMean = (scenarioSuggestion ?? packSuggestion).map { " (did you mean '\($0)'?)" } ?? ""
        let folders = library.directories.map { DisplayPath.relative($0) }.joined(separator: ", ")
        throw ValidationError(
            "no such file or folder: '\(name)', and \(what) with that id\(didYouMean) in \(folders). "
                + "Run `coachdrill list` to see the scenario ids.")
    }
}
