import CoachDrillCore
import ScenarioFormat

/// What `coachdrill replay` prints for one session: a heading, whether the scenario file changed, every
/// turn that came out differently (what it was then, what it is now), and a one-line verdict.
enum ReplayText {
    static func heading(_ transcript: Transcript) -> String {
        let header = transcript.header
        let from = transcript.startBeat.map { ", from '\(clean($0))'" } ?? ""
        return "Replaying \(clean(header.scenario)) for \(clean(header.trainee)) (started \(clean(header.started)), "
            + "seed \(header.seed)\(from)): \(ReportFormatting.plural(transcript.turns.count, "turn"))"
    }

    static func hashNote(recorded: String, now: String) -> String? {
        guard recorded != now else { return nil }
        return "The scenario file has changed since this session (\(clean(recorded)) then, \(now) now)."
    }

    static func render(_ result: ReplayResult, style: Style) -> String {
        var out = ""
        for difference in result.differences {
            let beat = difference.beatNow.map { $0 == difference.beatThen ? clean($0) : "\(clean(difference.beatThen)) → \(clean($0))" }
                ?? clean(difference.beatThen)
            out += style.bold("turn \(difference.turn)") + " (line \(difference.line)), beat \(beat): \"\(clean(difference.text))\"\n"
            for change in difference.changes { out += "  " + describe(change) + "\n" }
        }
        let changed = result.differences.count
        if changed == 0 {
            out += style.green("Same: all \(ReportFormatting.plural(result.turns, "turn")) give the same marker, stance, traps and next beat.")
        } else {
            out += style.red("Changed: \(changed) of \(ReportFormatting.plural(result.turns, "turn")).")
        }
        return out + "\n"
    }

    static func describe(_ change: ReplayChange) -> String {
        switch change {
        case .marker(let then, let now):
            "marker: \(then?.id ?? "none") → \(now?.id ?? "none")"
        case .stance(let then, let now):
            "stance: \(then.pastTense) → \(now.pastTense)"
        case .traps(let then, let now):
            "traps: \(list(then)) → \(list(now))"
        case .next(let then, let now):
            "next beat: \(then.map(clean) ?? "none") → \(clean(now))"
        case .notReached(let endedAt, let afterTurn):
            "not reached: the session now ends at '\(clean(endedAt))' after turn \(afterTurn)"
        }
    }

    private static func list(_ traps: [Trap]) -> String {
        traps.isEmpty ? "none" : traps.map(\.rawValue).joined(separator: ", ")
    }

    private static func clean(_ text: String) -> String {
        TerminalText.sanitize(text, allowNewlines: false)
    }
}
