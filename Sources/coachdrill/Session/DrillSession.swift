import CoachDrillCore
import Foundation
import LineEditor
import ScenarioFormat

/// `drill`: the drill policy on the session loop. Runs a pack item by item under assessment rules: no
/// feedback, hints or undo until the end. The prompt counts the item's time down while the participant
/// types and says when it is up; going over is recorded, never enforced.
final class DrillSession: SessionPolicy {
    let mode = SessionMode.drill
    /// The countdown counts while the participant types.
    let promptIsLive = true
    private let pack: DrillPack
    private let loop: SessionLoop
    private var style: Style { loop.style }
    private let assessor = Assessor()
    private(set) var outcomes: [DrillItemOutcome] = []
    /// The item being answered and when it started, for the prompt's countdown.
    private var current: (item: DrillItem, started: TimeInterval)?

    init(
        pack: DrillPack, reader: LineReader, echoInput: Bool, style: Style, transcript: TranscriptWriter?,
        clock: @escaping () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.pack = pack
        loop = SessionLoop(reader: reader, echoInput: echoInput, style: style, transcript: transcript, clock: clock)
    }

    private func clock() -> TimeInterval {
        loop.clock()
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
            try loop.transcript?.append(.item(Self.itemEvent(item, outcome: ending.outcome)))
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
        switch try read(item: item, started: started) {
        case .skip:
            return ItemEnding(outcome: unfinished(index, [], started: started), drillEnd: nil)
        case .end(let end):
            return ItemEnding(outcome: unfinished(index, [], started: started), drillEnd: end)
        case .answer(let line, let seconds):
            let assessment = assessor.assess(line, context: context())
            let passed = DrillGrading.passes(assessment, target: target)
            try loop.record(assessment, seconds: seconds, item: item, index: index, target: target, passed: passed)
            let elapsed = clock() - started
            say(style.dim(Self.recordedNote(elapsed: elapsed, limit: item.timeLimitSeconds)))
            let outcome = DrillItemOutcome(
                index: index, answers: [assessment], elapsedSeconds: elapsed, passed: passed)
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
            switch try read(item: item, started: started) {
            case .skip:
                return ItemEnding(outcome: unfinished(index, itemAnswers, started: started), drillEnd: nil)
            case .end(let end):
                return ItemEnding(outcome: unfinished(index, itemAnswers, started: started), drillEnd: end)
            case .answer(let line, let seconds):
                let step = try loop.step(&engine, answer: line, seconds: seconds, assessor: assessor, item: index)
                itemAnswers.append(step.assessment)
                for reply in step.clientLines {
                    try showClient(reply, beat: engine.beatID, index: index, speaker: scenario.persona.name)
                }
                if let announcement = step.announcement { try loop.showAnnouncement(announcement, beat: engine.beatID, item: index) }
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

    /// The next answer to `item`, which started at `started`.
    private func read(item: DrillItem, started: TimeInterval) throws -> SessionLoop.Read {
        current = (item, started)
        return try loop.read(self)
    }

    func prompt() -> String {
        guard let current else { return "coach> " }
        return Countdown.prompt(limit: current.item.timeLimitSeconds, elapsed: clock() - current.started, style: style)
    }

    /// A drill's own commands; the loop refuses play's feedback commands before they get here.
    func perform(_ command: String) throws -> CommandOutcome {
        switch command {
        case ":skip": return .skip
        case ":quit": return .quit
        default:
            say(helpText())
            return .handled
        }
    }

    // MARK: - Output

    private func showClient(_ text: String, beat: String, index: Int, speaker: String = "Client") throws {
        try loop.showClient(text, beat: beat, item: index, speaker: speaker)
    }

    private func header() -> String {
        var out = style.bold("CoachDrill drill · \(TerminalText.sanitize(pack.title))") + "\n"
        if !pack.summary.isEmpty { out += TerminalText.sanitize(pack.summary) + "\n" }
        let items = pack.items.count
        out += "\(items) item\(items == 1 ? "" : "s"), about \(Countdown.minutes(pack.plannedSeconds)). "
        out += "The prompt counts each item's time down; going over is recorded, never cut off.\n"
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
        The prompt counts down this item's time and says when it is up. Going over is fine: it is recorded,
        not enforced.
        """
    }

    func say(_ text: String) {
        loop.say(text)
    }
}

extension DrillSession {
    /// What the participant sees after an answer: nothing about the verdict, and the time only when it ran
    /// out (the prompt said so; this says by how much).
    static func recordedNote(elapsed: TimeInterval, limit: Int) -> String {
        let over = elapsed - Double(limit)
        guard over >= 1 else { return "Answer recorded." }
        return "Answer recorded, \(Countdown.clock(Int(over.rounded(.down)))) after the time was up."
    }

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
