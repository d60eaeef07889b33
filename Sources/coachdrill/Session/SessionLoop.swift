import CoachDrillCore
import Foundation
import LineEditor
import TerminalOutput

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

/// The `:` commands of every mode, with where each works. A command is available, refused with a reason
/// (and still offered, as assessment mode offers practice's commands to say why not), or refused without
/// being offered (a drill knows `play`'s feedback commands only to refuse them); elsewhere it is unknown.
enum SessionCommands {
    enum Availability: Equatable {
        case available
        case refused(String, offered: Bool)
    }

    static let drillRefusal = "Not during a drill: feedback and your scores come at the end, as in an assessment."

    /// In the order `:help` and completion list them.
    static let table: [(name: String, modes: [SessionMode: Availability])] = [
        (":help", [.practice: .available, .assess: .available, .drill: .available]),
        (":hint", [.practice: .available, .assess: .refused("No hints in assessment mode.", offered: true), .drill: .refused(drillRefusal, offered: false)]),
        (":markers", [.practice: .available, .assess: .available]),
        (
            ":score",
            [
                .practice: .available, .assess: .refused("The scorecard comes at the end in assessment mode.", offered: true),
                .drill: .refused(drillRefusal, offered: false),
            ]
        ),
        (":undo", [.practice: .available, .assess: .refused("No undo in assessment mode.", offered: true), .drill: .refused(drillRefusal, offered: false)]),
        (
            ":restart",
            [.practice: .available, .assess: .refused("No restart in assessment mode.", offered: true), .drill: .refused(drillRefusal, offered: false)]
        ),
        (":transcript", [.practice: .available, .assess: .available]),
        (":skip", [.drill: .available]),
        (":quit", [.practice: .available, .assess: .available, .drill: .available]),
    ]

    /// The commands a mode offers (help, completion, "Commands: ..."); practice and assessment offer the same.
    static func offered(in mode: SessionMode) -> [String] {
        table.compactMap { entry in
            switch entry.modes[mode] {
            case .available?, .refused(_, offered: true)?: entry.name
            default: nil
            }
        }
    }

    /// Every command a mode knows, offered or not: a bare name typed without its colon is one of these.
    static func known(in mode: SessionMode) -> [String] {
        table.compactMap { $0.modes[mode] == nil ? nil : $0.name }
    }

    static func availability(of name: String, in mode: SessionMode) -> Availability? {
        table.first { $0.name == name }?.modes[mode]
    }
}

/// What a policy's command did: the loop goes on reading, ends the session, or (drills) moves on.
enum CommandOutcome { case handled, skip, quit }

/// What practice (`play`) and drill tell the one session loop.
protocol SessionPolicy: AnyObject {
    var mode: SessionMode { get }
    /// The prompt for the next line (a drill's shows its item's clock).
    func prompt() -> String
    /// The prompt changes while the coach types (a drill's countdown), so a terminal redraws it.
    var promptIsLive: Bool { get }
    /// Runs a command available in this mode.
    func perform(_ command: String) throws -> CommandOutcome
}

extension SessionPolicy {
    var promptIsLive: Bool { false }
}

/// The one session loop: reads the coach's lines (with the input limit), runs the command table for the
/// mode, shows the client, steps the engine and records every event. Practice and drill are policies on it.
final class SessionLoop {
    /// What reading gave: an answer to judge, a skip (drills), or the end of the session.
    enum Read {
        case answer(String, seconds: Double)
        case skip
        case end(SessionEnd)
    }

    /// A coach answer is a few sentences; anything this long is pasted by mistake, and is cut.
    static let maxAnswerBytes = 4096

    let reader: LineReader
    let echoInput: Bool
    let style: Style
    let transcript: TranscriptWriter?
    let clock: () -> TimeInterval
    /// The answers that count over the whole session: turn numbers and the scorecard.
    private(set) var answers = AnswerLog<PlayedAnswer>()
    /// The last thing said was a client's line, which ends with a blank line: a reply and the next beat's
    /// opening read as one speaker going on, one blank line apart, not two.
    private var lastSaidWasClient = false

    init(
        reader: LineReader, echoInput: Bool, style: Style, transcript: TranscriptWriter?,
        clock: @escaping () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.reader = reader
        self.echoInput = echoInput
        self.style = style
        self.transcript = transcript
        self.clock = clock
    }

    // MARK: Reading

    /// The next answer, handling `:` commands, blank lines and over-long input on the way.
    func read(_ policy: SessionPolicy) throws -> Read {
        let mode = policy.mode
        while true {
            let prompt = policy.prompt()
            let shownAt = clock()
            let read =
                policy.promptIsLive
                ? reader.readLine(livePrompt: LivePrompt { [unowned policy] in policy.prompt() })
                : reader.readLine(prompt: prompt)
            lastSaidWasClient = false
            switch read {
            case .endOfInput:
                // A drill's countdown prompt is left open on a terminal; what follows starts on a new line.
                if mode == .drill, !echoInput { say("") }
                return .end(.endOfInput)
            case .interrupted:
                continue
            case .terminated(let signal):
                if mode == .drill { say("") }
                return .end(.interrupted(signal: signal))
            case .line(let raw):
                var line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                let tooLong = line.utf8.count > Self.maxAnswerBytes
                if tooLong { line = Self.truncated(line) }
                if line.isEmpty { continue }
                // No recall of answers in a drill: on a shared workshop machine the next participant would see them.
                if mode != .drill { reader.addHistory(line) }
                if echoInput { say(prompt + TerminalText.sanitize(line)) }
                if tooLong { say(style.dim("(That answer was longer than \(Self.maxAnswerBytes) bytes; only its start is used.)")) }
                if line.hasPrefix(":") {
                    switch try command(line, policy) {
                    case .handled: continue
                    case .skip: return .skip
                    case .quit: return .end(.quit)
                    }
                }
                // A command's bare name would otherwise be judged as an answer and use up a turn (a quick-fire
                // item takes only one).
                if let command = Self.commandMissingItsColon(line, commands: SessionCommands.known(in: mode)) {
                    reply(style.dim(Self.missingColonNote(command)), mode: mode)
                    continue
                }
                return .answer(line, seconds: clock() - shownAt)
            }
        }
    }

