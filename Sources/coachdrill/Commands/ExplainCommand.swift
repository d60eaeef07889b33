import ArgumentParser
import CoachDrillCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how CoachDrill judges one coach line, cue by cue.")

    @Argument(help: "The coach line, in quotes.")
    var line: String

    func run() {
        print(ExplanationText.render(Assessor().assess(line)), terminator: "")
    }
}
