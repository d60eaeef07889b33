import CoachDrillCore

/// The class report's sections (drill transcripts): pass rates, participants x markers, item difficulty
/// and the most common traps with anonymised examples.
enum ClassSections {
    static func add(_ report: ClassReport, into doc: inout ReportDocument) {
        doc.heading(2, "Class report")
        doc.paragraph(summary(report))
        doc.table(
            [("pack", .left), ("participants", .right), ("scored", .right), ("passed", .right), ("pass rate", .right)],
            report.packs.map { pack in
                [
                    pack.id, String(pack.participants), String(pack.scored), String(pack.passed),
                    ReportFormatting.percent(pack.passRate),
                ]
            })

        doc.heading(3, "Participants and markers (partnered/advised)")
        doc.table(
            [("#", .right), ("participant", .left)] + Marker.allCases.map { ($0.id, .right) }
                + [("partner rate", .right), ("items passed", .right), ("pack passed", .right)],
            report.participants.map { person in
                [String(person.number), person.name] + person.markers.map { ReportFormatting.cell($0.counts) }
                    + [ReportFormatting.percent(person.totals), "\(person.itemsPassed)/\(person.items)",
                       "\(person.passed)/\(person.packs)"]
            })

        for pack in report.packs {
            doc.heading(3, "Item difficulty: \(pack.id)")
            doc.table(
                [
                    ("#", .right), ("item", .left), ("kind", .left), ("target", .left), ("answered", .right),
                    ("passed", .right), ("pass rate", .right), ("partnered", .right), ("overtime", .right),
                ],
                pack.items.map { item in
                    [
                        String(item.index + 1), item.id, ReportFormatting.kindName(item.kind), item.target?.id ?? "–",
                        "\(item.answered) of \(pack.participants)", String(item.passed),
                        ReportFormatting.percent(item.passRate), partnered(item.answers), String(item.overtime),
                    ]
                })
            doc.paragraph(
                "answered: of all who ran the pack; pass rate: of those who got to the item; partnered: of the "
                    + "answers given.")
            if let line = notAnsweredLine(pack) { doc.paragraph(line) }
        }

        doc.heading(3, "Most common traps")
        guard !report.traps.isEmpty else {
            doc.paragraph("No traps hit.")
            return
        }
        for trap in report.traps.prefix(5) {
            doc.paragraph(
                "\(trap.trap.rawValue): \(ReportFormatting.plural(trap.count, "hit")), "
                    + ReportFormatting.plural(trap.participants, "participant") + ". " + trap.trap.explanation)
            doc.bullets(trap.examples.map { "\"\($0)\"" })
        }
    }

    /// "75% of 4": the share rests on the answers given, which for a scenario item are several a person.
    static func partnered(_ answers: StanceCounts) -> String {
        answers.total == 0 ? "–" : ReportFormatting.percent(answers) + " of \(answers.total)"
    }

    /// "Not answered: rw-progress 1 skipped; closing-practice 1 not reached. ...", or nil when everyone
    /// answered every item. Not reached: the participant's drill ended (they quit, the input ran out) on
    /// the item or before it, which the facilitator reads differently from a participant's `:skip`.
    static func notAnsweredLine(_ pack: ClassReport.PackReport) -> String? {
        var items: [String] = []
        var anyNotReached = false
        for item in pack.items {
            let notReached = max(0, pack.participants - item.answered - item.skipped)
            var parts: [String] = []
            if item.skipped > 0 { parts.append("\(item.skipped) skipped") }
            if notReached > 0 { parts.append("\(notReached) not reached") }
            anyNotReached = anyNotReached || notReached > 0
            if !parts.isEmpty { items.append(item.id + " " + parts.joined(separator: ", ")) }
        }
        guard !items.isEmpty else { return nil }
        return "Not answered: " + items.joined(separator: "; ")
            + (anyNotReached ? ". Not reached: the drill ended on the item or before it." : ".")
    }

    static func summary(_ report: ClassReport) -> String {
        let scored = report.packs.reduce(0) { $0 + $1.scored }
        let passed = report.packs.reduce(0) { $0 + $1.passed }
        let rate = scored == 0 ? "–" : ReportFormatting.percent(Double(passed) / Double(scored), of: scored)
        return ReportFormatting.plural(report.participants.count, "participant") + " · "
            + ReportFormatting.plural(report.packs.count, "pack") + " · pass rate \(rate) "
            + "(\(passed) of \(scored) scored runs passed; one run per participant and pack: the latest scored one)."
    }
}
