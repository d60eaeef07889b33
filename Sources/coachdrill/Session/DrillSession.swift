import CoachDrillCore
import Foundation
import LineEditor
import ScenarioFormat

/// Runs a drill pack item by item under assessment rules: no feedback, hints or undo until the end. Each
/// prompt shows the item's countdown; going over is recorded, never enforced.
final class DrillSession {
    static let commands = [":help", ":skip", ":quit"]
    /// `play`'s commands that a drill knows only to refuse: feedback and scores wait for the end.
    static let refusedCommands = [":hint", ":undo", ":score", ":restart"]

    private let pack: DrillPack
    private let reader: LineReader
    private let echoInput: Bool
    private let style: Style
    private let transcript: TranscriptWriter?
    private let clock: () -> TimeInterval
    private let assessor = Assessor()
    /// Answers so far over the whole drill: the transcript numbers turns across items.
    private var answers = AnswerLog<Assessment>()
    private(set) var outcomes: [DrillItemOutcome] = []

    init(
        pack: DrillPack, reader: LineReader, echoInput: Bool, style: Style, transcript: TranscriptWriter?,
        clock: @escaping () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.pack = pack
        self.reader = reader
        self.echoInput = echoInput
        self.style = style
        self.transcript = transcript
        self.clock = clock
    }

    var result: DrillResult { DrillResult(pack: pack, outcomes: outcomes) }

    /// Plays every item in order; returns how the drill ended. Transcript write failures end it loudly.
    func run() throws -> SessionEnd {
        say(header())
        for (index, item) in pack.items.enumerated() {
            say("\n" + style.bold("Item \(index + 1) of \(pack.items.count)") + style.dim(" · " + itemCaption(item)))
            let ending: ItemEnding
            switch item.kind {
            case .scenario(let task): ending = try playScenario(task, item: item, index: index)
            case .quickFire(let task): ending = try playQuickFire(task, item: item, index: index)
            case .rewrite(let task): ending = try playRewrite(task, item: item, index: index)
            }
            outcomes.append(ending.outcome)
            try transcript?.append(.item(Self.itemEvent(item, outcome: ending.outcome)))
            if let end = ending.drillEnd { return end }
        }
        return .completed
    }

    /// How an item ended, and whether the drill ends with it.
    private struct ItemEnding {
        var outcome: DrillItemOutcome
        var drillEnd: SessionEnd?
    }

    // MARK: - Items

    private func playQuickFire(_ task: QuickFireTask, item: DrillItem, index: Int) throws -> ItemEnding {
        if let setup = task.setup { say(style.dim(TerminalText.sanitize(setup))) }
        say("Answer once, partnering on \(task.target.id) \(task.target.shortName).")
        let started = clock()
        try showClient(task.client, beat: item.id, index: index)
        return try answerOnce(item: item, index: index, target: task.target, started: started) {
            DrillGrading.context(target: task.target, clientLine: task.client, exemplar: task.exemplar)
        }
    }

    private func playRewrite(_ task: RewriteTask, item: DrillItem, index: Int) throws -> ItemEnding {
        if let setup = task.setup { say(style.dim(TerminalText.sanitize(setup))) }
        let started = clock()
        if let client = task.client { try showClient(client, beat: item.id, index: index) }
        say("A coach said: \"\(TerminalText.sanitize(task.coach))\"")
        say("Say it again as partnering, still serving \(task.target.id) \(task.target.shortName).")
        return try answerOnce(item: item, index: index, target: task.target, started: started) {
            DrillGrading.context(target: task.target, clientLine: task.client, exemplar: task.exemplar)
        }
    }

