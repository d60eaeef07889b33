/// A span of the coach's line that decided part of a verdict.
public struct Evidence: Sendable, Equatable, Codable {
    /// The exact words, as typed.
    public var text: String
    /// What the words count for, e.g. "open question about learning (8.2)" or "directive 'you should'".
    public var cue: String

    public init(text: String, cue: String) {
        self.text = text
        self.cue = cue
    }
}

/// How one coach line served one marker.
public struct MarkerHit: Sendable, Equatable, Codable {
    public var marker: Marker
    public var stance: Stance
    /// 0...1: how strongly the line's words point at this marker.
    public var score: Double
    public var evidence: [Evidence]

    public init(marker: Marker, stance: Stance, score: Double, evidence: [Evidence]) {
        self.marker = marker
        self.stance = stance
        self.score = score
        self.evidence = evidence
    }
}

/// What the coach's line was judged to be, with the words that decided it.
public struct Assessment: Sendable, Equatable, Codable {
    public var text: String
    /// The primary marker, or nil when the line serves none of 8.1 to 8.9.
    public var marker: Marker?
    public var stance: Stance
    /// Every marker the line touched, strongest first.
    public var hits: [MarkerHit]
    public var traps: [Trap]
    /// The cues that decided the stance (partnering cues when partnered, directing cues when advised).
    public var stanceEvidence: [Evidence]
    /// A partnering line to try instead: the beat's exemplar when the line served a marker the beat
    /// expects (or none), otherwise the judged marker's own example.
    public var suggestion: String?
    /// The marker the suggestion serves (`Try (8.6): ...`); nil for the generic suggestion.
    public var suggestionMarker: Marker?
    /// The line gives the client nothing to answer: no marker, neutral, and a single word or mostly words
    /// the engine does not know. The only kind of line a client may meet with confusion.
    public var unclear: Bool

    public init(
        text: String, marker: Marker?, stance: Stance, hits: [MarkerHit], traps: [Trap],
        stanceEvidence: [Evidence], suggestion: String?, suggestionMarker: Marker? = nil, unclear: Bool = false
    ) {
        self.text = text
        self.marker = marker
        self.stance = stance
        self.hits = hits
        self.traps = traps
        self.stanceEvidence = stanceEvidence
        self.suggestion = suggestion
        self.suggestionMarker = suggestionMarker
        self.unclear = unclear
    }
}

/// What the assessor knows besides the line itself.
public struct AssessmentContext: Sendable, Equatable {
    /// What the client said just before.
    public var clientLine: String
    /// The markers the current beat is looking for (a tie-breaker, never a verdict on its own).
    public var expects: [Marker]
    /// Markers already evidenced earlier in this session.
    public var evidenced: Set<Marker>
    /// 1-based turn number.
    public var turn: Int
    /// The beat's exemplar, preferred as the suggestion.
    public var exemplar: String?
    /// The exemplar is the suggestion whatever marker the line served, labelled with the first expected
    /// marker: a drill item asks for its target, so the line to try is the item's own. In a scenario the
    /// exemplar answers the moment only for the markers the beat expects.
    public var exemplarServesTheTask = false

    public init(
        clientLine: String = "", expects: [Marker] = [], evidenced: Set<Marker> = [], turn: Int = 1,
        exemplar: String? = nil
    ) {
        self.clientLine = clientLine
        self.expects = expects
        self.evidenced = evidenced
        self.turn = turn
        self.exemplar = exemplar
    }
}
