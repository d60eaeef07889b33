import ArgumentParser
import CoachDrillCore
import Foundation

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how CoachDrill judges one coach line, feature by feature.")

    @Argument(help: "The coach line, in quotes.")
    var line: String

    @Option(help: "What the client said just before, in quotes: the engine reads it too.")
    var client: String = ""

    /// An empty line would be judged like any other (no marker, neutral), which reads as a verdict on
    /// nothing; it is a usage mistake, most often an unset shell variable.
    func validate() throws {
        if line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(
                "explain needs a coach line, e.g. coachdrill explain \"What will you take from today?\"")
        }
    }

    func run() {
        let context = AssessmentContext(clientLine: client)
        StandardOutput.write(ExplanationText.render(Assessor().explain(line, context: context)), terminator: "")
    }
}
