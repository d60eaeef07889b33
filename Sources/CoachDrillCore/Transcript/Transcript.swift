/// One recorded session (play or drill), as read back from its JSON Lines transcript.
///
/// Undo is already applied: `turns` holds the answers that counted. Schema: docs/transcript.md.
public struct Transcript: Sendable, Equatable {
    public var header: TranscriptHeader
    /// The coach's answers that count, in order (withdrawn ones removed).
    public var turns: [TranscriptTurn]
    /// Everything the client said, in order (including lines before withdrawn answers).
    public var clientLines: [TranscriptClientLine]
    /// Drill items as they ended (empty outside drills).
    public var items: [TranscriptItem]
    /// nil when the session was killed before it could write its end event.
    public var end: TranscriptEnd?
    /// Things worth saying about the file that did not stop it being read.
    public var notes: [TranscriptNote]

    public init(
        header: TranscriptHeader, turns: [TranscriptTurn] = [], clientLines: [TranscriptClientLine] = [],
        items: [TranscriptItem] = [], end: TranscriptEnd? = nil, notes: [TranscriptNote] = []
    ) {
        self.header = header
        self.turns = turns
        self.clientLines = clientLines
        self.items = items
        self.end = end
        self.notes = notes
    }

    /// A killed session: no end event.
    public var isPartial: Bool { end == nil }

    /// The beat the session started at: where the client spoke first (`play --from` moves it).
    public var startBeat: String? { clientLines.first?.beat }

    /// Recomputed from the turns, so a partial transcript has one too and every number is reproducible.
    public var scorecard: Scorecard { AnswerLog(turns).scorecard }
}


/// The first event: what was played, with which seed, by whom and when.
///
/// Written with the encoding Swift derives from `CodingKeys` (absent drill fields are left out, `line` is not
/// written); read by the checked decoding in TranscriptEvent.swift.
public struct TranscriptHeader: Sendable, Equatable, Encodable {
    enum CodingKeys: String, CodingKey {
        case version, scenario, seed, mode, trainee, started, pack, run
        case scenarioHash = "scenario_hash"
        case packHash = "pack_hash"
        case participantKey = "participant_key"
    }

    public var version: Int
    /// The scenario id; for a drill, the pack id.
    public var scenario: String
    /// Content hash of the scenario (or pack) file at the time, e.g. "fnv1a64:…".
    public var scenarioHash: String
    public var seed: UInt64
    public var mode: SessionMode
    public var trainee: String
    /// ISO 8601 time as recorded (kept as text: reports sort and print it, never compute with it).
    public var started: String
    /// Drills only.
    public var pack: String?
    public var packHash: String?
    public var run: String?
    /// A drill served over SSH (`coachdrill serve`): the fingerprint of the participant's SSH key
    /// (`SHA256:…`), so a reconnect is known to be the same person.
    public var participantKey: String?
    /// 1-based line of the header in the file.
    public var line: Int

    public init(
        version: Int = 1, scenario: String, scenarioHash: String = "", seed: UInt64 = 1, mode: SessionMode = .practice,
        trainee: String, started: String, pack: String? = nil, packHash: String? = nil, run: String? = nil, participantKey: String? = nil,
        line: Int = 1
    ) {
        self.version = version
        self.scenario = scenario
        self.scenarioHash = scenarioHash
        self.seed = seed
        self.mode = mode
        self.trainee = trainee
        self.started = started
        self.pack = pack
        self.packHash = packHash
        self.run = run
        self.participantKey = participantKey
        self.line = line
    }
}

/// Encoded as Swift derives it from `CodingKeys`, like the header.
public struct TranscriptClientLine: Sendable, Equatable, Encodable {
    enum CodingKeys: String, CodingKey { case beat, text, item, announcement }

    public var beat: String
    public var text: String
    public var item: Int?
    /// Not the client's words but the announcement of an ending the coach did not choose
    /// ("Niamh glances at the clock."); written only when true.
    public var isAnnouncement: Bool
    /// 1-based line in the file.
    public var line: Int

    public init(beat: String, text: String, item: Int? = nil, isAnnouncement: Bool = false, line: Int = 0) {
        self.beat = beat
        self.text = text
        self.item = item
        self.isAnnouncement = isAnnouncement
        self.line = line
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: CodingKeys.self)
        try fields.encode(beat, forKey: .beat)
        try fields.encode(text, forKey: .text)
        try fields.encodeIfPresent(item, forKey: .item)
        if isAnnouncement { try fields.encode(true, forKey: .announcement) }
    }
}

/// One coach answer with the verdict it got at the time.
public struct TranscriptTurn: Sendable, Equatable, JudgedAnswer {
    public var turn: Int
    public var beat: String
    /// The beat the answer led to; absent for drill items that are not scenarios.
    public var next: String?
    public var branch: Int?
    public var responseSeconds: Double?
    public var assessment: Assessment
    /// Drills: the item's 0-based index in the pack, its target marker and whether the answer passed.
    public var item: Int?
    public var target: Marker?
    public var passed: Bool?
    /// 1-based line in the file.
    public var line: Int

    public init(
        turn: Int, beat: String, next: String?, branch: Int?, responseSeconds: Double?, assessment: Assessment,
        item: Int? = nil, target: Marker? = nil, passed: Bool? = nil, line: Int = 0
    ) {
        self.turn = turn
        self.beat = beat
        self.next = next
        self.branch = branch
        self.responseSeconds = responseSeconds
        self.assessment = assessment
        self.item = item
        self.target = target
        self.passed = passed
        self.line = line
    }
}

