import ScenarioFormat
import CoachDrillCore
import Foundation
import LineEditor

/// `play`: the practice and assessment policy on the session loop. Shows the scenario, judges each answer
/// in the story, gives feedback after it (practice) or at the end (assessment), and runs play's commands.
final class PracticeSession: SessionPolicy {
    let mode: SessionMode
    private let loop: SessionLoop
    private var style: Style { loop.style }
    /// Made at the first answer; `run()` compiles its catalogue in the background while the trainee reads.
    private lazy var assessor = Assessor()
    private let seed: UInt64
    private let startBeat: String?
    private var engine: Engine

    init(
        engine: Engine, seed: UInt64, startBeat: String?, reader: LineReader, echoInput: Bool, style: Style,
        mode: SessionMode, transcript: TranscriptWriter?
    ) {
        self.engine = engine
        self.seed = seed
        self.startBeat = startBeat
        self.mode = mode
        loop = SessionLoop(reader: reader, echoInput: echoInput, style: style, transcript: transcript)
    }

    private var scenario: Scenario { engine.scenario }
    private var clientName: String { TerminalText.sanitize(scenario.persona.name) }
    var scorecard: Scorecard { loop.answers.scorecard }

    /// Runs to the end and returns how it ended. Transcript write failures end the session loudly.
    func run() throws -> SessionEnd {
        say(header())
        try showClient(engine.clientLine)
        // The cue catalogue compiles and the model's weights load (about 0.2 s of one core) while
        // the trainee reads the client's first line, not before it shows nor after their first answer.
        DispatchQueue.global(qos: .userInitiated).async { Assessor.prepare() }
        if engine.isFinished { return .completed }
        while true {
            switch try loop.read(self) {
            case .end(let end):
                // Leaving after the story's end (Ctrl-D, :quit) completes the session; an interruption stays one.
                if engine.isFinished, end == .quit || end == .endOfInput { return .completed }
                return end
            case .skip:
                continue
            case .answer(let line, let seconds):
                if engine.isFinished {
                    reply(style.dim(Self.endedReminder))
                    continue
                }
                let turn = try loop.step(&engine, answer: line, seconds: seconds, assessor: assessor)
                endScorecardShown = false
                if mode == .practice {
                    say(FeedbackLine.render(turn.assessment, clientName: clientName, style: style))
                }
                for reply in turn.clientLines { try showClient(reply) }
                if let announcement = turn.announcement { try loop.showAnnouncement(announcement, beat: engine.beatID) }
                guard turn.ended else { continue }
                // Assessment mode ends at once; practice stays open so the last answer can still be undone.
                if mode != .practice { return .completed }
                say("\n" + ScorecardTable.render(scorecard, style: style))
                say(style.dim(Self.endedNote))
                endScorecardShown = true
            }
        }
    }

    /// The scorecard was shown when the story ended and nothing has changed since: `play` need not show it again.
    private(set) var endScorecardShown = false

    static let endedNote = "The session has ended. :undo takes back your last answer; :quit (or Ctrl-D) leaves."
    static let endedReminder = "The session has ended, so that line was not judged. :undo takes back your last answer; :quit (or Ctrl-D) leaves."

    private func showClient(_ text: String) throws {
        try loop.showClient(text, beat: engine.beatID, speaker: scenario.persona.name)
    }

    // MARK: Commands

    /// Play's commands; the loop has already refused those this mode does not allow.
    func perform(_ command: String) throws -> CommandOutcome {
        switch command {
        case ":help":
            reply(helpText())
        case ":hint":
            reply(hintText())
        case ":markers":
            reply(MarkerCatalogueText.render(style: style))
        case ":score":
            reply(ScorecardTable.render(scorecard, style: style))
        case ":undo":
            guard let last = try loop.undo() else {
                reply("Nothing to undo yet.")
                break
            }
            if let before = last.engine { engine = before }
            endScorecardShown = false
            say("Undone. \(clientName) is waiting for your answer to:")
            try showClient(engine.clientLine)
        case ":restart":
            // Assessment mode refuses it (the table): starting again would let an assessed answer be taken back.
            do {
                engine = try Engine(scenario: scenario, seed: seed, from: startBeat)
            } catch {
                reply("Cannot restart: \(error)")
                break
            }
            loop.restart()
            endScorecardShown = false
            say("Starting again from the top.")
            try showClient(engine.clientLine)
        case ":transcript":
            reply(loop.transcript.map { "Transcript: \($0.path)" } ?? "No transcript is being written.")
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
        if engine.isFinished { return Self.endedNote }
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
        guard loop.answers.turns > 0 else { return "" }
        var out = "\n" + style.bold("Feedback, turn by turn") + "\n"
        for (index, entry) in loop.answers.answers.enumerated() {
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

    func prompt() -> String {
        style.enabled ? style.bold("coach> ") : "coach> "
    }

    func say(_ text: String) {
        loop.say(text)
    }

    private func reply(_ text: String) {
        loop.reply(text, mode: mode)
    }
}
