import ArgumentParser
import CoachDrillCore
import Foundation
import ScenarioFormat

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the scenarios you can play.")

    @Option(help: "A folder of scenarios to use instead of the usual places.")
    var scenarios: String?

    func run() throws {
        let library = ScenarioLibrary.standard(scenariosOption: scenarios)
        let listing = library.list()
        guard !listing.entries.isEmpty || !listing.failures.isEmpty else {
            throw ValidationError(ScenarioCatalogue.noScenariosMessage(library))
        }
        StandardOutput.write(ScenarioCatalogue.table(ScenarioCatalogue.ordered(listing.entries)), terminator: "")
        for failure in listing.failures {
            let path = DisplayPath.relative(failure.path)
            ErrorReport.say("\(path) does not load; run `coachdrill lint \(path)`")
        }
    }
}

/// The scenarios on disk, summarised for `list` and the `play` picker.
enum ScenarioCatalogue {
    /// The scenario `coachdrill play` and `make play` start with.
    static let defaultScenarioID = "new-manager-checklist"

    /// The default scenario first, then by id.
    static func ordered(_ entries: [ScenarioSummary]) -> [ScenarioSummary] {
        entries.filter { $0.id == defaultScenarioID } + entries.filter { $0.id != defaultScenarioID }
    }

    static func noScenariosMessage(_ library: ScenarioLibrary) -> String {
        "no scenarios found; looked in: \(library.directories.joined(separator: ", ")). "
            + "Run from the CoachDrill folder, or pass --scenarios DIR."
    }

    /// The `play` picker: short enough for an 80-column terminal.
    static func menu(_ rows: [ScenarioSummary]) -> String {
        let idWidth = (rows.map(\.id.count).max() ?? 2) + 2
        let personWidth = (rows.map(\.personaName.count).max() ?? 6) + 2
        return rows.enumerated().map { index, row in
            pad("\(index + 1).", 4) + pad(TerminalText.sanitize(row.id), idWidth)
                + pad(TerminalText.sanitize(row.personaName), personWidth) + row.difficulty.rawValue
        }.joined(separator: "\n") + "\n"
    }

    static func table(_ rows: [ScenarioSummary]) -> String {
        let idWidth = (rows.map(\.id.count).max() ?? 2) + 2
        let titleWidth = min((rows.map(\.title.count).max() ?? 5) + 2, 56)
        let personWidth = (rows.map(\.personaName.count).max() ?? 6) + 2
        let markerWidth = (rows.map { $0.markers.count * 4 }.max() ?? 7) + 1
        var out = ""
        out += pad("id", idWidth) + pad("title", titleWidth) + pad("person", personWidth) + pad("difficulty", 12)
            + pad("markers", markerWidth) + "traps\n"
        for row in rows {
            out += pad(TerminalText.sanitize(row.id), idWidth) + pad(TerminalText.sanitize(row.title), titleWidth)
                + pad(TerminalText.sanitize(row.personaName), personWidth) + pad(row.difficulty.rawValue, 12)
                + pad(row.markers.map(\.id).joined(separator: " "), markerWidth)
                + row.traps.map(\.rawValue).joined(separator: ", ") + "\n"
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
