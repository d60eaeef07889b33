import Foundation

/// Paths as the user would type them. The scenario library finds `./Scenarios` as an absolute path; in
/// messages that reads as noise, and `lint` shows the paths it was given, so a file inside the current
/// directory is shown relative to it.
enum DisplayPath {
    static func relative(_ path: String, to directory: String = FileManager.default.currentDirectoryPath) -> String {
        guard path.hasPrefix("/"), !directory.isEmpty else { return path }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        guard path.hasPrefix(base), path.count > base.count else { return path }
        return String(path.dropFirst(base.count))
    }
}
