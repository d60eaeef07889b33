/// What `coachdrill report` shows: everything aggregated from a set of transcripts, in a fixed order so
/// the same transcripts always give the same report, whatever order the files were read in.
///
/// Every number is recomputed from the transcripts' coach events (the recorded end scorecards are not
/// trusted, and partial sessions have none).
public struct Report: Sendable, Equatable {
    /// The `--trainee` the report was restricted to.
    public var trainee: String?
    /// Every session read, by start time.
    public var sessions: [SessionSummary]
    /// All answers, everyone.
    public var totals: StanceCounts
    /// The nine markers, everyone.
    public var markers: [MarkerCounts]
    /// By name.
    public var trainees: [TraineeReport]
    /// Most frequent first.
    public var traps: [TrapCount]
    /// By id; each with its beats, where people advise most first.
    public var scenarios: [ScenarioReport]
    /// With a trainee: one point per session, oldest first. Without: one point per day for everyone.
    public var trend: [TrendPoint]
    /// The class report, when any transcript is a drill.
    public var classReport: ClassReport?

    public var partialSessions: Int { sessions.filter(\.partial).count }
}

/// One session, reduced to what the report and xAPI statements need.
public struct SessionSummary: Sendable, Equatable {
    public var trainee: String
    /// Scenario id, or pack id for a drill.
    public var scenario: String
    public var mode: SessionMode
    public var started: String
    /// Empty when the session has no end event.
    public var ended: String
    public var reason: TranscriptEnd.Reason?
    public var run: String?
    public var counts: StanceCounts
    /// Sum of the recorded response times.
    public var responseSeconds: Double
    public var result: TranscriptEnd.DrillResult?
    public var items: [TranscriptItem]

    public var partial: Bool { reason == nil }
}

public struct TraineeReport: Sendable, Equatable {
    public var name: String
    public var sessions: Int
    public var partialSessions: Int
    public var totals: StanceCounts
    public var markers: [MarkerCounts]
    public var traps: [TrapCount]
}

public struct ScenarioReport: Sendable, Equatable {
    public var id: String
    public var sessions: Int
    public var totals: StanceCounts
    /// Most advised first (then highest advise rate, then name).
    public var beats: [BeatReport]
}

public struct BeatReport: Sendable, Equatable {
    public var beat: String
    public var counts: StanceCounts
    /// The trap hit most often at this beat, if any.
    public var topTrap: Trap?
}

public struct TrendPoint: Sendable, Equatable {
    /// The session's start time (per session) or the day, YYYY-MM-DD (per day).
    public var label: String
    /// Per session: its scenario. Per day: nil.
    public var scenario: String?
    public var sessions: Int
    public var counts: StanceCounts
}
