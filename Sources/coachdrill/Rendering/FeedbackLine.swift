import ScenarioFormat
import CoachDrillCore

/// The line printed after each answer:
/// `✓ 8.7 accountability · partnered: "how would you like to hold yourself accountable"` or
/// `✗ 8.5 next steps · advised: "you should" tells Dana what to do or think. Try (8.5): "What would you like to try?"`
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
            // One quote is a singular subject; two quotes, or "these words", a plural one.
            let singular = assessment.stanceEvidence.prefix(2).count == 1
            out += ": \(what) \(directingVerb(assessment, singular: singular)) \(clientName)"
            out += directingObject(assessment) + "."
        case .neutral:
            out = style.yellow("· \(marker) · neutral")
            out += ": a reflection; it neither invites nor directs."
        }
        if assessment.stance != .partner, let suggestion = assessment.suggestion {
            out += " " + tryLabel(assessment) + ": \"\(TerminalText.sanitize(suggestion))\""
        }
        for trap in assessment.traps {
            out += "\n  " + style.dim("trap \(trap.rawValue): \(trap.explanation)")
        }
        return out
    }

    /// "Try (8.6)": the marker the suggestion serves, so a suggestion on another marker than the verdict's
    /// says so; "Try" alone for the generic suggestion.
    static func tryLabel(_ assessment: Assessment) -> String {
        assessment.suggestionMarker.map { "Try (\($0.id))" } ?? "Try"
    }

    private static func directingVerb(_ assessment: Assessment, singular: Bool) -> String {
        let verb: String
        if assessment.traps.contains(.coachOwnedAccountability) {
            verb = "make"
        } else if assessment.traps.contains(.coachClosedSession) {
            return singular ? "closes the session for" : "close the session for"
        } else if assessment.traps.contains(.evaluativePraise) {
            verb = "grade"
        } else if assessment.traps.contains(.leadingQuestion) {
            verb = "steer"
        } else {
            verb = "tell"
        }
        return singular ? verb + "s" : verb
    }

    /// Worded without a pronoun for the client: the persona's pronouns are not known here, and "themselves"
    /// after "Dana" reads as a mistake when Dana is "she".
    private static func directingObject(_ assessment: Assessment) -> String {
        if assessment.traps.contains(.coachOwnedAccountability) {
            return " answer to you instead of owning the follow-through"
        }
        if assessment.traps.contains(.coachClosedSession) || assessment.traps.contains(.evaluativePraise) { return "" }
        if assessment.traps.contains(.leadingQuestion) { return " toward your answer" }
        return " what to do or think"
    }
}
