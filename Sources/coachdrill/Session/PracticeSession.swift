import ScenarioFormat
import CoachDrillCore
import Foundation
import LineEditor

/// How a session ended, as recorded in the transcript's end event.
enum SessionEnd: Equatable {
    case completed, quit, endOfInput
    case interrupted(signal: Int32)

    /// What the transcript's end event records.
    var reason: TranscriptEnd.Reason {
        switch self {
        case .completed: .completed
        case .quit: .quit
        case .endOfInput: .eof
        case .interrupted: .interrupted
        }
    }
}

/// The REPL: shows the client's lines, reads the coach's, prints feedback, runs `:` commands.
final class PracticeSession {
    static let commands = [":help", ":hint", ":markers", ":score", ":undo", ":restart", ":transcript", ":quit"]

    private let reader: LineReader
    private let echoInput: Bool
    private let style: Style
    private let mode: SessionMode
    private let transcript: TranscriptWriter?
    /// Made at the first answer; `run()` compiles its catalogue in the background while the trainee reads.
    private lazy var assessor = Assessor()
    private let seed: UInt64
    private let startBeat: String?
    private var engine: Engine
    /// The answers that count (turn numbers and the scorecard), each with the engine from before it, for `:undo`.
    private var history = AnswerLog<PlayedAnswer>()
    private var promptShownAt = Date()

    init(
        engine: Engine, seed: UInt64, startBeat: String?, reader: LineReader, echoInput: Bool, style: Style,
        mode: SessionMode, transcript: TranscriptWriter?
    ) {
        self.engine = engine
        self.seed = seed
        self.startBeat = startBeat
        self.reader = reader
        self.echoInput = echoInput
        self.style = style
        self.mode = mode
        self.transcript = transcript
    }

    private var scenario: Scenario { engine.scenario }
    private var clientName: String { TerminalText.sanitize(scenario.persona.name) }
    var scorecard: Scorecard { history.scorecard }

    /// Runs to the end and returns how it ended. Transcript write failures end the session loudly.
    func run() throws -> SessionEnd {
        say(header())
        try showClient(engine.clientLine)
        // The cue catalogue compiles while the trainee reads the client's first line, not before it shows.
        DispatchQueue.global(qos: .userInitiated).async { Assessor.prepare() }
        if engine.isFinished { return .completed }
        while true {
            promptShownAt = Date()
            switch reader.readLine(prompt: prompt()) {
            case .endOfInput:
                return .endOfInput
            case .interrupted:
                continue
            case .terminated(let signal):
                return .interrupted(signal: signal)
            case .line(let raw):
                var line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                let tooLong = line.utf8.count > Self.maxAnswerBytes
                if tooLong { line = Self.truncated(line) }
                if line.isEmpty { continue }
                reader.addHistory(line)
                if echoInput { say(prompt() + TerminalText.sanitize(line)) }
                if tooLong {
                    say(style.dim("(That answer was longer than \(Self.maxAnswerBytes) bytes; only its start is used.)"))
                }
                if line.hasPrefix(":") {
                    if try runCommand(line) == .quit { return .quit }
                    continue
                }
                if let command = Self.commandMissingItsColon(line, commands: Self.commands) {
                    reply(style.dim(Self.missingColonNote(command)))
                    continue
                }
                if try answer(line) { return .completed }
            }
        }
    }

    /// The command `line` names when it is exactly a command's name typed without its colon ("hint",
    /// "Quit"): no coach would answer a client with that one word, and judging it would use up a turn.
    static func commandMissingItsColon(_ line: String, commands: [String]) -> String? {
        commands.first { $0.dropFirst().caseInsensitiveCompare(line) == .orderedSame }
    }

    static func missingColonNote(_ command: String) -> String {
        "(Did you mean \(command)? Commands start with a colon.)"
    }

    /// A coach answer is a few sentences; anything this long is pasted by mistake, and is cut.
    static let maxAnswerBytes = 4096

    /// The longest prefix of `line` that fits in `maxAnswerBytes`, cut on a character boundary.
    static func truncated(_ line: String) -> String {
        var count = 0
        var end = line.startIndex
        for index in line.indices {
            let width = line[index].utf8.count
            if count + width > maxAnswerBytes { break }
            count += width
            end = line.index(after: index)
        }
        return String(line[..<end])
    }

    // MARK: Turns

    /// Plays one coach answer; true when the session reached its end.
    private func answer(_ line: String) throws -> Bool {
        let seconds = Date().timeIntervalSince(promptShownAt)
        let before = engine
        let turn = engine.respond(to: line, assessor: assessor)
        let number = history.record(PlayedAnswer(engine: before, assessment: turn.assessment))
        try transcript?.append(
            .coach(
                TranscriptTurn(
                    turn: number, beat: turn.fromBeat, next: turn.toBeat, branch: turn.branchIndex,
                    responseSeconds: seconds, assessment: turn.assessment)))
        if mode == .practice {
            say(FeedbackLine.render(turn.assessment, clientName: clientName, style: style))
        }
        for reply in turn.clientLines { try showClient(reply) }
        return turn.ended
    }

    private func showClient(_ text: String) throws {
        try transcript?.append(.client(TranscriptClientLine(beat: engine.beatID, text: text)))
        say("\n" + style.cyan(style.bold(clientName)) + ": " + TerminalText.sanitize(text) + "\n")
    }

    // MARK: Commands

    private enum CommandOutcome { case handled, quit }

