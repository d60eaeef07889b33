/// One of the nine ICF PCC markers of competency 8, *Facilitates Client Growth*.
///
/// The one-line statements are quoted from the ICF PCC Markers (International Coaching Federation);
/// the short names and the summaries are CoachDrill's own.
public enum Marker: String, CaseIterable, Sendable, Codable, Comparable, CustomStringConvertible {
    case progress = "8.1"
    case learningSelf = "8.2"
    case learningSituation = "8.3"
    case application = "8.4"
    case design = "8.5"
    case resources = "8.6"
    case accountability = "8.7"
    case celebration = "8.8"
    case closing = "8.9"

    /// Parses "8.1" to "8.9"; anything else is nil.
    public init?(id: String) {
        self.init(rawValue: id)
    }

    public var id: String { rawValue }
    public var description: String { rawValue }

    /// A two-word name used in feedback lines: "8.7 accountability".
    public var shortName: String {
        switch self {
        case .progress: "progress"
        case .learningSelf: "learning about self"
        case .learningSituation: "learning about situation"
        case .application: "using the learning"
        case .design: "next steps"
        case .resources: "support and barriers"
        case .accountability: "accountability"
        case .celebration: "celebration"
        case .closing: "closing"
        }
    }

    /// The official one-line marker statement, quoted with credit to the ICF.
    public var icfStatement: String {
        switch self {
        case .progress:
            "Coach invites or allows the client to explore progress toward what the client wanted to accomplish in this session."
        case .learningSelf:
            "Coach invites the client to state or explore the client's learning in this session about themself (the who)."
        case .learningSituation:
            "Coach invites the client to state or explore the client's learning in this session about their situation (the what)."
        case .application:
            "Coach invites the client to consider how they will use new learning from this coaching session."
        case .design:
            "Coach partners with the client to design post-session thinking, reflection or action."
        case .resources:
            "Coach partners with the client to consider how to move forward, including resources, support or potential barriers."
        case .accountability:
            "Coach partners with the client to design the best methods of accountability for themself."
        case .celebration:
            "Coach celebrates the client's progress and learning."
        case .closing:
            "Coach partners with the client on how they want to complete this session."
        }
    }

    /// What partnering on this marker looks like, in the team's words (shown by `:markers`).
    public var partneringLooksLike: String {
        switch self {
        case .progress: "Ask where the client is now against what they wanted from today; let them judge it."
        case .learningSelf: "Invite them to name what they discovered about themselves: patterns, values, strengths."
        case .learningSituation: "Invite them to name what now looks different about the situation itself."
        case .application: "Ask how they will carry the new learning into their life or work."
        case .design: "Let them design what happens after the session: actions, experiments, reflection."
        case .resources: "Explore with them what will help and what might get in the way."
        case .accountability: "Ask how they want to hold themselves to it; the structure is theirs, not the coach's."
        case .celebration: "Name their specific effort or shift, or ask what they want to acknowledge in themselves."
        case .closing: "Ask how they want to end the session; don't end it for them."
        }
    }

    /// A partnering line for this marker, used when a beat offers no exemplar of its own.
    public var defaultExemplar: String {
        switch self {
        case .progress: "Where are you now with what you wanted from today?"
        case .learningSelf: "What have you discovered about yourself in this conversation?"
        case .learningSituation: "What looks different to you about the situation now?"
        case .application: "How will you use what you've realised this week?"
        case .design: "What would you like to do with this before we next meet?"
        case .resources: "Who or what could help you with this?"
        case .accountability: "How would you like to hold yourself accountable for that?"
        case .celebration: "You named something today you'd been avoiding for months. What would you like to acknowledge yourself for?"
        case .closing: "How would you like to close our session today?"
        }
    }

    public static func < (lhs: Marker, rhs: Marker) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    /// 0 for 8.1 through 8.8 for 8.9: a constant, because sorting lines and tallying reports use it per item.
    var ordinal: Int {
        switch self {
        case .progress: 0
        case .learningSelf: 1
        case .learningSituation: 2
        case .application: 3
        case .design: 4
        case .resources: 5
        case .accountability: 6
        case .celebration: 7
        case .closing: 8
        }
    }
}