/// A drill item as it ended.
public struct TranscriptItem: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case scenario
        case quickFire = "quick-fire"
        case rewrite
    }

    public var item: Int
    public var kind: Kind
    public var id: String
    public var timeLimitSeconds: Double?
    public var elapsedSeconds: Double?
    public var overtime: Bool
    public var passed: Bool
    public var line: Int

    public init(
        item: Int, kind: Kind, id: String, timeLimitSeconds: Double? = nil, elapsedSeconds: Double? = nil,
        overtime: Bool = false, passed: Bool, line: Int = 0
    ) {
        self.item = item
        self.kind = kind
        self.id = id
        self.timeLimitSeconds = timeLimitSeconds
        self.elapsedSeconds = elapsedSeconds
        self.overtime = overtime
        self.passed = passed
        self.line = line
    }
}

/// The last event of a session that ended normally (or was interrupted by a signal it could handle).
public struct TranscriptEnd: Sendable, Equatable {
    public enum Reason: String, Sendable, Equatable, CaseIterable {
        case completed, quit, eof, interrupted
    }

    /// A drill's overall result.
    public struct DrillResult: Sendable, Equatable, Encodable {
        enum CodingKeys: String, CodingKey {
            case passed, items
            case itemsPassed = "items_passed"
        }

        public var passed: Bool
        public var itemsPassed: Int
        public var items: Int

        public init(passed: Bool, itemsPassed: Int, items: Int) {
            self.passed = passed
            self.itemsPassed = itemsPassed
            self.items = items
        }
    }

    /// The scorecard as the session wrote it. Reports recompute it from the turns (`Transcript.scorecard`);
    /// the reader checks the turn count against the answers, and the rest is for anyone reading the file.
    public struct RecordedTotals: Sendable, Equatable {
        public var turns: Int
        public var partnered: Int
        public var advised: Int
        public var markers: [Scorecard.MarkerTally]
        /// How often each trap was fallen into (the file lists them in the order of `Trap.allCases`).
        public var traps: [Trap: Int]

        public init(turns: Int, partnered: Int, advised: Int, markers: [Scorecard.MarkerTally] = [], traps: [Trap: Int] = [:]) {
            self.turns = turns
            self.partnered = partnered
            self.advised = advised
            self.markers = markers
            self.traps = traps
        }

        /// What a session records of its scorecard.
        public init(_ card: Scorecard) {
            self.init(
                turns: card.turns, partnered: card.partneredTurns, advised: card.advisedTurns, markers: card.tallies,
                traps: Dictionary(card.traps.map { ($0.trap, $0.count) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    public var reason: Reason
    public var ended: String
    public var recorded: RecordedTotals?
    public var result: DrillResult?
    public var line: Int

    public init(reason: Reason, ended: String, recorded: RecordedTotals? = nil, result: DrillResult? = nil, line: Int = 0) {
        self.reason = reason
        self.ended = ended
        self.recorded = recorded
        self.result = result
        self.line = line
    }
}

/// Something about a transcript that did not stop it being read.
public struct TranscriptNote: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The last line stops mid-event (the process was killed while writing it); it is ignored.
        case cutOffLastLine
        /// Turn numbering started again: the trainee used `:restart`, and the earlier turns no longer count.
        case restarted(turn: Int)
        /// The end event's totals disagree with the turns; the turns win.
        case scorecardDisagrees(recorded: Int, counted: Int)
        /// A drill answer's or item's `passed` flag is not what its answers give; the answers win.
        case passedDisagrees(recorded: Bool, counted: Bool)
        /// The end event's drill result counts other items passed than the answers do (or fewer items than
        /// the transcript holds). The pack's rule is not recorded, so the run counts as not scored.
        case resultDisagrees(recordedPassed: Int, recordedItems: Int, counted: Int, items: Int)
    }

    public var line: Int
    public var kind: Kind

    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// Whether the note says the file disagrees with itself (worth a word to whoever reads a report),
    /// rather than describing how the session went.
    public var isDisagreement: Bool {
        switch kind {
        case .scorecardDisagrees, .passedDisagrees, .resultDisagrees: true
        case .cutOffLastLine, .restarted: false
        }
    }

    public var description: String {
        "line \(line): " + message
    }

    /// What the note says, without the line number (for "file:line: message").
    public var message: String {
        switch kind {
        case .cutOffLastLine:
            "the last line was cut off mid-write (the session was killed); it is ignored"
        case .restarted(let turn):
            "turn \(turn) again: the session was restarted, so the earlier answers no longer count"
        case .scorecardDisagrees(let recorded, let counted):
            "the end event records \(recorded) turns but \(counted) answers count; using the answers"
        case .passedDisagrees(let recorded, let counted):
            "recorded as \(recorded ? "passed" : "not passed"), but the answers give "
                + "\(counted ? "passed" : "not passed"); using the answers"
        case .resultDisagrees(let recordedPassed, let recordedItems, let counted, let items):
            "the end event's result says \(recordedPassed) of \(recordedItems) items passed, but the "
                + "answers give \(counted) of \(items); the run counts as not scored"
        }
    }
}
