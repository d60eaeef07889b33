/// The roles a cue can have, as `cues.yaml` spells them, and the Swift each stands for.
///
/// The list is fixed by the engine (`CueRole` in CoachDrillCore): a role the engine does not read would
/// silently count for nothing, so the reader refuses it and names the roles there are.
public enum CueRoleName: Equatable, Sendable {
    /// The words point at a marker's topic; the marker is "8.1" to "8.9".
    case topic(marker: String)
    /// Every other role, by its YAML name (`directive`, `open-invitation`...).
    case named(String)

    /// YAML name and Swift case of every role but `topic`.
    static let swiftCases: [(name: String, swift: String)] = [
        ("directive", "directive"), ("leading", "leading"), ("coach-accountability", "coachAccountability"),
        ("coach-closing", "coachClosing"), ("evaluative-praise", "evaluativePraise"),
        ("feelings-directive", "feelingsDirective"), ("invitation-to-respond", "invitationToRespond"),
        ("permission", "permission"), ("choice", "choice"), ("open-invitation", "openInvitation"),
        ("acknowledgement", "acknowledgement"), ("reflection", "reflection"), ("rushing", "rushing"),
        ("overambitious", "overambitious"), ("exploration", "exploration"),
    ]

    /// Marker ids and their `Marker` cases.
    static let markerCases: [(id: String, swift: String)] = [
        ("8.1", "progress"), ("8.2", "learningSelf"), ("8.3", "learningSituation"), ("8.4", "application"),
        ("8.5", "design"), ("8.6", "resources"), ("8.7", "accountability"), ("8.8", "celebration"),
        ("8.9", "closing"),
    ]

    /// Every name the `role` field accepts.
    public static var names: [String] { ["topic"] + swiftCases.map(\.name) }

    /// The Swift expression of the role, e.g. `.topic(.progress)` or `.openInvitation`.
    var swiftExpression: String {
        switch self {
        case .topic(let marker):
            let swift = Self.markerCases.first { $0.id == marker }?.swift ?? marker
            return ".topic(.\(swift))"
        case .named(let name):
            return "." + (Self.swiftCases.first { $0.name == name }?.swift ?? name)
        }
    }
}
