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
        let entries = ScenarioCatalogue.entries(
            ScenarioCatalogue.ordered(listing.entries), width: StandardOutput.terminalWidth ?? ScenarioCatalogue.pipeWidth)
        StandardOutput.write(entries, terminator: "")
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

    /// The width `list` wraps at when standard output is not a terminal. Unlike a session's dialogue, the
    /// list is read by people even through a pipe (`coachdrill list | less`, pasted into a message), and
    /// unwrapped its longest trap lines would break mid-word in an 80-column pager.
    static let pipeWidth = 80

    /// `list`: one entry per scenario, its id and title on the first line and the rest indented below,
    /// wrapped at `width` so nothing runs off an 80-column terminal the way a one-row-per-scenario table
    /// did. Wrapped values continue under their own first word (a title under the title column, traps
    /// under the first trap), so a continuation never reads as a line of its own.
    static func entries(_ rows: [ScenarioSummary], width: Int) -> String {
        let idWidth = (rows.map { TerminalText.columns(of: TerminalText.sanitize($0.id)) }.max() ?? 2) + 2
        return rows.map { row in
            let id = TerminalText.sanitize(row.id)
            let title = TerminalText.sanitize(row.title)
            // Beside the longest id a title would get too little room: it goes on its own line instead.
            var lines =
                width - idWidth >= minimumTextColumns
                ? [hanging(pad(id, idWidth), title, width: width)]
                : [id, TerminalText.wrap(detailIndent + title, width: width)]
            let who = "\(detailIndent)\(TerminalText.sanitize(row.personaName)) · \(row.difficulty.rawValue)"
            lines.append(
                row.markers.isEmpty
                    ? TerminalText.wrap(who, width: width)
                    : hanging(who + " · markers ", row.markers.map(\.id).joined(separator: " "), width: width))
            if !row.traps.isEmpty {
                lines.append(
                    hanging(detailIndent + "traps: ", row.traps.map(\.rawValue).joined(separator: ", "), width: width))
            }
            return lines.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    /// How far an entry's details sit in from its id.
    private static let detailIndent = "    "

    /// The fewest columns worth wrapping a value into beside its label (TerminalText.wrap's own floor).
    private static let minimumTextColumns = 20

    /// `label` then `text`, wrapped at `width` with every continuation starting in the column `text` started
    /// in; when that leaves too little room (or not enough for its longest word), continuations start at the
    /// label's own indentation instead.
    private static func hanging(_ label: String, _ text: String, width: Int) -> String {
        let labelColumns = TerminalText.columns(of: label)
        let longestWord = text.split(separator: " ").map { TerminalText.columns(of: String($0)) }.max() ?? 0
        guard width - labelColumns >= max(minimumTextColumns, longestWord) else {
            return TerminalText.wrap(label + text, width: width)
        }
        let wrapped = TerminalText.wrap(String(repeating: " ", count: labelColumns) + text, width: width)
        return label + wrapped.dropFirst(labelColumns)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
