import ArgumentParser
import CoachDrillCore
import Foundation
import LineEditor
import ScenarioFormat

struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Coach a scripted client through the close of a session.",
        discussion: """
            With no SCENARIO, pick one from a numbered list (Enter takes the first). When standard input is \
            not a terminal, coach lines are read from it one per line, so sessions can be scripted:

              printf 'Where are you now?\\n' | coachdrill play new-manager-checklist

            In a script, a line that starts with # (after any spaces) is a comment.
            """)

    @Argument(help: "A scenario id (see `coachdrill list`) or a path to a scenario file.")
    var scenario: String?

    @Option(help: "practice: feedback after every answer; assess: feedback only at the end.")
    var mode: SessionMode = .practice

    @Option(help: "Seed for the client's line variants; the same seed replays the same session.")
    var seed: UInt64 = 1

    @Option(help: "Start at this beat instead of the scenario's start.")
    var from: String?

    @Option(help: "Read coach lines from this file instead of the keyboard.")
    var script: String?

    @Option(name: .customLong("as"), help: "Your name, as recorded in the transcript (default: your login name).")
    var trainee: String?

    @Option(help: "Write the transcript here (default: $XDG_DATA_HOME/coachdrill/transcripts/).")
    var transcript: String?

    @Flag(help: "Do not write a transcript.")
    var noTranscript = false

    @Option(help: "A folder of scenarios to use instead of the usual places.")
    var scenarios: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let style = Style.forStandardOutput(environment: environment)
        var reader: LineReader
        if let script {
            let fd = open(script, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw ValidationError("cannot read script '\(script)': \(String(cString: strerror(errno)))") }
            reader = PlainLineReader(fileDescriptor: fd)
        } else {
            reader = LineReaders.standard(
                programName: "coachdrill", historyFile: EditLineReader.defaultHistoryPath(environment: environment),
                completions: SessionCommands.offered(in: .practice))
        }
        // Only the line editor shows what is typed; plain input is echoed so the output reads as a dialogue.
        let interactive = reader is EditLineReader
        if !interactive { reader = ScriptLineReader(reader) }

        let library = ScenarioLibrary.standard(scenariosOption: scenarios, environment: environment)
        let path = try choosePath(library: library, reader: reader, interactive: interactive)
        let loaded: Scenario
        switch ScenarioLoader.load(contentsOf: path) {
        case .success(let scenario): loaded = scenario
        case .failure(let diagnostics):
            FileHandle.standardError.write(Data(diagnostics.rendered(color: style.enabled).utf8))
            throw ExitCode(1)
        }
        let engine: Engine
        do {
            engine = try Engine(scenario: loaded, seed: seed, from: from)
        } catch {
            throw ValidationError("--from: \(error)")
        }

        let writer: TranscriptWriter?
        if noTranscript {
            writer = nil
        } else {
            let file = transcript ?? TranscriptWriter.defaultPath(scenarioID: loaded.id, environment: environment, now: Date())
            do {
                writer = try TranscriptWriter(path: file)
                let hash = ContentHash.of(file: path)
                try writer?.append(
                    .session(
                        TranscriptHeader(
                            version: TranscriptFormat.version, scenario: loaded.id, scenarioHash: hash, seed: seed,
                            mode: mode,
                            trainee: trainee ?? LoginName.current(environment: environment), started: UTCTime.iso8601(Date()))))
            } catch {
                throw ErrorReport.fail("\(error)")
            }
        }

        let session = PracticeSession(
            engine: engine, seed: seed, startBeat: from, reader: reader, echoInput: !interactive, style: style,
            mode: mode, transcript: writer)
        let end: SessionEnd
        do {
            end = try session.run()
        } catch {
            throw ErrorReport.fail("\(error)")
        }
        let card = session.scorecard
        if mode == .assess { session.say(session.assessmentReview()) }
        if !session.endScorecardShown { session.say("\n" + ScorecardTable.render(card, style: style)) }
        try? writer?.append(
            .end(TranscriptEnd(reason: end.reason, ended: UTCTime.iso8601(Date()), recorded: TranscriptEnd.RecordedTotals(card))))
        if let writer { session.say(style.dim("Transcript saved to \(writer.path)")) }
        if case .interrupted(let signal) = end { throw ExitCode(128 + signal) }
    }

    /// The scenario named on the command line, or one picked from a numbered list (Enter takes the first).
    private func choosePath(library: ScenarioLibrary, reader: LineReader, interactive: Bool) throws -> String {
        if let scenario {
            switch library.resolve(scenario) {
            case .success(let path): return DisplayPath.relative(path)
            case .failure(let error):
                throw ValidationError("\(error). Run `coachdrill list` to see the scenarios, or give a path to a .yaml file.")
            }
        }
        let rows = ScenarioCatalogue.ordered(library.list().entries)
        guard let first = rows.first else { throw ValidationError(ScenarioCatalogue.noScenariosMessage(library)) }
        guard interactive else { return DisplayPath.relative(first.path) }
        StandardOutput.write("Choose a scenario (Enter takes 1):\n")
        StandardOutput.write(ScenarioCatalogue.menu(rows))
        while true {
            switch reader.readLine(prompt: "scenario> ") {
            case .line(let answer):
                let choice = answer.trimmingCharacters(in: .whitespaces)
                if choice.isEmpty { return DisplayPath.relative(first.path) }
                if let number = Int(choice), (1...rows.count).contains(number) {
                    return DisplayPath.relative(rows[number - 1].path)
                }
                if let match = rows.first(where: { $0.id == choice }) { return DisplayPath.relative(match.path) }
                StandardOutput.write("Type a number from 1 to \(rows.count), a scenario id, or press Enter for 1.")
            case .interrupted:
                continue
            case .endOfInput:
                throw ExitCode(0)
            case .terminated(let signal):
                throw ExitCode(128 + signal)
            }
        }
    }
}

/// `play --mode`: practice or assess (a drill is `coachdrill drill`).
extension SessionMode: ExpressibleByArgument {
    public init?(argument: String) {
        guard let mode = SessionMode(rawValue: argument), mode != .drill else { return nil }
        self = mode
    }

    // The same strings ArgumentParser's CaseIterable & RawRepresentable defaults produce, without their
    // generic `String(describing:)` round trips: each costs runtime protocol-conformance look-ups on the
    // way to the first prompt (about 2 M instructions in all).
    public static var allValueStrings: [String] { [SessionMode.practice.rawValue, SessionMode.assess.rawValue] }
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { rawValue }
}
