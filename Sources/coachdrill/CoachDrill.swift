import ArgumentParser
import Foundation

// Help discussions hold one source line per paragraph (a trailing `\` joins the lines): ArgumentParser wraps
// each line to the terminal itself, so hard breaks in the text would leave ragged lines in `--help`.
@main
struct CoachDrill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coachdrill",
        abstract: "Practise closing a coaching session: partner with the client, don't advise.",
        discussion: """
            A scripted client plays a scenario; you answer as the coach. After every answer CoachDrill names \
            the ICF PCC marker of competency 8 (Facilitates Client Growth) your words served and whether you \
            partnered or advised.
            """,
        version: "0.1.0",
        subcommands: [
            PlayCommand.self, ListCommand.self, ClassifyCommand.self, ExplainCommand.self,
            LintCommand.self, TestCommand.self, GraphCommand.self, NewCommand.self,
            ReplayCommand.self, ReportCommand.self,
            DrillCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: PlayCommand.self
    )

    static func main() {
        // Output piped into `head` must end quietly: writes then fail with EPIPE, which the writers handle.
        signal(SIGPIPE, SIG_IGN)
        // Usage errors exit 2, as grep and diff do (ArgumentParser's default is 64); 1 stays "found problems".
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ValidationError {
            // Thrown by a command once it runs: its message already says what to do.
            ErrorReport.say(error.message)
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
