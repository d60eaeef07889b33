import CoachDrillCore

/// Checks that a beat's replies answer what a coach is likely to say (`thin-replies`): advice of at least
/// three kinds, and a partnering line on every marker the beat does not expect. A warning, run once a file
/// has no errors.
struct ThinRepliesCheck {
    var scenario: Scenario
    var sourceMap: ScenarioSourceMap
    var path: String
    /// Advice kinds a beat's replies must answer, at least.
    static let adviceKindsNeeded = 3

    func run() -> [Diagnostic] {
        scenario.beats.filter { !$0.end }.flatMap { thinReplies($0) }
    }

    /// What a beat answers: the advice kinds with their own replies, and the markers a partnering line can
    /// be answered on (a marker key in a branch a partnering line can take, or a branch that tests the
    /// marker for partnering).
    static func answered(by beat: Beat) -> (adviceKinds: Set<AdviceKind>, partnerMarkers: Set<Marker>) {
        var kinds: Set<AdviceKind> = []
        var markers: Set<Marker> = []
        for branch in beat.branches {
            let condition = branch.condition
            let partnerCanTake = condition.map { $0.stances.isEmpty || $0.stances.contains(.partner) } ?? true
            for entry in branch.client.entries {
                switch entry.key {
                case .advice(let kind): kinds.insert(kind)
                case .marker(let marker) where partnerCanTake: markers.insert(marker)
                default: break
                }
            }
            if let condition, !branch.client.isEmpty {
                kinds.formUnion(condition.advice)
            }
            if let condition, partnerCanTake, condition.advice.isEmpty {
                markers.formUnion(condition.markers)
            }
        }
        return (kinds, markers)
    }

    func thinReplies(_ beat: Beat) -> [Diagnostic] {
        let (kinds, markers) = Self.answered(by: beat)
        var missing: [String] = []
        if kinds.count < Self.adviceKindsNeeded {
            let absent = AdviceKind.allCases.filter { !kinds.contains($0) }.map(\.rawValue)
            missing.append(
                "replies for \(Self.adviceKindsNeeded) advice kinds (it has \(kinds.count); "
                    + "not yet: \(absent.joined(separator: ", ")))")
        }
        let unanswered = Marker.allCases.filter { !beat.expects.contains($0) && !markers.contains($0) }
        if !unanswered.isEmpty {
            missing.append("a partnering reply for \(unanswered.map { "\"\($0.id)\"" }.joined(separator: ", "))")
        }
        guard !missing.isEmpty else { return [] }
        let places = sourceMap.beats[beat.id]
        return [
            Diagnostic(
                .thinReplies, "beat '\(beat.id)' lacks \(missing.joined(separator: " and "))",
                at: places?.key ?? .file(path), length: places?.keyLength ?? 1,
                help: "give a branch's `client:` a mapping with advice-kind keys (action, support, accountability, "
                    + "verdict, ending) and marker keys (\"8.2\": ...) that answer a partnering line on a marker "
                    + "the beat does not expect, briefly and in character")
        ]
    }
}
