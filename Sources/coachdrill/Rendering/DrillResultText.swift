import CoachDrillCore
import Foundation
import ScenarioFormat

/// What a participant sees when the drill ends: the verdict, a per-marker summary, and the feedback that
/// was withheld, item by item. The first line, `Results · ...`, is where withheld feedback starts.
enum DrillResultText {
    static let heading = "Results · "

    /// - Parameter endedEarly: the drill ended before its last item was done (`:quit`, end of input or a
    ///   signal), so the last item played was cut off rather than skipped.
    static func render(_ result: DrillResult, trainee: String, endedEarly: Bool, style: Style) -> String {
        let pack = result.pack
        var out =
            "\n" + style.bold(heading + TerminalText.sanitize(pack.title) + " · " + TerminalText.sanitize(trainee))
        out += "\n" + verdict(result, style: style) + "\n"
        out += "\n" + markerTable(result, style: style)
        out += "\n" + style.bold("Feedback, item by item") + "\n"
        let cutOff = endedEarly ? result.outcomes.last?.index : nil
        for (index, item) in pack.items.enumerated() {
            out +=
                "\n"
                + itemFeedback(
                    item, index: index, outcome: result.outcomes.first { $0.index == index }, cutOff: index == cutOff,
                    style: style)
        }
        return out
    }

    // MARK: - Verdict

    private static func verdict(_ result: DrillResult, style: Style) -> String {
        let percent = Int((result.itemShare * 100).rounded())
        let needed = Int((result.pack.pass.minimumItemShare * 100).rounded())
        let word = result.passed ? style.green("PASSED") : style.red("NOT PASSED")
        var out =
            "\(word): \(result.itemsPassed) of \(result.itemCount) items (\(percent)%); this pack asks for \(needed)%."
        out += "\n" + style.dim(DrillGrading.ruleText)
        let required = result.pack.pass.requiredMarkers
        if !required.isEmpty {
            let missing = result.missingMarkers
            let listed = required.map { marker in
                "\(marker.id) \(marker.shortName) " + (missing.contains(marker) ? style.red("✗") : style.green("✓"))
            }
            out += "\nMarkers you must partner on at least once: " + listed.joined(separator: ", ")
        }
        let card = result.scorecard
        let traps =
            card.traps.isEmpty
            ? "none" : card.traps.map { "\($0.trap.rawValue) ×\($0.count)" }.joined(separator: ", ")
        out +=
            "\nAnswers: \(card.turns) · partnered: \(card.partneredTurns) · advised: \(card.advisedTurns)"
            + " · traps: \(traps)"
        return out
    }

    private static func markerTable(_ result: DrillResult, style: Style) -> String {
        var out = pad("marker", 30) + pad("items passed", 14) + pad("partnered", 11) + pad("advised", 9) + "neutral\n"
        for row in result.markerSummaries {
            let items = row.items == 0 ? "-" : "\(row.itemsPassed) of \(row.items)"
            let partnered = pad(String(row.partnered), 11)
            let advised = pad(String(row.advised), 9)
            out +=
                pad("\(row.marker.id) \(row.marker.shortName)", 30) + pad(items, 14)
                + (row.partnered > 0 ? style.green(partnered) : partnered)
                + (row.advised > 0 ? style.red(advised) : advised) + "\(row.neutral)\n"
        }
        return out
    }

    // MARK: - Items

    private static func itemFeedback(
        _ item: DrillItem, index: Int, outcome: DrillItemOutcome?, cutOff: Bool, style: Style
    ) -> String {
        var out = "\(index + 1). \(item.id) · \(item.kindName)"
        if let target = item.target { out += " · \(target.id) \(target.shortName)" }
        out += " · " + status(item, outcome, cutOff: cutOff, style: style) + "\n"
        guard let outcome else { return out }
        switch item.kind {
        case .quickFire(let task):
            out += "   Client: \"\(TerminalText.sanitize(task.client))\"\n"
            out += oneAnswer(outcome, target: task.target, exemplar: task.exemplar, style: style)
        case .rewrite(let task):
            out += "   To rewrite: \"\(TerminalText.sanitize(task.coach))\"\n"
            out += oneAnswer(outcome, target: task.target, exemplar: task.exemplar, style: style)
        case .scenario(let task):
            out += scenarioSummary(task, outcome) + "\n"
            let name = TerminalText.sanitize(task.scenario.persona.name)
            for (turn, answer) in outcome.answers.enumerated() {
                out += "   \(turn + 1). \"\(TerminalText.sanitize(answer.text))\"\n"
                out += "      " + indent(FeedbackLine.render(answer, clientName: name, style: style), by: 6) + "\n"
            }
        }
        return out
    }

