import CoachDrillCore
import Foundation

/// Where scenarios are found, and finding them by id or path.
///
/// Search order (first match wins):
/// 1. `--scenarios DIR` when given: only that folder;
/// 2. otherwise `$COACHDRILL_SCENARIOS` when set and not empty: only those folders (separated by `:`);
/// 3. otherwise `./Scenarios`, then the installed share folder `<executable dir>/../share/coachdrill/Scenarios`
///    (an id found in both is taken from `./Scenarios`).
///
/// Only `*.yaml` and `*.yml` files directly inside a folder are scenarios (`packs/` below it is not searched).
public struct ScenarioLibrary: Sendable, Equatable {
    /// The folders searched, in order. Folders that do not exist are skipped.
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// The library as the command line sees it.
    /// - Parameters:
    ///   - scenariosOption: the `--scenarios DIR` option, if given.
    ///   - environment: the process environment (`COACHDRILL_SCENARIOS` is read).
    ///   - currentDirectory: where `./Scenarios` is looked for.
    ///   - executablePath: the running executable, for the installed share folder; symbolic links are resolved.
    public static func standard(
        scenariosOption: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String? = ScenarioLibrary.currentExecutablePath()
    ) -> ScenarioLibrary {
        if let option = scenariosOption, !option.isEmpty {
            return ScenarioLibrary(directories: [option])
        }
        if let variable = environment["COACHDRILL_SCENARIOS"], !variable.isEmpty {
            return ScenarioLibrary(directories: variable.split(separator: ":").map(String.init))
        }
        var directories = [join(currentDirectory, "Scenarios")]
        if let executablePath {
            let resolved = URL(fileURLWithPath: Self.realPath(executablePath) ?? executablePath)
            let share = resolved.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("share/coachdrill/Scenarios").standardizedFileURL.path
            if !directories.contains(share) { directories.append(share) }
        }
        return ScenarioLibrary(directories: directories)
    }

    /// `path` with every symbolic link resolved, by realpath(3): one call, where Foundation's
    /// `resolvingSymlinksInPath` walks the path a component at a time. Nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The path of the running executable (via /proc/self/exe on Linux), if it can be found.
    public static func currentExecutablePath() -> String? {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                return path
            }
        #endif
        return Bundle.main.executablePath
    }

    /// The folders that exist.
    public var existingDirectories: [String] {
        directories.filter { directory in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// Every scenario file, by file name (an earlier folder's file shadows a later one of the same name),
    /// sorted by path.
    public func scenarioFiles() -> [String] {
        var seen: Set<String> = []
        var files: [String] = []
        for directory in existingDirectories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where Self.isScenarioFileName(name) {
                let stem = Self.stem(name)
                let path = Self.join(directory, name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    seen.insert(stem).inserted
                else { continue }
                files.append(path)
            }
        }
        return files
    }

    /// The file a name refers to: a path (anything with a `/` or a `.yaml`/`.yml` ending, or an existing file),
    /// or a scenario id looked up in the folders.
    public func resolve(_ name: String) -> Result<String, ScenarioLibraryError> {
        if name.contains("/") || Self.isScenarioFileName(name) || FileManager.default.fileExists(atPath: name) {
            guard FileManager.default.fileExists(atPath: name) else { return .failure(.noSuchFile(name)) }
            return .success(name)
        }
        return resolve(id: name)
    }

    /// The file of the scenario with this id, looked up in the library's folders only: never a path. For
    /// ids that come from files a stranger may have edited (a transcript's `scenario`), so "/etc/passwd"
    /// or "../x" cannot make a command read a file outside the library.
    public func resolve(id name: String) -> Result<String, ScenarioLibraryError> {
        guard Self.isPlainID(name) else { return .failure(.notAnID(name)) }
        for directory in existingDirectories {
            for ext in [".yaml", ".yml"] {
                let path = Self.join(directory, name + ext)
                if FileManager.default.fileExists(atPath: path) { return .success(path) }
            }
        }
        // An id that differs from its file name (lint warns about it) is still found.
        for path in scenarioFiles() {
            if case .success(let scenario) = ScenarioLoader.load(contentsOf: path), scenario.id == name {
                return .success(path)
            }
        }
        let ids = scenarioFiles().map { Self.stem(($0 as NSString).lastPathComponent) }
        return .failure(
            .noSuchScenario(name, searched: directories, suggestion: Suggestions.closest(to: name, among: ids)))
    }

    /// A name that can only be looked up, never lead elsewhere: no '/', no leading '.', no control
    /// characters, and not empty.
    static func isPlainID(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/")
            && !name.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// Finds and loads a scenario by id or path.
    public func load(_ name: String, limits: LoadLimits = .default) -> Result<Scenario, ScenarioLibraryError> {
        switch resolve(name) {
        case .failure(let error): return .failure(error)
        case .success(let path):
            return ScenarioLoader.load(contentsOf: path, limits: limits).mapError { .invalid(path: path, $0) }
        }
    }

    /// Every scenario in the library, sorted by id, and the files that failed to load.
    public func list(limits: LoadLimits = .default) -> ScenarioListing {
        var entries: [ScenarioSummary] = []
        var failures: [ScenarioListing.Failure] = []
        for path in scenarioFiles() {
            switch ScenarioLoader.load(contentsOf: path, limits: limits) {
            case .success(let scenario):
                entries.append(ScenarioSummary(scenario, path: path))
            case .failure(let diagnostics):
                failures.append(.init(path: path, diagnostics: diagnostics))
            }
        }
        entries.sort { ($0.id, $0.path) < ($1.id, $1.path) }
        return ScenarioListing(entries: entries, failures: failures)
    }

    static func isScenarioFileName(_ name: String) -> Bool {
        (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".")
    }

    static func stem(_ name: String) -> String {
        ScenarioDecoder.fileStem(name) ?? name
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

/// One line of `coachdrill list`.
public struct ScenarioSummary: Sendable, Equatable {
    public var id: String
    public var title: String
    public var markers: [Marker]
    public var traps: [Trap]
    public var difficulty: Difficulty
    public var personaName: String
    public var path: String

    public init(_ scenario: Scenario, path: String) {
        id = scenario.id
        title = scenario.title
        markers = scenario.markers
        traps = scenario.traps
        difficulty = scenario.difficulty
        personaName = scenario.persona.name
        self.path = path
    }
}

/// What `ScenarioLibrary.list()` found.
public struct ScenarioListing: Sendable, Equatable {
    public struct Failure: Sendable, Equatable {
        public var path: String
        public var diagnostics: DiagnosticList
    }

    public var entries: [ScenarioSummary]
    public var failures: [Failure]
}

public enum ScenarioLibraryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A path that names no file.
    case noSuchFile(String)
    /// An id found in none of the folders.
    case noSuchScenario(String, searched: [String], suggestion: String?)
    /// The file was found but does not load.
    case invalid(path: String, DiagnosticList)
    /// A name given as an id that could be read as a path.
    case notAnID(String)

    public var description: String {
        switch self {
        case .noSuchFile(let path):
            return "no scenario file at '\(path)'"
        case .noSuchScenario(let name, let searched, let suggestion):
            let didYouMean = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            let folders = searched.isEmpty ? "no folders" : searched.joined(separator: ", ")
            return "no scenario '\(name)'\(didYouMean); looked in \(folders)"
        case .invalid(let path, let diagnostics):
            return "scenario '\(path)' does not load (\(diagnostics.errors.count) errors)"
        case .notAnID(let name):
            return "'\(name)' is not a scenario id (an id has no '/' and does not start with '.'); it is looked up in the scenario folders, never read as a path"
        }
    }
}