    private func command(_ line: String, _ policy: SessionPolicy) throws -> CommandOutcome {
        let mode = policy.mode
        let word = line.split(separator: " ").first.map(String.init) ?? line
        let offered = SessionCommands.offered(in: mode)
        let matches = offered.filter { $0.hasPrefix(word) }
        let name = matches.count == 1 ? matches[0] : word
        switch SessionCommands.availability(of: name, in: mode) {
        case .available?:
            return try policy.perform(name)
        case .refused(let reason, _)?:
            reply(reason, mode: mode)
        case nil:
            reply("Unknown command \(TerminalText.sanitize(word)). Commands: \(offered.joined(separator: " "))", mode: mode)
        }
        return .handled
    }

    /// The command `line` names when it is exactly a command's name typed without its colon ("hint",
    /// "Quit"): no coach would answer a client with that one word.
    static func commandMissingItsColon(_ line: String, commands: [String]) -> String? {
        commands.first { $0.dropFirst().caseInsensitiveCompare(line) == .orderedSame }
    }

    static func missingColonNote(_ command: String) -> String {
        "(Did you mean \(command)? Commands start with a colon.)"
    }

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

    // MARK: The client, the engine and the record

    /// Records what the client says and shows it.
    func showClient(_ text: String, beat: String, item: Int? = nil, speaker: String) throws {
        try transcript?.append(.client(TranscriptClientLine(beat: beat, text: text, item: item)))
        let gap = lastSaidWasClient ? "" : "\n"
        say(gap + style.cyan(style.bold(TerminalText.sanitize(speaker))) + ": " + TerminalText.sanitize(text) + "\n")
        lastSaidWasClient = true
    }

    /// Records and shows the announcement of an ending the coach did not choose: narration, not the
    /// client's words, so it is set apart from them.
    func showAnnouncement(_ text: String, beat: String, item: Int? = nil) throws {
        try transcript?.append(.client(TranscriptClientLine(beat: beat, text: text, item: item, isAnnouncement: true)))
        say(style.dim("(" + TerminalText.sanitize(text) + ")") + "\n")
    }

    /// Judges an answer in the story, moves the engine on and records the answer.
    func step(_ engine: inout Engine, answer line: String, seconds: Double, assessor: Assessor, item: Int? = nil) throws -> Turn {
        let before = engine
        let turn = engine.respond(to: line, assessor: assessor)
        let number = answers.record(PlayedAnswer(engine: before, assessment: turn.assessment))
        try transcript?.append(
            .coach(
                TranscriptTurn(
                    turn: number, beat: turn.fromBeat, next: turn.toBeat, branch: turn.branchIndex, responseSeconds: seconds,
                    assessment: turn.assessment, item: item)))
        return turn
    }

    /// Records a drill item's one answer, judged against its target (no story to move on, so no `next`; the
    /// beat is the item's id).
    func record(_ assessment: Assessment, seconds: Double, item: DrillItem, index: Int, target: Marker, passed: Bool) throws {
        let number = answers.record(PlayedAnswer(engine: nil, assessment: assessment))
        try transcript?.append(
            .coach(
                TranscriptTurn(
                    turn: number, beat: item.id, next: nil, branch: nil, responseSeconds: seconds, assessment: assessment,
                    item: index, target: target, passed: passed)))
    }

    /// Takes back the last answer (`:undo`) and records that; nil when there is none.
    func undo() throws -> PlayedAnswer? {
        guard let last = answers.withdrawLast() else { return nil }
        try transcript?.append(.undo(turn: answers.nextTurn))
        return last
    }

    /// Starts the count again (`:restart`): the transcript shows it as turn numbers starting again.
    func restart() {
        answers.withdraw(from: 0)
    }

    // MARK: Output

    func say(_ text: String) {
        StandardOutput.say(text)
        lastSaidWasClient = false
    }

    /// A command's answer. In `play`, one blank line follows before the next prompt, as after the client's
    /// lines, whether the answer ends in a newline (the scorecard) or not (a hint); a drill's prompt carries
    /// its clock and follows straight on.
    func reply(_ text: String, mode: SessionMode) {
        guard mode != .drill else { return say(text) }
        var answer = text
        while answer.hasSuffix("\n") { answer.removeLast() }
        say(answer + "\n")
    }
}

/// An answer that counts, with the engine from before it (what `:undo` goes back to; none for a drill's
/// quick-fire and rewrite items, which have no story).
struct PlayedAnswer: JudgedAnswer {
    var engine: Engine?
    var assessment: Assessment
}
