/// Whether the coach invited the client's own thinking or supplied it.
public enum Stance: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// Invited the client's own thinking, choice or design (including an idea offered with an invitation
    /// to respond or disagree).
    case partner
    /// Supplied the content, the decision, the accountability, the feelings or the ending.
    case advise
    /// Neither invited nor directed: a bare reflection, an acknowledgement, a logistics remark.
    case neutral

    public var description: String { rawValue }

    /// The past-tense verb used in feedback: "partnered", "advised".
    public var pastTense: String {
        switch self {
        case .partner: "partnered"
        case .advise: "advised"
        case .neutral: "neutral"
        }
    }
}
