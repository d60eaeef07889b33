import CoachDrillCore

/// The class report section of the HTML report: what a facilitator projects after a drill.
enum ClassHTML {
    static func section(_ report: ClassReport) -> String {
        let scored = report.packs.reduce(0) { $0 + $1.scored }
        let passed = report.packs.reduce(0) { $0 + $1.passed }
        var out = "<section class=\"class\"><h2>Class report</h2><p class=\"lede\">\(HTMLText.escape(ClassSections.summary(report)))</p>"
        out += "<div class=\"figures\">"
            + ReportHTML.figure(String(report.participants.count), "participants")
            + ReportHTML.figure(
                scored == 0 ? "–" : ReportFormatting.percent(Double(passed) / Double(scored), of: scored), "passed",
                className: scored == 0 ? "" : ReportFormatting.passRateClass(Double(passed) / Double(scored)))
            + "</div>"
        out += packs(report) + matrix(report)
        for pack in report.packs { out += items(pack) }
        out += traps(report)
        return out + "</section>"
    }

    private static func packs(_ report: ClassReport) -> String {
        var rows = ""
        for pack in report.packs {
            rows += "<tr><th scope=\"row\"><code>\(HTMLText.escape(pack.id))</code></th><td class=\"num\">\(pack.participants)</td>"
                + "<td class=\"num\">\(pack.scored)</td><td class=\"num\">\(pack.passed)</td>"
                + "<td class=\"num\">\(ReportFormatting.percent(pack.passRate))</td>"
                + "<td class=\"barcell\">\(ReportHTML.bar(pack.passRate ?? 0, className: ReportFormatting.passRateClass(pack.passRate)))</td></tr>"
        }
        return "<h3>Pass rate</h3><p class=\"note\">\(HTMLText.escape(ReportFormatting.passRateLegend))</p><table><thead><tr><th>pack</th><th class=\"num\">participants</th><th class=\"num\">scored</th><th class=\"num\">passed</th>"
            + "<th class=\"num\">pass rate</th><th></th></tr></thead><tbody>\(rows)</tbody></table>"
    }

    private static func matrix(_ report: ClassReport) -> String {
        var rows = ""
        for person in report.participants {
            rows += "<tr><td class=\"num\">\(person.number)</td><th scope=\"row\">\(HTMLText.escape(person.name))</th>"
                + person.markers.map { ReportHTML.heatCell($0.counts) }.joined()
                + "<td class=\"num\">\(ReportFormatting.percent(person.totals))</td>"
                + "<td class=\"num\">\(person.itemsPassed)/\(person.items)</td>"
                + "<td class=\"num\">\(person.passed)/\(person.packs)</td></tr>"
        }
        return "<h3>Participants and markers</h3><p class=\"note\">partnered/advised answers per marker, shaded by the "
            + "share that partnered; items: items passed of the items in the packs run; packs: packs passed of packs run.</p>"
            + "<table class=\"matrix\">"
            + "<thead><tr><th class=\"num\">#</th><th>participant</th>\(ReportHTML.markerHeaders())<th class=\"num\">partnered</th>"
            + "<th class=\"num\">items</th><th class=\"num\">packs</th></tr>"
            + "</thead><tbody>\(rows)</tbody></table>"
    }

    private static func items(_ pack: ClassReport.PackReport) -> String {
        var rows = ""
        for item in pack.items {
            let hard = (item.passRate ?? 1) < 0.5 ? " class=\"hard\"" : ""
            rows += "<tr\(hard)><td class=\"num\">\(item.index + 1)</td><th scope=\"row\"><code>\(HTMLText.escape(item.id))</code></th>"
                + "<td class=\"kind\">\(HTMLText.escape(ReportFormatting.kindName(item.kind)))</td><td>\(item.target?.id ?? "–")</td>"
                + "<td class=\"num\">\(item.answered) of \(pack.participants)</td>"
                + "<td class=\"num\">\(item.passed)/\(item.attempts)</td><td class=\"num\">\(ReportFormatting.percent(item.passRate))</td>"
                + "<td class=\"barcell\">\(ReportHTML.bar(item.passRate ?? 0, className: ReportFormatting.passRateClass(item.passRate)))</td>"
                + "<td class=\"num\">\(HTMLText.escape(ClassSections.partnered(item.answers)))</td><td class=\"num\">\(item.overtime)</td></tr>"
        }
        let notAnswered = ClassSections.notAnsweredLine(pack).map { "<p class=\"note\">\(HTMLText.escape($0))</p>" } ?? ""
        return "<h3>Item difficulty: <code>\(HTMLText.escape(pack.id))</code></h3><p class=\"note\">Participants who "
            + "answered each item, of all who ran the pack; the share of those who got to it who passed (under half "
            + "are highlighted); and the share of the answers given that partnered.</p>"
            + "<table><thead><tr><th class=\"num\">#</th><th>item</th><th>kind</th><th>target</th><th class=\"num\">answered</th>"
            + "<th class=\"num\">passed</th><th class=\"num\">pass rate</th><th></th>"
            + "<th class=\"num\">partnered</th><th class=\"num\">overtime</th></tr></thead><tbody>\(rows)</tbody></table>"
            + notAnswered
    }

    private static func traps(_ report: ClassReport) -> String {
        guard !report.traps.isEmpty else { return "<h3>Most common traps</h3><p>No traps hit.</p>" }
        var out = "<h3>Most common traps</h3><p class=\"note\">Example answers are anonymised: participants' names "
            + "become “Participant N”; addresses, links and numbers are removed.</p><div class=\"traps\">"
        for trap in report.traps.prefix(5) {
            out += "<article><h4>\(HTMLText.escape(trap.trap.rawValue)) <small>\(ReportFormatting.plural(trap.count, "hit")), "
                + "\(ReportFormatting.plural(trap.participants, "participant"))</small></h4>"
                + "<p>\(HTMLText.escape(trap.trap.explanation))</p>"
                + trap.examples.map { "<blockquote>\(HTMLText.escape($0))</blockquote>" }.joined() + "</article>"
        }
        return out + "</div>"
    }
}
