import CoachDrillCore

/// The report as one self-contained HTML file: inline CSS and SVG, no scripts, nothing fetched, so it can
/// be mailed, put on a shared drive or projected offline.
enum ReportHTML {
    static func render(_ report: Report) -> String {
        let title = report.trainee.map { "CoachDrill report: \($0)" } ?? "CoachDrill report"
        var body = header(report, title: title)
        // A folder of drill results is a workshop: the class view is what the facilitator came for.
        let classFirst = report.sessions.allSatisfy { $0.mode == .drill }
        if classFirst, let classReport = report.classReport { body += ClassHTML.section(classReport) }
        body += markersSection(report)
        body += trendSection(report)
        // The class report's participants x markers matrix already shows every drill run's markers.
        if report.trainee == nil { body += traineesSection(report, withMarkers: !(classFirst && report.classReport != nil)) }
        body += trapsSection(report)
        body += beatsSection(report)
        if !classFirst, let classReport = report.classReport { body += ClassHTML.section(classReport) }
        body += "<footer>Made by <code>coachdrill report</code> from \(ReportFormatting.plural(report.sessions.count, "session")). "
            + "Every number is recomputed from the coach answers recorded in the transcripts; rates are shares of all answers "
            + "(neutral ones included).</footer>"
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title))</title>
            <style>\(ReportStylesheet.css)</style>
            </head>
            <body>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    // MARK: Sections

    private static func header(_ report: Report, title: String) -> String {
        let totals = report.totals
        var figures = [
            figure(String(report.sessions.count), "sessions"),
            figure(String(totals.total), "answers"),
            figure(ReportFormatting.percent(totals), "partnered", className: "good"),
            figure(ReportFormatting.percent(totals.adviseRate, of: totals.total), "advised", className: "bad"),
        ]
        if report.trainee == nil { figures.insert(figure(String(report.trainees.count), "trainees"), at: 1) }
        return "<header><p class=\"eyebrow\">CoachDrill · Facilitates Client Growth (PCC 8.1–8.9)</p>"
            + "<h1>\(HTMLText.escape(title))</h1><p class=\"lede\">\(HTMLText.escape(ReportSections.summary(report)))</p>"
            + "<div class=\"figures\">\(figures.joined())</div></header>"
    }

    static func figure(_ value: String, _ label: String, className: String = "") -> String {
        "<div class=\"figure \(className)\"><span class=\"value\">\(HTMLText.escape(value))</span>"
            + "<span class=\"name\">\(HTMLText.escape(label))</span></div>"
    }

    static var legend: String {
        "<p class=\"legend\"><span><i style=\"background:\(ReportSVG.partnerColour)\"></i>partnered</span>"
            + "<span><i style=\"background:\(ReportSVG.adviseColour)\"></i>advised</span>"
            + "<span><i style=\"background:\(ReportSVG.neutralColour)\"></i>neutral</span></p>"
    }

    private static func markersSection(_ report: Report) -> String {
        let rows = report.markers.map { ReportSVG.BarRow(label: ReportFormatting.markerName($0.marker), counts: $0.counts) }
        return "<section><h2>Markers</h2><p class=\"note\">Answers whose main marker was each of 8.1 to 8.9, "
            + "by stance (numbers: partnered / advised / neutral).</p>" + legend
            + ReportSVG.stackedBars(rows, title: "Answers per marker: partnered, advised and neutral") + "</section>"
    }

    private static func trendSection(_ report: Report) -> String {
        // One point is not a trend: a chart of a single dot says nothing a figure does not.
        guard report.trend.count >= 2 else { return "" }
        let perSession = report.trainee != nil
        let points = report.trend.map { point in
            ReportSVG.LinePoint(
                label: String(point.label.prefix(10)), rate: point.counts.partnerRate,
                detail: "\(point.label)\(point.scenario.map { " · \($0)" } ?? ""): \(point.counts.partnered) of "
                    + "\(point.counts.total) answers partnered (\(ReportFormatting.percent(point.counts)))")
        }
        return "<section><h2>Partnering rate over time</h2><p class=\"note\">"
            + (perSession ? "Share of answers that partnered, session by session." : "Share of answers that partnered, day by day, everyone together.")
            + "</p>" + ReportSVG.lineChart(points, title: "Partnering rate over time") + "</section>"
    }

    private static func traineesSection(_ report: Report, withMarkers: Bool) -> String {
        var rows = ""
        for trainee in report.trainees {
            rows += "<tr><th scope=\"row\">\(HTMLText.escape(trainee.name))</th><td class=\"num\">\(trainee.sessions)</td>"
                + "<td class=\"num\">\(trainee.totals.total)</td><td class=\"num\">\(ReportFormatting.percent(trainee.totals))</td>"
                + (withMarkers ? trainee.markers.map { heatCell($0.counts) }.joined() : "") + "</tr>"
        }
        let note =
            withMarkers
            ? "Per marker: partnered/advised answers, shaded by the share that partnered."
            : "Every session, retries included; the class report above shows each participant's markers."
        return "<section><h2>Trainees</h2><p class=\"note\">\(note)</p><div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>trainee</th><th class=\"num\">sessions</th>"
            + "<th class=\"num\">answers</th><th class=\"num\">partnered</th>" + (withMarkers ? markerHeaders() : "")
            + "</tr></thead><tbody>\(rows)</tbody></table></div></section>"
    }

    static func markerHeaders() -> String {
        Marker.allCases.map { "<th title=\"\(HTMLText.escape($0.shortName))\">\($0.id)</th>" }.joined()
    }

    /// A matrix cell shaded from advised (0%) to partnered (100%); blank when the marker never came up.
    static func heatCell(_ counts: StanceCounts) -> String {
        guard counts.total > 0 else { return "<td class=\"heat h0\">–</td>" }
        let level = min(4, Int(counts.partnerRate * 4) + 1)
        return "<td class=\"heat h\(level)\" title=\"\(counts.partnered) partnered, \(counts.advised) advised, "
            + "\(counts.neutral) neutral\">\(counts.partnered)/\(counts.advised)</td>"
    }

    static func bar(_ share: Double, className: String) -> String {
        let percent = JSONDocument.decimal(min(max(share, 0), 1) * 100, places: 1)
        return "<span class=\"bar \(className)\"><span style=\"width:\(percent)%\"></span></span>"
    }

    private static func trapsSection(_ report: Report) -> String {
        guard let most = report.traps.first?.count else {
            return "<section><h2>Traps</h2><p>No traps hit.</p></section>"
        }
        var rows = ""
        for trap in report.traps {
            rows += "<tr><th scope=\"row\" title=\"\(HTMLText.escape(trap.trap.explanation))\">\(HTMLText.escape(trap.trap.rawValue))</th>"
                + "<td class=\"num\">\(trap.count)</td><td class=\"barcell\">\(bar(Double(trap.count) / Double(most), className: "bad"))</td>"
                + "<td class=\"num\">\(trap.sessions)</td><td class=\"num\">\(trap.trainees)</td></tr>"
        }
        return "<section><h2>Traps</h2><p class=\"note\">Most frequent first. Hover a trap for what it means.</p>"
            + "<table><thead><tr><th>trap</th><th class=\"num\">hits</th><th></th><th class=\"num\">sessions</th><th class=\"num\">trainees</th></tr></thead>"
            + "<tbody>\(rows)</tbody></table></section>"
    }

    private static func beatsSection(_ report: Report) -> String {
        var out = "<section><h2>Where people advise most</h2><p class=\"note\">Per scenario, the beats by number of "
            + "advising answers.</p>"
        for scenario in report.scenarios {
            out += "<h3>\(HTMLText.escape(scenario.id)) <small>\(ReportFormatting.plural(scenario.sessions, "session")), "
                + "partner rate \(ReportFormatting.percent(scenario.totals))</small></h3>"
            out += "<table><thead><tr><th>beat</th><th class=\"num\">answers</th><th class=\"num\">advised</th><th class=\"num\">advise rate</th><th></th>"
                + "<th>top trap</th></tr></thead><tbody>"
            for beat in scenario.beats {
                out += "<tr><th scope=\"row\"><code>\(HTMLText.escape(beat.beat))</code></th><td class=\"num\">\(beat.counts.total)</td>"
                    + "<td class=\"num\">\(beat.counts.advised)</td>"
                    + "<td class=\"num\">\(ReportFormatting.percent(beat.counts.adviseRate, of: beat.counts.total))</td>"
                    + "<td class=\"barcell\">\(bar(beat.counts.adviseRate, className: "bad"))</td>"
                    + "<td>\(HTMLText.escape(beat.topTrap?.rawValue ?? "–"))</td></tr>"
            }
            out += "</tbody></table>"
        }
        return out + "</section>"
    }
}
