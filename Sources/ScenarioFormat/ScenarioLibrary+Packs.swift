import Foundation

/// Drill packs live in a `packs/` folder inside each scenario folder, and are named by id or by path.
extension ScenarioLibrary {
    /// Every pack file (`<folder>/packs/*.yaml`), an earlier folder's pack shadowing a later one of the same name.
    public func packFiles() -> [String] {
        var seen: Set<String> = []
        var files: [String] = []
        for directory in existingDirectories {
            let folder = Self.join(directory, "packs")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where Self.isScenarioFileName(name) && seen.insert(Self.stem(name)).inserted {
                files.append(Self.join(folder, name))
            }
        }
        return files
    }

    /// The pack file a name refers to: a path (anything with a `/`, a `.yaml`/`.yml` ending, or an existing
    /// file), or a pack id looked up in each folder's `packs/`.
    public func resolvePack(_ name: String) -> Result<String, DrillPackLookupError> {
        if name.contains("/") || Self.isScenarioFileName(name) || FileManager.default.fileExists(atPath: name) {
            guard FileManager.default.fileExists(atPath: name) else { return .failure(.noSuchFile(name)) }
            return .success(name)
        }
        let files = packFiles()
        if let path = files.first(where: { Self.stem(($0 as NSString).lastPathComponent) == name }) {
            return .success(path)
        }
        let ids = files.map { Self.stem(($0 as NSString).lastPathComponent) }
        return .failure(
            .noSuchPack(
                name, searched: directories.map { Self.join($0, "packs") }, available: ids,
                suggestion: Suggestions.closest(to: name, among: ids)))
    }
}

public enum DrillPackLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchFile(String)
    case noSuchPack(String, searched: [String], available: [String], suggestion: String?)

    public var description: String {
        switch self {
        case .noSuchFile(let path):
            return "no drill pack file at '\(path)'"
        case .noSuchPack(let name, let searched, let available, let suggestion):
            let didYouMean = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            let packs = available.isEmpty ? "none found" : available.joined(separator: ", ")
            return
                "no drill pack '\(name)'\(didYouMean); looked in \(searched.joined(separator: ", ")) (packs: \(packs))"
        }
    }
}
