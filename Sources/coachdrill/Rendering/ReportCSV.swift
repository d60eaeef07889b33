import CoachDrillCore
import Foundation
import ScenarioFormat

/// One row per trainee x marker, with a header row: the shape a spreadsheet pivots well. Rates are
/// fractions (0.667), not percentages, so they stay numbers in the spreadsheet. RFC 4180 quoting and
/// line ends.
enum ReportCSV {
    static let header = [
        "trainee", "marker", "marker_name", "sessions", "partnered", "advised", "neutral", "answers", "partner_rate",
        "advise_rate",
    ]

    static func render(_ report: Report) -> String {
        var lines = [header.joined(separator: ",")]
        for trainee in report.trainees {
            for row in trainee.markers {
                let counts = row.counts
                lines.append(
                    [
                        field(trainee.name), row.marker.id, field(row.marker.shortName), String(trainee.sessions),
                        String(counts.partnered), String(counts.advised), String(counts.neutral), String(counts.total),
                        counts.total == 0 ? "" : JSONDocument.decimal(counts.partnerRate, places: 3),
                        counts.total == 0 ? "" : JSONDocument.decimal(counts.adviseRate, places: 3),
                    ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes when needed, and defuses cells a spreadsheet would run as a formula (=, +, -, @ first).
    /// Names come from transcripts, and a CSV is as often shown in a terminal as opened in a spreadsheet:
    /// control characters (ESC, BEL, C1, bidi overrides, line breaks) are written escaped.
    static func field(_ text: String) -> String {
        var value = TerminalText.sanitize(text, allowNewlines: false)
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