    private func runCommand(_ line: String) throws -> CommandOutcome {
        let word = line.split(separator: " ").first.map(String.init) ?? line
        let matches = Self.commands.filter { $0.hasPrefix(word) }
        guard let command = matches.count == 1 ? matches.first : (Self.commands.contains(word) ? word : nil) else {
            reply("Unknown command \(TerminalText.sanitize(word)). Commands: \(Self.commands.joined(separator: " "))")
            return .handled
        }
        switch command {
        case ":help":
            reply(helpText())
        case ":hint":
            reply(mode == .assess ? "No hints in assessment mode." : hintText())
        case ":markers":
            reply(MarkerCatalogueText.render(style: style))
        case ":score":
            reply(mode == .assess ? "The scorecard comes at the end in assessment mode." : ScorecardTable.render(scorecard, style: style))
        case ":undo":
            guard mode == .practice else {
                reply("No undo in assessment mode.")
                break
            }
            guard let last = history.withdrawLast() else {
                reply("Nothing to undo yet.")
                break
            }
            engine = last.engine
            try transcript?.append(.undo(turn: history.nextTurn))
            say("Undone. \(clientName) is waiting for your answer to:")
            try showClient(engine.clientLine)
        case ":restart":
            // Starting again would let an assessed answer be taken back, as :undo would.
            guard mode == .practice else {
                reply("No restart in assessment mode.")
                break
            }
            do {
                engine = try Engine(scenario: scenario, seed: seed, from: startBeat)
            } catch {
                reply("Cannot restart: \(error)")
                break
            }
            history.withdraw(from: 0)
            say("Starting again from the top.")
            try showClient(engine.clientLine)
        case ":transcript":
            reply(transcript.map { "Transcript: \($0.path)" } ?? "No transcript is being written.")
        default:
            return .quit
        }
        return .handled
    }

    /// One source line per paragraph (a trailing `\` joins the lines): `say` wraps to the terminal's width,
    /// so a hard break in a sentence would leave a ragged line on any terminal wider than the source.
    private func helpText() -> String {
        if mode == .assess {
            return """
                Answer as the coach in your own words. This is an assessment: the feedback and your scorecard \
                come at the end, and there are no hints, undo or restart.
                  :markers     the nine markers of competency 8
                  :transcript  where this session is being saved
                  :quit        end the session (Ctrl-D does too)
                Tab completes commands; Up and Down recall earlier answers; Ctrl-C clears the line.
                """
        }
        return """
        Answer as the coach in your own words. After each answer you'll see which PCC marker (8.1-8.9) it \
        served and whether you partnered or advised.
          :hint        a nudge for this moment
          :markers     the nine markers of competency 8
          :score       your scorecard so far
          :undo        take back your last answer
          :restart     start the scenario again
          :transcript  where this session is being saved
          :quit        end the session (Ctrl-D does too)
        Tab completes commands; Up and Down recall earlier answers; Ctrl-C clears the line.
        """
    }

    private func hintText() -> String {
        guard let beat = engine.beat else { return "No hint here." }
        var out = ""
        if let hint = beat.hint { out += TerminalText.sanitize(hint) }
        if !beat.expects.isEmpty {
            let markers = beat.expects.map { "\($0.id) \($0.shortName)" }.joined(separator: ", ")
            out += (out.isEmpty ? "" : "\n") + "This moment is a chance for \(markers)."
        }
        return out.isEmpty ? "Ask something that hands the thinking to \(clientName)." : out
    }

    /// Assessment mode withholds feedback until the end; this is all of it, turn by turn.
    func assessmentReview() -> String {
        guard history.turns > 0 else { return "" }
        var out = "\n" + style.bold("Feedback, turn by turn") + "\n"
        for (index, entry) in history.answers.enumerated() {
            out += "\n\(index + 1). \"\(TerminalText.sanitize(entry.assessment.text))\"\n   "
            out += FeedbackLine.render(entry.assessment, clientName: clientName, style: style)
                .replacingOccurrences(of: "\n", with: "\n   ") + "\n"
        }
        return out
    }

    // MARK: Output

    private func header() -> String {
        var out = style.bold("CoachDrill · \(TerminalText.sanitize(scenario.title))") + "\n"
        let persona = scenario.persona
        out += TerminalText.sanitize(persona.name)
        if !persona.role.isEmpty { out += " — " + TerminalText.sanitize(persona.role) }
        out += "\n"
        if !persona.sessionGoal.isEmpty { out += "Session goal: " + TerminalText.sanitize(persona.sessionGoal) + "\n" }
        if !scenario.summary.isEmpty { out += TerminalText.sanitize(scenario.summary) + "\n" }
        out += style.dim(
            mode == .assess
                ? "Assessment mode: feedback comes at the end. Ctrl-D or :quit ends the session."
                : "Answer as the coach. :help lists commands; Ctrl-D ends the session.")
        return out
    }

    private func prompt() -> String {
        style.enabled ? style.bold("coach> ") : "coach> "
    }

    func say(_ text: String) {
        StandardOutput.say(text)
    }

    /// A command's answer, then one blank line before the next prompt, as after the client's lines: the
    /// prompt stands apart from what was just said, whether the answer ends in a newline (the scorecard)
    /// or not (a hint).
    private func reply(_ text: String) {
        var answer = text
        while answer.hasSuffix("\n") { answer.removeLast() }
        say(answer + "\n")
    }
}

/// An answer of a practice session, with the engine as it was before it (what `:undo` goes back to).
struct PlayedAnswer: JudgedAnswer {
    var engine: Engine
    var assessment: Assessment
}
