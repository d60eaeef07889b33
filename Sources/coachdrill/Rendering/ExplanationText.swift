import ScenarioFormat
import CoachDrillCore

/// `coachdrill explain`: the judgement for a person, each cue with what it counts for.
enum ExplanationText {
    static func render(_ assessment: Assessment) -> String {
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
        out += "\ntraps: " + (assessment.traps.isEmpty ? "none" : "") + "\n"
        for trap in assessment.traps {
            out += "  \(trap.rawValue): \(trap.explanation)\n"
        }
        if let suggestion = assessment.suggestion, assessment.stance != .partner {
            out += "\na partnering way to say it: \"\(TerminalText.sanitize(suggestion))\"\n"
        }
        return out
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
