import ArgumentParser
import CoachDrillCore
import Foundation
import ScenarioFormat

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run scenarios' golden checks through the engine.",
        discussion: """
            Replays every check in the `checks:` of each scenario: each coach line must produce the expected \
            marker, stance, traps and next beat. --coverage lists beats and conditional branches no check \
            visits (default branches are fallbacks and need no check).

            Exit status: 0 all pass, 1 a check failed or a scenario does not load (or, with --coverage \
            --strict, something is not covered).
            """)

    @Argument(help: "Scenario files, folders or scenario ids.")
    var paths: [String] = ["Scenarios"]

    @Option(help: "A folder of scenarios to look ids up in instead of the usual places.")
    var scenarios: String?

    @Flag(help: "List the beats and branches that no check visits.")
    var coverage = false

    @Flag(help: "With --coverage, fail when anything is not covered.")
    var strict = false

    func run() throws {
        let files = try ScenarioFiles.expand(paths, library: ScenarioLibrary.standard(scenariosOption: scenarios))
        let style = Style.forStandardOutput()
        let assessor = Assessor()
        var failed = false
        var totals = (checks: 0, turns: 0, failures: 0)
        for file in files {
            let scenario: Scenario
            switch ScenarioLoader.load(contentsOf: file) {
            case .success(let loaded): scenario = loaded
            case .failure(let diagnostics):
                StandardOutput.write(diagnostics.rendered(color: style.enabled), terminator: "")
                failed = true
                continue
            }
            let report = CheckRunner.run(scenario, assessor: assessor)
            totals.checks += report.checks
            totals.turns += report.turns
            totals.failures += report.failures.count
            for failure in report.failures {
                failed = true
                let quote = TerminalText.sanitize(failure.coach)
                StandardOutput.write(
                    "\(file):\(failure.line): " + style.red("check failed") + ": '\(TerminalText.sanitize(failure.check))' turn \(failure.turn): "
                        + "\(failure.field) expected \(failure.expected), got \(failure.got)\n    coach: \"\(quote)\"")
                if failure.field != "goto", failure.field != "start" {
                    StandardOutput.write(style.dim("    see why: coachdrill explain \"\(quote)\""))
                }
            }
            if coverage {
                let beats = report.unvisitedBeats(in: scenario)
                let branches = report.untakenBranches(in: scenario)
                for beat in beats { StandardOutput.write("\(file): not covered: beat '\(beat)'") }
                for branch in branches {
                    StandardOutput.write("\(file): not covered: beat '\(branch.beat)' branch \(branch.index + 1)")
                }
                if strict, !beats.isEmpty || !branches.isEmpty { failed = true }
            }
        }
        let summary = "\(files.count) scenario\(files.count == 1 ? "" : "s"), \(totals.checks) checks, \(totals.turns) turns: "
            + "\(totals.failures) failure\(totals.failures == 1 ? "" : "s")"
        StandardOutput.write(totals.failures == 0 && !failed ? style.green(summary) : style.red(summary))
        if failed { throw ExitCode(1) }
    }
}