    /// An item left without an answer was skipped (`:skip`) or not reached: the drill ended on it (the
    /// last item played, when the drill ended early) or before it.
    private static func status(_ item: DrillItem, _ outcome: DrillItemOutcome?, cutOff: Bool, style: Style) -> String {
        guard let outcome else { return style.dim("not reached") }
        var out: String
        if outcome.passed {
            out = style.green("passed")
        } else if outcome.unfinished, !outcome.answers.isEmpty {
            out = style.red("not finished")
        } else if outcome.unfinished {
            out = cutOff ? style.dim("not reached") : style.red("skipped")
        } else {
            out = style.red("not passed")
        }
        let elapsed = Int(outcome.elapsedSeconds.rounded())
        out += " · \(Countdown.clock(elapsed)) of \(Countdown.clock(item.timeLimitSeconds))"
        if outcome.overtime(limit: item.timeLimitSeconds) { out += style.yellow(" (over time)") }
        return out
    }

    private static func oneAnswer(_ outcome: DrillItemOutcome, target: Marker, exemplar: String?, style: Style)
        -> String
    {
        guard let answer = outcome.answers.first else { return "" }
        var out = "   You: \"\(TerminalText.sanitize(answer.text))\"\n"
        out += "   " + indent(FeedbackLine.render(answer, clientName: "the client", style: style), by: 3) + "\n"
        if outcome.passed, case .strong(let score) = DrillGrading.reading(answer, target: target) {
            let primary = answer.marker.map { "\($0.id) \($0.shortName)" } ?? "no marker"
            out +=
                "   Passed on a strong secondary reading: \(target.id) \(target.shortName) scored "
                + "\(String(format: "%.2f", score)) (the primary verdict was \(primary)).\n"
        }
        guard !outcome.passed else { return out }
        if answer.stance == .partner {
            let served = answer.marker.map { "\($0.id) \($0.shortName)" } ?? "no marker"
            out += "   You partnered, but on \(served); this item asks for \(target.id) \(target.shortName)"
            if let weak = answer.hits.dropFirst().first(where: { $0.marker == target }) {
                out += " (read at \(String(format: "%.2f", weak.score)), under the 0.50 that counts)"
            }
            out += ".\n"
        }
        // FeedbackLine already offers the suggestion after an advising or neutral answer.
        if answer.stance == .partner {
            out +=
                "   A partnering answer for \(target.id): "
                + "\"\(TerminalText.sanitize(exemplar ?? target.defaultExemplar))\"\n"
        }
        return out
    }

    private static func scenarioSummary(_ task: ScenarioTask, _ outcome: DrillItemOutcome) -> String {
        let card = AnswerLog(outcome.answers).scorecard
        let percent = Int((card.partnerRate * 100).rounded())
        var parts: [String] = []
        parts.append(outcome.endBeat.map { "ended at '\(TerminalText.sanitize($0))'" } ?? "left before the end")
        parts.append(
            card.turns == 0 ? "no answers" : "partnered \(card.partneredTurns) of \(card.turns) answers (\(percent)%)")
        let rate = task.minimumPartnerRate ?? (task.endBeats.isEmpty ? ScenarioTask.defaultPartnerRate : nil)
        var needs = [
            task.endBeats.isEmpty
                ? "reaching the end" : "ending at " + task.endBeats.map { "'\($0)'" }.joined(separator: " or ")
        ]
        if let rate { needs.append("partnering on at least \(Int((rate * 100).rounded()))% of answers") }
        return "   " + parts.joined(separator: "; ") + ". Passing needs " + needs.joined(separator: " and ") + "."
    }

    private static func indent(_ text: String, by width: Int) -> String {
        text.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: width))
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
