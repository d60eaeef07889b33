/// What an advising line supplied, named by its primary marker: the replies a client gives to advice
/// depend on it ("Another thing for the list" after an action, "There's a six-week wait" after a resource).
public enum AdviceKind: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// Something to do, or how to use the learning (8.4, 8.5).
    case action
    /// A resource, a person, a way round an obstacle, self-care (8.6).
    case support
    /// A way of checking, reporting, reminding (8.7).
    case accountability
    /// The coach's judgement of the progress, the client or the situation, or praise that grades
    /// (8.1, 8.2, 8.3, 8.8).
    case verdict
    /// The end of the session (8.9).
    case ending

    public var description: String { rawValue }

    /// The kind of advice that serves `marker`.
    public init(servingMarker marker: Marker) {
        switch marker {
        case .application, .design: self = .action
        case .resources: self = .support
        case .accountability: self = .accountability
        case .progress, .learningSelf, .learningSituation, .celebration: self = .verdict
        case .closing: self = .ending
        }
    }

    /// The primary markers of advice of this kind.
    public var markers: [Marker] {
        Marker.allCases.filter { AdviceKind(servingMarker: $0) == self }
    }
}

extension Assessment {
    /// The kind of advice the line gave: nil when it did not advise, or advised on no marker.
    public var adviceKind: AdviceKind? {
        guard stance == .advise, let marker else { return nil }
        return AdviceKind(servingMarker: marker)
    }
}
