import ScenarioFormat
import CoachDrillCore

/// `coachdrill explain`: the judgement for a person: the words that decided it, then every feature that
/// counted, with what it added.
enum ExplanationText {
    static func render(_ explanation: Explanation) -> String {
        let assessment = explanation.assessment
        var out = "line: \"\(TerminalText.sanitize(assessment.text))\"\n\n"
        out += "stance: \(assessment.stance.pastTense)\n"
        for evidence in assessment.stanceEvidence {
            out += "  \"\(TerminalText.sanitize(evidence.text))\"  \(evidence.cue)\n"
        }
        out += "  why: " + stanceReason(assessment) + "\n\n"
        if assessment.hits.isEmpty {
            out += "marker: none (no words about progress, learning, next steps, support, accountability, celebration or closing)\n"
        } else {
            out += "markers (strongest first):\n"
            for hit in assessment.hits {
                out += "  \(hit.marker.id) \(hit.marker.shortName)  score \(hit.score)  \(hit.stance.pastTense)\n"
                for evidence in hit.evidence {
                    out += "      \"\(TerminalText.sanitize(evidence.text))\"  \(evidence.cue)\n"
                }
            }
        }
        out += "\ntraps:" + (assessment.traps.isEmpty ? " none" : "") + "\n"
        for trap in assessment.traps {
            out += "  \(trap.rawValue): \(trap.explanation)\n"
        }
        if let suggestion = assessment.suggestion, assessment.stance != .partner {
            // Labelled as in the feedback line: the marker the suggestion serves.
            out += "\n" + FeedbackLine.tryLabel(assessment) + ": \"\(TerminalText.sanitize(suggestion))\"\n"
        }
        out += "\n" + reasoning("stance", explanation.stance)
        out += "\n" + reasoning("marker", explanation.marker)
        return out
    }

    /// Every contribution of at least `shown`, largest first: weight for the verdict minus weight for the
    /// runner-up. What is left out is counted, so nothing is hidden.
    private static func reasoning(_ name: String, _ reasoning: Explanation.Reasoning) -> String {
        var out = "why \(name) \(reasoning.chosen) and not \(reasoning.runnerUp), feature by feature "
        out += "(weight for \(reasoning.chosen) minus weight for \(reasoning.runnerUp)):\n"
        let shown = reasoning.contributions.filter { abs($0.amount) >= minimumShown }
        for contribution in shown {
            let quotes = contribution.quotes.map { "\"\(TerminalText.sanitize($0))\"" }.joined(separator: " ")
            out += "  " + signed(contribution.amount) + "  " + TerminalText.sanitize(contribution.description)
            out += quotes.isEmpty ? "\n" : "  " + quotes + "\n"
        }
        let hidden = reasoning.contributions.count - shown.count
        if hidden > 0 { out += "  (and \(hidden) smaller, under \(signed(minimumShown).dropFirst()) each)\n" }
        return out
    }

    static let minimumShown = 0.05

    private static func signed(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : "+"
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private static func stanceReason(_ assessment: Assessment) -> String {
        switch assessment.stance {
        case .partner:
            "these words hand the thinking, the choice or the design to the client."
        case .advise:
            "these words supply the content, the decision, the accountability, the feelings or the ending."
        case .neutral:
            "nothing here invites or directs: it reflects or states."
        }
    }
}
