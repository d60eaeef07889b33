import ArgumentParser
import CoachDrillCore
import ScenarioFormat

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the scenarios you can play.")

    @Option(help: "A folder of scenarios to use instead of the usual places.")
    var scenarios: String?

    func run() throws {
        let library = ScenarioLibrary.standard(explicit: scenarios)
        let files = library.scenarioFiles()
        guard !files.isEmpty else { throw ValidationError(ScenarioLibrary.LookupError.noScenarios(searched: library.folders).description) }
        let rows = ScenarioCatalogue.load(files)
        print(ScenarioCatalogue.table(rows), terminator: "")
    }
}

/// The scenarios on disk, summarised for `list` and the `play` picker.
enum ScenarioCatalogue {
    struct Row {
        var id: String
        var title: String
        var person: String
        var markers: String
        var traps: String
        var difficulty: String
        var path: String
        var problem: String?
    }

    static func load(_ files: [(id: String, path: String)]) -> [Row] {
        files.map { file in
            switch ScenarioLoader.load(contentsOf: file.path) {
            case .success(let scenario):
                Row(
                    id: scenario.id, title: scenario.title, person: scenario.persona.name,
                    markers: scenario.markers.map(\.id).joined(separator: " "),
                    traps: scenario.traps.map(\.rawValue).joined(separator: ", "),
                    difficulty: scenario.difficulty.rawValue, path: file.path, problem: nil)
            case .failure(let diagnostics):
                Row(
                    id: file.id, title: "(does not load: run coachdrill lint \(file.path))", person: "",
                    markers: "", traps: "", difficulty: "", path: file.path,
                    problem: diagnostics.errors.first?.message)
            }
        }
    }

    static func table(_ rows: [Row], numbered: Bool = false) -> String {
        let idWidth = (rows.map(\.id.count).max() ?? 2) + 2
        let titleWidth = min((rows.map(\.title.count).max() ?? 5) + 2, 56)
        var out = ""
        if !numbered {
            out += pad("id", idWidth) + pad("title", titleWidth) + pad("difficulty", 12) + "markers\n"
        }
        for (index, row) in rows.enumerated() {
            let number = numbered ? pad("\(index + 1).", 5) : ""
            out += number + pad(TerminalText.sanitize(row.id), idWidth) + pad(TerminalText.sanitize(row.title), titleWidth)
                + pad(row.difficulty, 12) + row.markers + "\n"
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