    /// One answer, judged against the item's target marker.
    private func answerOnce(
        item: DrillItem, index: Int, target: Marker, started: TimeInterval, context: () -> AssessmentContext
    ) throws -> ItemEnding {
        switch read(item: item, started: started) {
        case .skip:
            return ItemEnding(outcome: unfinished(index, [], started: started), drillEnd: nil)
        case .end(let end):
            return ItemEnding(outcome: unfinished(index, [], started: started), drillEnd: end)
        case .answer(let line, let seconds):
            let assessment = assessor.assess(line, context: context())
            let passed = DrillGrading.passes(assessment, target: target)
            let turn = answers.record(assessment)
            // A quick-fire or rewrite answer has no story to move on, so no `next`; the beat is the item's id.
            try transcript?.append(
                .coach(
                    TranscriptTurn(
                        turn: turn, beat: item.id, next: nil, branch: nil, responseSeconds: seconds, assessment: assessment,
                        item: index, target: target, passed: passed)))
            say(style.dim("Answer recorded."))
            let outcome = DrillItemOutcome(
                index: index, answers: [assessment], elapsedSeconds: clock() - started, passed: passed)
            return ItemEnding(outcome: outcome, drillEnd: nil)
        }
    }

    private func playScenario(_ task: ScenarioTask, item: DrillItem, index: Int) throws -> ItemEnding {
        let scenario = task.scenario
        var engine: Engine
        do {
            engine = try Engine(scenario: scenario, seed: pack.seed)
        } catch {
            // The loader checked the start beat; a scenario that cannot start is reported and counts as missed.
            say("This scenario cannot start (\(error)); moving on.")
            return ItemEnding(
                outcome: DrillItemOutcome(index: index, answers: [], elapsedSeconds: 0, passed: false), drillEnd: nil)
        }
        say(scenarioHeader(scenario))
        let started = clock()
        var itemAnswers: [Assessment] = []
        try showClient(engine.clientLine, beat: engine.beatID, index: index, speaker: scenario.persona.name)
        while !engine.isFinished {
            switch read(item: item, started: started) {
            case .skip:
                return ItemEnding(outcome: unfinished(index, itemAnswers, started: started), drillEnd: nil)
            case .end(let end):
                return ItemEnding(outcome: unfinished(index, itemAnswers, started: started), drillEnd: end)
            case .answer(let line, let seconds):
                let step = engine.respond(to: line, assessor: assessor)
                itemAnswers.append(step.assessment)
                let turn = self.answers.record(step.assessment)
                try transcript?.append(
                    .coach(
                        TranscriptTurn(
                            turn: turn, beat: step.fromBeat, next: step.toBeat, branch: step.branchIndex, responseSeconds: seconds,
                            assessment: step.assessment, item: index)))
                for reply in step.clientLines {
                    try showClient(reply, beat: engine.beatID, index: index, speaker: scenario.persona.name)
                }
            }
        }
        let passed = DrillGrading.passes(task, answers: itemAnswers, endedOn: engine.beatID)
        let outcome = DrillItemOutcome(
            index: index, answers: itemAnswers, endBeat: engine.beatID, elapsedSeconds: clock() - started, passed: passed)
        return ItemEnding(outcome: outcome, drillEnd: nil)
    }

    private func unfinished(_ index: Int, _ answers: [Assessment], started: TimeInterval) -> DrillItemOutcome {
        DrillItemOutcome(
            index: index, answers: answers, elapsedSeconds: clock() - started, passed: false, unfinished: true)
    }

    // MARK: - Reading

    private enum Read {
        case answer(String, seconds: Double)
        case skip
        case end(SessionEnd)
    }

    /// The next answer, handling `:` commands and blank lines on the way.
    private func read(item: DrillItem, started: TimeInterval) -> Read {
        while true {
            let shownAt = clock()
            let prompt = Countdown.prompt(limit: item.timeLimitSeconds, elapsed: shownAt - started, style: style)
            switch reader.readLine(prompt: prompt) {
            case .endOfInput:
                if !echoInput { say("") }
                return .end(.endOfInput)
            case .interrupted:
                continue
            case .terminated(let signal):
                say("")
                return .end(.interrupted(signal: signal))
            case .line(let raw):
                var line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                let tooLong = line.utf8.count > PracticeSession.maxAnswerBytes
                if tooLong { line = PracticeSession.truncated(line) }
                if line.isEmpty { continue }
                if echoInput { say(prompt + TerminalText.sanitize(line)) }
                if tooLong {
                    say(
                        style.dim(
                            "(That answer was longer than \(PracticeSession.maxAnswerBytes) bytes; "
                                + "only its start is used.)"
                        ))
                }
                // A command's bare name would otherwise be recorded as the item's answer (a quick-fire
                // item takes only one).
                if let command = PracticeSession.commandMissingItsColon(
                    line, commands: Self.commands + Self.refusedCommands)
                {
                    say(style.dim(PracticeSession.missingColonNote(command)))
                    continue
                }
                guard line.hasPrefix(":") else { return .answer(line, seconds: clock() - shownAt) }
                switch command(line) {
                case .skip: return .skip
                case .quit: return .end(.quit)
                case .handled: continue
                }
            }
        }
    }

