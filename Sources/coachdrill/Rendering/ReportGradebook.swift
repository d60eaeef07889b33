import CoachDrillCore
import Foundation

/// `report --format gradebook`: the class report as a CSV a facilitator can file. One row per participant
/// and item (marker, stance, passed, seconds), then one summary row per participant and pack, told apart by
/// the `row` column (`item` or `summary`; a summary's `reached` counts the items reached, and its
/// `pack_passed` is empty for a run killed before its result). One run per participant and pack, as in the
/// class report.
/// Fractions and seconds are plain numbers; RFC 4180 quoting and line ends, as `ReportCSV`.
enum ReportGradebook {
    static let header = [
        "participant", "pack", "row", "item", "item_id", "kind", "marker", "stance", "answers", "reached", "passed", "seconds",
        "overtime", "items_passed", "items", "pack_passed",
    ]

    static func render(_ report: Report) -> String {
        var lines = [header.joined(separator: ",")]
        for person in report.classReport?.participants ?? [] {
            let name = ReportCSV.field(person.name)
            for run in person.runs {
                let pack = ReportCSV.field(run.pack)
                for row in run.rows {
                    lines.append(
                        [
                            name, pack, "item", String(row.index + 1), ReportCSV.field(row.id),
                            row.kind?.rawValue ?? "", row.target?.id ?? "", row.stance.map(stanceWord) ?? "",
                            String(row.answers), yes(row.reached), yes(row.passed),
                            row.seconds.map { JSONDocument.decimal($0, places: 1) } ?? "", row.reached ? yes(row.overtime) : "",
                            "", "", "",
                        ].joined(separator: ","))
                }
                lines.append(
                    [
                        name, pack, "summary", "", "", "", "", "", String(run.rows.reduce(0) { $0 + $1.answers }),
                        String(run.rows.filter(\.reached).count), "",
                        JSONDocument.decimal(run.seconds, places: 1), "", String(run.itemsPassed), String(run.items),
                        run.passed.map(yes) ?? "",
                    ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func yes(_ value: Bool) -> String { value ? "yes" : "no" }

    private static func stanceWord(_ stance: Stance) -> String {
        switch stance {
        case .partner: "partnered"
        case .advise: "advised"
        case .neutral: "neutral"
        }
    }
}
