import ArgumentParser
import Foundation
import ScenarioFormat

/// Where the team's labelled corpus is found: `./Corpus/coach-turns.tsv` in a checkout, else the installed
/// copy beside the scenarios (`<executable dir>/../share/coachdrill/Corpus/coach-turns.tsv`).
enum LabelledCorpusFile {
    static let relativePath = "Corpus/coach-turns.tsv"

    static func standardPath(
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String? = ScenarioLibrary.currentExecutablePath()
    ) throws -> String {
        // In a checkout the path is shown as typed from here; the installed copy by its full path.
        if FileManager.default.isReadableFile(atPath: currentDirectory + "/" + relativePath) { return relativePath }
        if let executablePath {
            let installed = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
                .deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("share/coachdrill/" + relativePath).path
            if FileManager.default.isReadableFile(atPath: installed) { return installed }
        }
        throw ValidationError(
            "no labelled corpus found (looked for \(relativePath) here and in the installed share folder); "
                + "give a labelled file: coachdrill classify --eval FILE")
    }
}
