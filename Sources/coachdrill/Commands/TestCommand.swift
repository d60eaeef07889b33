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
            marker, stance, traps and next beat. --coverage lists the beats, conditional branches and reply \
            sets (each key of a reply mapping, and each plain `client:` reply) no check visits, and the share \
            of each that is visited (default branches are fallbacks and need no check; their replies do).

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
        var totals = (checks: 0, turns: 0, failures: 0, unloadable: 0)
        for file in files {
            let analysis = ScenarioLoader.analyze(contentsOf: file)
            let scenario: Scenario
            switch analysis.result {
            case .success(let loaded): scenario = loaded
            case .failure(let diagnostics):
                StandardOutput.write(diagnostics.rendered(color: style.enabled), terminator: "")
                totals.unloadable += 1
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
                let replies = report.unusedReplies(in: scenario)
                // Located like diagnostics, so an editor can jump to the beat, branch or reply.
                for beat in beats {
                    let place = analysis.location(ofBeat: beat) ?? .file(file)
                    StandardOutput.write("\(place): not covered: beat '\(beat)'")
                }
                for branch in branches {
                    let place = analysis.location(ofBranch: branch.index, inBeat: branch.beat) ?? .file(file)
                    StandardOutput.write("\(place): not covered: beat '\(branch.beat)' branch \(branch.index + 1)")
                }
                for reply in replies {
                    let ref = reply.branch
                    let place =
                        analysis.location(ofReply: reply.entry, branch: ref.index, inBeat: ref.beat)
                        ?? analysis.location(ofBranch: ref.index, inBeat: ref.beat) ?? .file(file)
                    let key = scenario.beat(ref.beat)?.branches[ref.index].client.entries[reply.entry].key
                    let name = key.map { $0 == .otherwise ? "reply" : "reply '\($0)'" } ?? "reply"
                    StandardOutput.write("\(place): not covered: beat '\(ref.beat)' branch \(ref.index + 1) \(name)")
                }
                let figures = report.coverage(of: scenario)
                StandardOutput.write(
                    "\(file): coverage: " + Self.coverageLine(figures.beats, "beats") + ", "
                        + Self.coverageLine(figures.branches, "branches") + ", " + Self.coverageLine(figures.replies, "replies"))
                if strict, !beats.isEmpty || !branches.isEmpty || !replies.isEmpty { failed = true }
            }
        }
        let summary = Self.summary(
            scenarios: files.count, unloadable: totals.unloadable, checks: totals.checks, turns: totals.turns,
            failures: totals.failures)
        StandardOutput.write(failed ? style.red(summary) : style.green(summary))
        if failed { throw ExitCode(1) }
    }

    /// "beats 11/12 (91%)"
    static func coverageLine(_ coverage: CheckRunner.Coverage, _ name: String) -> String {
        "\(name) \(coverage.visited)/\(coverage.total) (\(coverage.percent)%)"
    }

    /// "3 scenarios (1 does not load), 5 checks, 12 turns: 1 failure"
    static func summary(scenarios: Int, unloadable: Int, checks: Int, turns: Int, failures: Int) -> String {
        var out = ReportFormatting.plural(scenarios, "scenario")
        if unloadable > 0 { out += " (\(unloadable) \(unloadable == 1 ? "does" : "do") not load)" }
        return out + ", " + ReportFormatting.plural(checks, "check") + ", " + ReportFormatting.plural(turns, "turn")
            + ": " + ReportFormatting.plural(failures, "failure")
    }
}
