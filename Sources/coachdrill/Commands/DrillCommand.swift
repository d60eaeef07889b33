import ArgumentParser
import CoachDrillCore
import Foundation
import LineEditor
import ScenarioFormat

struct DrillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Run a timed drill pack under assessment rules and record the result.",
        discussion: """
            PACK is a pack id (looked up in <scenarios folder>/packs/) or a path to a pack file; docs/drills.md \
            describes the format. Feedback is withheld until the end.

            Each participant's run is written to its own new file in the results folder, so a whole room can \
            share one folder (a network share, a synced drive or a USB stick) and `coachdrill report` can \
            read it afterwards.

            When standard input is not a terminal, answers are read one per line:

              coachdrill drill warmup-all-markers --as Robin < answers.txt
            """)

    @Argument(help: "A drill pack id (see Scenarios/packs/) or a path to a pack file.")
    var pack: String

    @Option(name: .customLong("as"), help: "The participant's name, as the results record it.")
    var trainee: String?

    @Option(help: "The folder results are written to; created if missing.")
    var results: String = ResultsFolder.defaultPath

    @Option(help: "A folder of scenarios (with its packs/ folder) to use instead of the usual places.")
    var scenarios: String?

    /// Set by `coachdrill serve` in sshd's ForceCommand: the participant checks in (name and workshop code)
    /// instead of giving --as, and the run records their SSH key.
    @Option(help: .hidden)
    var workshop: String?

    func validate() throws {
        guard workshop == nil else { return }
        if (trainee ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--as needs a name: it is how the results tell participants apart.")
        }
    }

    func run() throws {
        // A dropped connection or a closed window must still leave a results file with its end line.
        StandardOutput.outlivesItsReader = true
        let style = Style.forStandardOutput()
        var name = (trainee ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var participantKey: String?
        let library = ScenarioLibrary.standard(scenariosOption: scenarios)
        let path: String
        switch library.resolvePack(pack) {
        case .success(let found): path = found
        case .failure(let error): throw ValidationError("\(error)")
        }
        let loaded: DrillPack
        switch DrillPackLoader.load(contentsOf: path, scenarios: scenarioLibrary(for: path, standard: library)) {
        case .success(let pack): loaded = pack
        case .failure(let diagnostics):
            FileHandle.standardError.write(Data(diagnostics.rendered(color: style.enabled).utf8))
            throw ExitCode(1)
        }

        // No history file: on a shared workshop machine one participant's answers must not be recalled by the next.
        let reader = LineReaders.standard(
            programName: "coachdrill", historyFile: nil, completions: SessionCommands.offered(in: .drill))
        let interactive = reader is EditLineReader

        if let workshop {
            say(style.bold("CoachDrill workshop · \(TerminalText.sanitize(loaded.title))"))
            let checkIn = WorkshopCheckIn(folder: WorkshopFolder(path: workshop), reader: reader, say: say)
            switch checkIn.run(environment: ProcessInfo.processInfo.environment) {
            case .admitted(let admitted, let key):
                name = admitted
                participantKey = key
            case .refused: throw ExitCode(1)
            case .left: return
            }
        }

        let writer: TranscriptWriter
        let run: String
        do {
            (writer, run) = try ResultsFolder.create(in: results, packID: loaded.id, trainee: name, now: Date())
            let hash = ContentHash.of(file: path)
            try writer.append(
                .session(
                    TranscriptHeader(
                        version: TranscriptFormat.version, scenario: loaded.id, scenarioHash: hash, seed: loaded.seed, mode: .drill,
                        trainee: name, started: UTCTime.iso8601(Date()), pack: loaded.id, packHash: hash, run: run,
                        participantKey: participantKey)))
        } catch {
            throw ErrorReport.fail("\(error)")
        }

        let session = DrillSession(
            pack: loaded, reader: reader, echoInput: !interactive, style: style, transcript: writer)
        let end: SessionEnd
        do {
            end = try session.run()
        } catch {
            throw ErrorReport.fail("\(error)")
        }
        let result = session.result
        do {
            try writer.append(
                .end(
                    TranscriptEnd(
                        reason: end.reason, ended: UTCTime.iso8601(Date()), recorded: TranscriptEnd.RecordedTotals(result.scorecard),
                        result: TranscriptEnd.DrillResult(passed: result.passed, itemsPassed: result.itemsPassed, items: result.itemCount))))
        } catch {
            ErrorReport.say("\(error)")
        }
        session.say(DrillResultText.render(result, trainee: name, endedEarly: end != .completed, style: style))
        session.say(style.dim("Results saved to \(writer.path)"))
        if case .interrupted(let signal) = end { throw ExitCode(128 + signal) }
    }

    private func say(_ text: String) {
        StandardOutput.write(text)
    }

    /// Where a pack's scenario items are looked up: `--scenarios` alone when given; otherwise the folder
    /// holding the pack's `packs/` folder first (a pack travels with its scenarios), then the usual places.
    private func scenarioLibrary(for path: String, standard: ScenarioLibrary) -> ScenarioLibrary {
        guard scenarios == nil, let neighbour = DrillPackLoader.neighbouringLibrary(of: path) else { return standard }
        let folders = neighbour.directories + standard.directories.filter { !neighbour.directories.contains($0) }
        return ScenarioLibrary(directories: folders)
    }
}
