/// A named pitfall the assessor can spot in a coach line.
public enum Trap: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case adviceGiving = "advice-giving"
    case leadingQuestion = "leading-question"
    case coachOwnedAccountability = "coach-owned-accountability"
    case rushingToAction = "rushing-to-action"
    case overambitiousPlan = "overambitious-plan"
    case prematureCelebration = "premature-celebration"
    case evaluativePraise = "evaluative-praise"
    case coachClosedSession = "coach-closed-session"
    case stackedQuestions = "stacked-questions"
    case closedQuestion = "closed-question"

    public var description: String { rawValue }

    /// One sentence on why the trap matters, shown in feedback and `explain`.
    public var explanation: String {
        switch self {
        case .adviceGiving: "The coach supplied the answer, so the client has nothing of their own to own."
        case .leadingQuestion: "A suggestion dressed as a question: the answer the coach wants is built in."
        case .coachOwnedAccountability: "The client is made accountable to the coach, not to themselves."
        case .rushingToAction: "Actions were designed before the client had named what they learned."
        case .overambitiousPlan: "The coach pushed for a bigger or faster plan than the client chose."
        case .prematureCelebration: "Celebrated before the client had named any progress of their own."
        case .evaluativePraise: "Praise that grades the client (\"good job\") instead of naming their effort or shift."
        case .coachClosedSession: "The coach ended the session on their own say-so."
        case .stackedQuestions: "Several questions at once: the client has to pick which one to answer."
        case .closedQuestion: "A yes/no question where an open one would invite more of the client's thinking."
        }
    }

    /// Traps that scenario personas can tempt the coach into (`traps:` in a scenario). These are the seed
    /// pitfalls plus the assessor's traps; kept as one vocabulary so a scenario can name either.
    public init?(id: String) {
        self.init(rawValue: id)
    }
}