    private enum CommandOutcome { case handled, skip, quit }

    private func command(_ line: String) -> CommandOutcome {
        let word = line.split(separator: " ").first.map(String.init) ?? line
        let matches = Self.commands.filter { $0.hasPrefix(word) }
        switch matches.count == 1 ? matches[0] : word {
        case ":skip": return .skip
        case ":quit": return .quit
        case ":help": say(helpText())
        case let refused where Self.refusedCommands.contains(refused):
            say("Not during a drill: feedback and your scores come at the end, as in an assessment.")
        default:
            say("Unknown command \(TerminalText.sanitize(word)). Commands: \(Self.commands.joined(separator: " "))")
        }
        return .handled
    }

    // MARK: - Output

    private func showClient(_ text: String, beat: String, index: Int, speaker: String = "Client") throws {
        try transcript?.append(.client(TranscriptClientLine(beat: beat, text: text, item: index)))
        say("\n" + style.cyan(style.bold(TerminalText.sanitize(speaker))) + ": " + TerminalText.sanitize(text) + "\n")
    }

    private func header() -> String {
        var out = style.bold("CoachDrill drill · \(TerminalText.sanitize(pack.title))") + "\n"
        if !pack.summary.isEmpty { out += TerminalText.sanitize(pack.summary) + "\n" }
        let items = pack.items.count
        out += "\(items) item\(items == 1 ? "" : "s"), about \(Countdown.minutes(pack.plannedSeconds)). "
        out += "Each prompt shows the time left for its item; going over is recorded, never cut off.\n"
        out += style.dim("Feedback comes at the end, as in an assessment. :skip moves on, :quit ends the drill.")
        return out
    }

    private func itemCaption(_ item: DrillItem) -> String {
        let kind: String
        switch item.kind {
        case .scenario(let task): kind = "scenario: " + TerminalText.sanitize(task.scenario.title)
        case .quickFire(let task): kind = "quick-fire: \(task.target.id) \(task.target.shortName)"
        case .rewrite(let task): kind = "rewrite: \(task.target.id) \(task.target.shortName)"
        }
        return kind + " · " + Countdown.clock(item.timeLimitSeconds)
    }

    private func scenarioHeader(_ scenario: Scenario) -> String {
        let persona = scenario.persona
        var out = TerminalText.sanitize(persona.name)
        if !persona.role.isEmpty { out += " — " + TerminalText.sanitize(persona.role) }
        if !persona.sessionGoal.isEmpty { out += "\nSession goal: " + TerminalText.sanitize(persona.sessionGoal) }
        if !scenario.summary.isEmpty { out += "\n" + TerminalText.sanitize(scenario.summary) }
        return out + "\n" + style.dim("Coach until the session ends; :skip moves on.")
    }

    private func helpText() -> String {
        """
        Answer as the coach in your own words; press Enter to give the answer. Feedback comes at the end.
          :skip   move on to the next item (this one counts as not passed)
          :quit   end the drill now and see your result (Ctrl-D does too)
        The prompt shows the time left for this item. Going over is fine: it is recorded, not enforced.
        """
    }

    func say(_ text: String) {
        StandardOutput.say(text)
    }
}

extension DrillSession {
    /// How an item ended, as its transcript event.
    static func itemEvent(_ item: DrillItem, outcome: DrillItemOutcome) -> TranscriptItem {
        let kind: TranscriptItem.Kind =
            switch item.kind {
            case .scenario: .scenario
            case .quickFire: .quickFire
            case .rewrite: .rewrite
            }
        return TranscriptItem(
            item: outcome.index, kind: kind, id: item.id, timeLimitSeconds: Double(item.timeLimitSeconds),
            elapsedSeconds: outcome.elapsedSeconds, overtime: outcome.overtime(limit: item.timeLimitSeconds), passed: outcome.passed)
    }
}
