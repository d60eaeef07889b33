/// Plays a transcript's coach lines again, against today's scenario and assessor, and lists every turn
/// whose verdict (marker, stance, traps) or path (the beat it led to) is not what was recorded.
///
/// This is how an instructor checks that a scenario edit or an engine update did not change what
/// trainees were scored on. The engine starts where the session started (its first client line's beat)
/// with the recorded seed, so unchanged inputs give the recorded session exactly.
public enum TranscriptReplay {
    public static func run(
        _ transcript: Transcript, scenario: Scenario, assessor: Assessor = Assessor()
    ) throws(ReplayError) -> ReplayResult {
        let header = transcript.header
        guard header.mode != .drill else { throw .drill(pack: header.pack ?? header.scenario) }
        guard scenario.id == header.scenario else { throw .otherScenario(recorded: header.scenario, given: scenario.id) }
        var engine: Engine
        do {
            engine = try Engine(scenario: scenario, seed: header.seed, from: transcript.startBeat)
        } catch {
            throw .startBeatGone(transcript.startBeat ?? scenario.start, available: scenario.beats.map(\.id))
        }

        var differences: [TurnDifference] = []
        var endedAt: (beat: String, turn: Int)?
        for recorded in transcript.turns {
            if let endedAt {
                differences.append(
                    TurnDifference(
                        turn: recorded.turn, text: recorded.assessment.text, line: recorded.line, beatThen: recorded.beat,
                        beatNow: nil, changes: [.notReached(endedAt: endedAt.beat, afterTurn: endedAt.turn)]))
                continue
            }
            let beatNow = engine.beatID
            let now = engine.respond(to: recorded.assessment.text, assessor: assessor)
            let then = recorded.assessment
            var changes: [ReplayChange] = []
            if now.assessment.marker != then.marker { changes.append(.marker(then: then.marker, now: now.assessment.marker)) }
            if now.assessment.stance != then.stance { changes.append(.stance(then: then.stance, now: now.assessment.stance)) }
            // Trap order carries no meaning; a different order of the same traps is not a change.
            if Set(now.assessment.traps) != Set(then.traps) { changes.append(.traps(then: then.traps, now: now.assessment.traps)) }
            if now.toBeat != recorded.next { changes.append(.next(then: recorded.next, now: now.toBeat)) }
            if !changes.isEmpty {
                differences.append(
                    TurnDifference(
                        turn: recorded.turn, text: then.text, line: recorded.line, beatThen: recorded.beat, beatNow: beatNow,
                        changes: changes))
            }
            if engine.isFinished { endedAt = (engine.beatID, recorded.turn) }
        }
        return ReplayResult(turns: transcript.turns.count, differences: differences)
    }
}

public struct ReplayResult: Sendable, Equatable {
    /// How many recorded turns were replayed.
    public var turns: Int
    /// The turns that came out differently, in order.
    public var differences: [TurnDifference]

    public var isIdentical: Bool { differences.isEmpty }
}

/// One turn that came out differently today.
public struct TurnDifference: Sendable, Equatable {
    public var turn: Int
    /// The coach's line.
    public var text: String
    /// Where the turn is in the transcript file.
    public var line: Int
    /// The beat the line answered then, and now (nil when today's session never gets there).
    public var beatThen: String
    public var beatNow: String?
    public var changes: [ReplayChange]
}

public enum ReplayChange: Sendable, Equatable {
    case marker(then: Marker?, now: Marker?)
    case stance(then: Stance, now: Stance)
    case traps(then: [Trap], now: [Trap])
    /// The beat the answer led to.
    case next(then: String?, now: String)
    /// Today the session reaches an end beat sooner, so this answer is never asked for.
    case notReached(endedAt: String, afterTurn: Int)
}

public enum ReplayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Drill transcripts hold quick-fire and rewrite items with no story to replay.
    case drill(pack: String)
    /// The scenario given is not the one the transcript was recorded on.
    case otherScenario(recorded: String, given: String)
    /// The beat the session started at no longer exists.
    case startBeatGone(String, available: [String])

    public var description: String {
        switch self {
        case .drill(let pack):
            "this is a drill transcript (pack '\(pack)'); replay works on play transcripts"
        case .otherScenario(let recorded, let given):
            "the transcript was recorded on scenario '\(recorded)', not '\(given)'"
        case .startBeatGone(let beat, let available):
            "the session started at beat '\(beat)', which the scenario no longer has (beats: \(available.joined(separator: ", ")))"
        }
    }
}
