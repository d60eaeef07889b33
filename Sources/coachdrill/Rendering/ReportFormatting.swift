import CoachDrillCore

/// Number and label formats shared by every report format, so "67%" means the same everywhere.
enum ReportFormatting {
    /// A 0...1 share as a whole percentage ("67%"), "–" when there is nothing to divide.
    static func percent(_ share: Double, of total: Int) -> String {
        total == 0 ? "–" : "\(Int((share * 100).rounded()))%"
    }

    static func percent(_ counts: StanceCounts) -> String {
        percent(counts.partnerRate, of: counts.total)
    }

    static func percent(_ share: Double?) -> String {
        share.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    }

    /// A pass rate's colour by what it means: green only where most passed. The bands are the shipped
    /// packs' own bar (70%) and under half of that.
    static func passRateClass(_ share: Double?) -> String {
        guard let share else { return "none" }
        if share + 1e-9 >= 0.7 { return "good" }
        return share + 1e-9 >= 0.35 ? "fair" : "bad"
    }

    static let passRateLegend = "Pass rates are green from 70% (the shipped packs' bar), amber from 35%, red below."

    /// A marker cell: "partnered/advised", or "–" when the marker was never the primary one.
    static func cell(_ counts: StanceCounts) -> String {
        counts.total == 0 ? "–" : "\(counts.partnered)/\(counts.advised)"
    }

    static func markerName(_ marker: Marker) -> String {
        "\(marker.id) \(marker.shortName)"
    }

    static func plural(_ count: Int, _ noun: String, _ pluralNoun: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : pluralNoun ?? noun + "s")
    }

    static func kindName(_ kind: TranscriptItem.Kind?) -> String {
        kind?.rawValue ?? "–"
    }
}
