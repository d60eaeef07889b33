import ArgumentParser
import CoachDrillCore
import Foundation
import ScenarioFormat

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how CoachDrill judges one coach line, feature by feature.")

    @Argument(help: "The coach line, in quotes.")
    var line: String

    @Option(help: "What the client said just before, in quotes: the engine reads it too.")
    var client: String = ""

    @Option(help: "Judge the line at a beat of this scenario (id or path): its line, its expects, its exemplar.")
    var scenario: String?

    @Option(help: "With --scenario, the beat (default: the scenario's start).")
    var beat: String?

    @Option(help: "A folder of scenarios to look ids up in instead of the usual places.")
    var scenarios: String?

    /// An empty line would be judged like any other (no marker, neutral), which reads as a verdict on
    /// nothing; it is a usage mistake, most often an unset shell variable.
    func validate() throws {
        if line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(
                "explain needs a coach line, e.g. coachdrill explain \"What will you take from today?\"")
        }
    }

    func run() throws {
        var context = AssessmentContext(clientLine: client)
        if let scenario {
            let moment = try beat(in: scenario)
            // As in a session at that beat: the client has just said its line (unless --client says otherwise).
            context = AssessmentContext(
                clientLine: client.isEmpty ? moment.client.first ?? "" : client, expects: moment.expects,
                exemplar: moment.exemplar)
            let expects = moment.expects.isEmpty ? "" : ", which expects " + moment.expects.map(\.id).joined(separator: ", ")
            StandardOutput.write("at beat '\(TerminalText.sanitize(moment.id))'\(expects)")
        } else if beat != nil {
            throw ValidationError("--beat needs --scenario: the beat of which scenario?")
        }
        StandardOutput.write(ExplanationText.render(Assessor().explain(line, context: context)), terminator: "")
    }

    /// The beat named by --beat (or the start) of the scenario named by --scenario.
    private func beat(in name: String) throws -> Beat {
        let path: String
        switch ScenarioLibrary.standard(scenariosOption: scenarios).resolve(name) {
        case .success(let found): path = DisplayPath.relative(found)
        case .failure(let error): throw ValidationError("\(error). Run `coachdrill list` to see the scenarios.")
        }
        let loaded: Scenario
        switch ScenarioLoader.load(contentsOf: path) {
        case .success(let scenario): loaded = scenario
        case .failure(let diagnostics):
            FileHandle.standardError.write(Data(diagnostics.rendered().utf8))
            throw ExitCode(1)
        }
        let id = beat ?? loaded.start
        guard let found = loaded.beat(id) else {
            throw ValidationError("no beat '\(id)' in \(loaded.id) (beats: \(loaded.beats.map(\.id).joined(separator: ", ")))")
        }
        return found
    }
}
