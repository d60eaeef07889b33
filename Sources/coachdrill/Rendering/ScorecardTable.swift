import ScenarioFormat
import CoachDrillCore

/// The end-of-session (and `:score`) table: each marker's partnered / advised counts, traps, the share of
/// turns that partnered, and the best and weakest moment.
enum ScorecardTable {
    static func render(_ card: Scorecard, style: Style) -> String {
        var out = style.bold("Scorecard") + "\n"
        // The last column is not padded: rows end at their last character (no trailing spaces in a pipe).
        out += pad("marker", 32) + pad("partnered", 11) + "advised\n"
        for tally in card.tallies {
            let name = "\(tally.marker.id) \(tally.marker.shortName)"
            if tally.evidenced {
                let partnered = String(tally.partnered)
                let advised = String(tally.advised)
                // Padding goes outside the colour, so only the count is coloured.
                out += pad(name, 32) + (tally.partnered > 0 ? style.green(partnered) : partnered)
                    + String(repeating: " ", count: max(1, 11 - partnered.count))
                    + (tally.advised > 0 ? style.red(advised) : advised) + "\n"
            } else {
                out += pad(name, 32) + style.dim("not yet evidenced") + "\n"
            }
        }
        let percent = Int((card.partnerRate * 100).rounded())
        out += "\nturns: \(card.turns) · partnered: \(card.partneredTurns) (\(percent)%) · advised: \(card.advisedTurns)\n"
        if card.traps.isEmpty {
            out += "traps: none\n"
        } else {
            out += "traps: " + card.traps.map { "\($0.trap.rawValue) ×\($0.count)" }.joined(separator: ", ") + "\n"
        }
        if let best = card.best, best.assessment.stance == .partner {
            out += "best moment (turn \(best.turn)): \"\(TerminalText.sanitize(best.assessment.text))\"\n"
            out += "  " + FeedbackLine.render(best.assessment, clientName: "the client", style: style)
                .replacingTrapLines() + "\n"
        }
        if let weakest = card.weakest, weakest.assessment.stance != .partner {
            out += "to work on (turn \(weakest.turn)): \"\(TerminalText.sanitize(weakest.assessment.text))\"\n"
            out += "  " + FeedbackLine.render(weakest.assessment, clientName: "the client", style: style)
                .replacingTrapLines() + "\n"
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

extension String {
    /// The first line only: trap explanations are summarised once, in the traps row.
    fileprivate func replacingTrapLines() -> String {
        split(separator: "\n", maxSplits: 1).first.map(String.init) ?? self
    }
}
