import CoachDrillCore

/// What a report says, section by section, as a `ReportDocument` for the text and Markdown formats.
/// Values from transcripts are left raw here; each renderer makes them safe for its medium.
enum ReportSections {
    static func document(_ report: Report) -> ReportDocument {
        var doc = ReportDocument()
        doc.heading(1, report.trainee.map { "CoachDrill report: \($0)" } ?? "CoachDrill report")
        doc.paragraph(summary(report))
        // A folder of drill results is a workshop: the class view is what the facilitator came for.
        let classFirst = report.sessions.allSatisfy { $0.mode == .drill }
        if classFirst, let classReport = report.classReport { ClassSections.add(classReport, into: &doc) }
        markers(report, into: &doc)
        // The class report's participants x markers table already shows every drill run's markers.
        let markersShown = classFirst && report.classReport != nil
        if report.trainee == nil { trainees(report, withMarkers: !markersShown, into: &doc) }
        traps(report, into: &doc)
        beats(report, into: &doc)
        if report.trainee != nil { trend(report, into: &doc) }
        if !classFirst, let classReport = report.classReport { ClassSections.add(classReport, into: &doc) }
        return doc
    }

    static func summary(_ report: Report) -> String {
        let totals = report.totals
        var parts = [ReportFormatting.plural(report.sessions.count, "session")]
        if report.partialSessions > 0 { parts[0] += " (\(report.partialSessions) interrupted)" }
        if report.trainee == nil { parts.append(ReportFormatting.plural(report.trainees.count, "trainee")) }
        parts.append(ReportFormatting.plural(totals.total, "answer"))
        return parts.joined(separator: " · ") + ": partnered \(totals.partnered) (\(ReportFormatting.percent(totals))), "
            + "advised \(totals.advised) (\(ReportFormatting.percent(totals.adviseRate, of: totals.total))), "
            + "neutral \(totals.neutral)."
    }

    private static func markers(_ report: Report, into doc: inout ReportDocument) {
        doc.heading(2, "Markers")
        doc.table(
            [("marker", .left), ("partnered", .right), ("advised", .right), ("neutral", .right), ("partner rate", .right)],
            report.markers.map { row in
                [
                    ReportFormatting.markerName(row.marker), String(row.counts.partnered), String(row.counts.advised),
                    String(row.counts.neutral), ReportFormatting.percent(row.counts),
                ]
            })
    }

    private static func trainees(_ report: Report, withMarkers: Bool, into doc: inout ReportDocument) {
        doc.heading(2, "Trainees")
        doc.table(
            [
                ("trainee", .left), ("sessions", .right), ("answers", .right), ("partnered", .right), ("advised", .right),
                ("partner rate", .right), ("most frequent trap", .left),
            ],
            report.trainees.map { trainee in
                [
                    trainee.name, String(trainee.sessions), String(trainee.totals.total), String(trainee.totals.partnered),
                    String(trainee.totals.advised), ReportFormatting.percent(trainee.totals),
                    trainee.traps.first?.trap.rawValue ?? "–",
                ]
            })
        guard withMarkers else { return }
        doc.heading(3, "Per trainee and marker (partnered/advised)")
        doc.table(
            [("trainee", .left)] + Marker.allCases.map { ($0.id, .right) },
            report.trainees.map { trainee in [trainee.name] + trainee.markers.map { ReportFormatting.cell($0.counts) } })
    }

    private static func traps(_ report: Report, into doc: inout ReportDocument) {
        doc.heading(2, "Traps")
        guard !report.traps.isEmpty else {
            doc.paragraph("No traps hit.")
            return
        }
        doc.table(
            [("trap", .left), ("hits", .right), ("sessions", .right), ("trainees", .right)],
            report.traps.map { [$0.trap.rawValue, String($0.count), String($0.sessions), String($0.trainees)] })
    }

    private static func beats(_ report: Report, into doc: inout ReportDocument) {
        doc.heading(2, "Where people advise most")
        for scenario in report.scenarios {
            doc.heading(
                3,
                "\(scenario.id): \(ReportFormatting.plural(scenario.sessions, "session")), "
                    + "partner rate \(ReportFormatting.percent(scenario.totals))")
            doc.table(
                [("beat", .left), ("answers", .right), ("advised", .right), ("advise rate", .right), ("top trap", .left)],
                scenario.beats.map { beat in
                    [
                        beat.beat, String(beat.counts.total), String(beat.counts.advised),
                        ReportFormatting.percent(beat.counts.adviseRate, of: beat.counts.total),
                        beat.topTrap?.rawValue ?? "–",
                    ]
                })
        }
    }

    private static func trend(_ report: Report, into doc: inout ReportDocument) {
        doc.heading(2, "Trend")
        doc.table(
            [("started", .left), ("scenario", .left), ("answers", .right), ("partnered", .right), ("partner rate", .right)],
            report.trend.map { point in
                [
                    point.label, point.scenario ?? "", String(point.counts.total), String(point.counts.partnered),
                    ReportFormatting.percent(point.counts),
                ]
            })
    }
}
