import Foundation
import TerminalOutput

/// The time left for a drill item, as shown in the prompt: `[1:24] coach> `, then, once it has run out,
/// `[time up · 0:12 over] coach> `.
///
/// On a terminal the line editor asks for the prompt again while the participant types and redraws it when
/// the text changes (LivePrompt), so it counts down in place; libedit redraws only what changed, and the line
/// being typed stays as it is.
enum Countdown {
    static func prompt(limit: Int, elapsed: TimeInterval, style: Style) -> String {
        let left = Double(limit) - elapsed
        // Rounded up while time remains, so the prompt never shows 0:00 before the limit is reached.
        let over = Int((-left).rounded(.down))
        let label = left > 0 ? clock(Int(left.rounded(.up))) : over < 1 ? "time up" : "time up · " + clock(over) + " over"
        let stamp = "[\(label)] "
        let coach = style.enabled ? style.bold("coach> ") : "coach> "
        return (left > 0 ? style.dim(stamp) : style.yellow(stamp)) + coach
    }

    /// `m:ss`.
    static func clock(_ seconds: Int) -> String {
        let value = max(0, seconds)
        let secs = value % 60
        return "\(value / 60):" + (secs < 10 ? "0" : "") + "\(secs)"
    }

    /// "10 minutes", "1 minute", "45 seconds" for headers.
    static func minutes(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds) second\(seconds == 1 ? "" : "s")" }
        let value = Int((Double(seconds) / 60).rounded())
        return "\(value) minute\(value == 1 ? "" : "s")"
    }
}
