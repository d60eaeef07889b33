import ScenarioFormat
import CoachDrillCore

/// The line printed after each answer:
/// `✓ 8.7 accountability · partnered: "how would you like to hold yourself accountable"` or
/// `✗ 8.5 next steps · advised: "you should" tells Dana what to do. Try: "What would you like to try?"`
enum FeedbackLine {
    static func render(_ assessment: Assessment, clientName: String, style: Style) -> String {
        let marker = assessment.marker.map { "\($0.id) \($0.shortName)" } ?? "no marker"
        let quoted = assessment.stanceEvidence.prefix(2).map { "\"\(TerminalText.sanitize($0.text))\"" }
            .joined(separator: ", ")
        var out: String
        switch assessment.stance {
        case .partner:
            out = style.green("✓ \(marker) · partnered")
            out += quoted.isEmpty ? "" : ": \(quoted)"
        case .advise:
            out = style.red("✗ \(marker) · advised")
            let what = quoted.isEmpty ? "these words" : quoted
            out += ": \(what) \(directingVerb(assessment)) \(clientName)"
            out += directingObject(assessment) + "."
        case .neutral:
            out = style.yellow("· \(marker) · neutral")
            out += ": a reflection; it neither invites nor directs."
        }
        if assessment.stance != .partner, let suggestion = assessment.suggestion {
            out += " Try: \"\(TerminalText.sanitize(suggestion))\""
        }
        for trap in assessment.traps {
            out += "\n  " + style.dim("trap \(trap.rawValue): \(trap.explanation)")
        }
        return out
    }

    private static func directingVerb(_ assessment: Assessment) -> String {
        if assessment.traps.contains(.coachOwnedAccountability) { return "makes" }
        if assessment.traps.contains(.coachClosedSession) { return "closes the session for" }
        if assessment.traps.contains(.evaluativePraise) { return "grades" }
        if assessment.traps.contains(.leadingQuestion) { return "steers" }
        return "tells"
    }

    private static func directingObject(_ assessment: Assessment) -> String {
        if assessment.traps.contains(.coachOwnedAccountability) { return " accountable to you, not to themselves" }
        if assessment.traps.contains(.coachClosedSession) || assessment.traps.contains(.evaluativePraise) { return "" }
        if assessment.traps.contains(.leadingQuestion) { return " toward your answer" }
        return " what to do or think"
    }
}
