/// What a matched cue counts for.
enum CueRole: Sendable, Equatable {
    /// The words point at a marker's topic (progress, learning, next steps...).
    case topic(Marker)
    /// The coach tells the client what to do: modal obligation, "I suggest", "if I were you".
    case directive
    /// A suggestion dressed as a question: "have you considered", "don't you think", "why not".
    case leading
    /// The client is made accountable to the coach: "email me", "I'll check in on you".
    case coachAccountability
    /// The coach ends the session: "we're out of time, so let's stop there".
    case coachClosing
    /// Praise that grades: "good job", "I'm proud of you".
    case evaluativePraise
    /// Telling the client how to feel: "you should be proud", "give yourself a pat on the back".
    case feelingsDirective
    /// An invitation to respond to what the coach offered: "what do you make of that", "tell me if it doesn't fit".
    case invitationToRespond
    /// Asking leave before offering: "may I share an observation".
    case permission
    /// The choice is handed to the client: "would you like to", "it's your call".
    case choice
    /// Invites the client to talk: "tell me", "say more", "I'm curious".
    case openInvitation
    /// Names the client's own specific effort or shift: "you stayed with it", "that took courage".
    case acknowledgement
    /// Mirrors without inviting or directing: "it sounds like", "so you're saying".
    case reflection
    /// Pushes to action before learning: "let's get practical", "enough talk".
    case rushing
    /// Pushes a bigger plan than the client chose: "why only one", "go bigger".
    case overambitious
    /// Mid-session exploring or contracting, not closing: "what do you mean by", "help me understand",
    /// "where would you like to start". Topic words in the same clause count for little.
    case exploration

    var isDirecting: Bool {
        switch self {
        case .directive, .leading, .coachAccountability, .coachClosing, .evaluativePraise, .feelingsDirective,
            .rushing, .overambitious:
            true
        default:
            false
        }
    }

    var isInviting: Bool {
        switch self {
        case .invitationToRespond, .permission, .choice, .openInvitation, .acknowledgement: true
        default: false
        }
    }
}

/// One entry of the cue catalogue (Resources/cues.yaml): a pattern, what it counts for, and a name for
/// `explain`. How much it counts is learned (`LearnedModel`), never set here.
struct Cue: Sendable {
    /// The cue's slug in cues.yaml.
    let id: String
    /// Alternative phrases; the cue fires on any of them.
    let patterns: [PhrasePattern]
    let role: CueRole
    let name: String

    /// A catalogue cue, as the generated CueCatalogue+Generated.swift declares it.
    init(id: String, _ source: String, _ role: CueRole, _ name: String) {
        self.init(source, role, name, id: id)
    }

    /// `source` is one phrase pattern or several separated by ", " (e.g. "let me know, keep me posted").
    init(_ source: String, _ role: CueRole, _ name: String, id: String = "") {
        self.id = id
        let bytes = Array(source.utf8)
        self.patterns = bytes.split(separator: UInt8(ascii: ",")).map { phrase in
            let trimmed = phrase.drop { $0 == UInt8(ascii: " ") }
            return PhrasePattern(source: String(decoding: trimmed, as: UTF8.self), bytes: trimmed)
        }
        self.role = role
        self.name = name
    }
}

/// A cue as a match refers to it: its number in `CueIndex.shared` and the two facts the readings ask of
/// every match. Plain values only, on purpose: a line's matches are copied, filtered and collected many
/// times, and a copy of `Cue` (its patterns and name are on the heap) cost two reference counts.
struct CueReference: Sendable {
    let number: Int32
    let role: CueRole

    /// The cue's name, for evidence and `explain`.
    var name: String { CueIndex.shared.name(of: self) }
}
