import CoachDrillCore
import Foundation

/// Finds scenarios on disk: by id in the scenario folders, or by path.
///
/// Folders are searched in order: `--scenarios DIR`, then `$COACHDRILL_SCENARIOS`, then `./Scenarios`,
/// then the installed share folder (`<prefix>/share/coachdrill/Scenarios` next to the executable's `bin/`).
public struct ScenarioLibrary: Sendable {
    /// The scenario `coachdrill play` and `make play` start with.
    public static let defaultScenarioID = "new-manager-checklist"

    public let folders: [String]

    public init(folders: [String]) {
        self.folders = folders
    }

    /// The search order for this process.
    public static func standard(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String = CommandLine.arguments.first ?? ""
    ) -> ScenarioLibrary {
        var folders: [String] = []
        if let explicit { folders.append(explicit) }
        if let fromEnvironment = environment["COACHDRILL_SCENARIOS"], !fromEnvironment.isEmpty {
            folders.append(fromEnvironment)
        }
        folders.append(FileManager.default.currentDirectoryPath + "/Scenarios")
        let bin = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        folders.append(bin.deletingLastPathComponent().appendingPathComponent("share/coachdrill/Scenarios").path)
        return ScenarioLibrary(folders: folders)
    }

    public enum LookupError: Error, Equatable, CustomStringConvertible {
        case notFound(name: String, searched: [String], suggestion: String?)
        case noScenarios(searched: [String])

        public var description: String {
            switch self {
            case .notFound(let name, let searched, let suggestion):
                var text = "no scenario named '\(TerminalText.sanitize(name))'"
                if let suggestion { text += " (did you mean '\(suggestion)'?)" }
                return text + "; looked in: " + searched.joined(separator: ", ")
                    + ". Run `coachdrill list` to see the scenarios, or give a path to a .yaml file."
            case .noScenarios(let searched):
                return "no scenarios found; looked in: " + searched.joined(separator: ", ")
                    + ". Run from the CoachDrill folder, or pass --scenarios DIR."
            }
        }
    }

    /// The file for a scenario id or path.
    public func path(for name: String) throws(LookupError) -> String {
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.contains("/") {
            if FileManager.default.fileExists(atPath: name) { return name }
        }
        for folder in folders {
            for ext in ["yaml", "yml"] {
                let candidate = "\(folder)/\(name).\(ext)"
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
        }
        let ids = scenarioFiles().map(\.id)
        throw .notFound(name: name, searched: folders, suggestion: Suggestions.closest(to: name, among: ids))
    }

    /// Scenario files in the first folder that has any, by id; the default scenario first.
    public func scenarioFiles() -> [(id: String, path: String)] {
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { name in
                (id: String(name.prefix { $0 != "." }), path: "\(folder)/\(name)")
            }
            if files.isEmpty { continue }
            return files.sorted { lhs, rhs in
                if (lhs.id == Self.defaultScenarioID) != (rhs.id == Self.defaultScenarioID) {
                    return lhs.id == Self.defaultScenarioID
                }
                return lhs.id < rhs.id
            }
        }
        return []
    }
}
