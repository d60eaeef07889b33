import CoachDrillCore

/// The class report part of `ReportJSON`.
enum ClassJSON {
    static func object(_ report: ClassReport) -> JSONDocument {
        .object([
            (
                "participants",
                .array(
                    report.participants.map { person in
                        .object([
                            ("number", .int(person.number)),
                            ("name", .string(person.name)),
                            ("totals", ReportJSON.counts(person.totals)),
                            ("markers", .array(person.markers.map(ReportJSON.marker))),
                            ("packs", .int(person.packs)),
                            ("scored", .int(person.scored)),
                            ("passed", .int(person.passed)),
                            ("items_passed", .int(person.itemsPassed)),
                            ("items", .int(person.items)),
                        ])
                    })
            ),
            (
                "packs",
                .array(
                    report.packs.map { pack in
                        .object([
                            ("id", .string(pack.id)),
                            ("participants", .int(pack.participants)),
                            ("scored", .int(pack.scored)),
                            ("passed", .int(pack.passed)),
                            ("pass_rate", pack.passRate.map(JSONDocument.rate) ?? .null),
                            ("items", .array(pack.items.map(item))),
                        ])
                    })
            ),
            (
                "traps",
                .array(
                    report.traps.map { trap in
                        .object([
                            ("trap", .string(trap.trap.rawValue)),
                            ("hits", .int(trap.count)),
                            ("participants", .int(trap.participants)),
                            ("examples", .array(trap.examples.map(JSONDocument.string))),
                        ])
                    })
            ),
        ])
    }

    private static func item(_ item: ClassReport.ItemReport) -> JSONDocument {
        .object([
            ("index", .int(item.index)),
            ("id", .string(item.id)),
            ("kind", .optional(item.kind?.rawValue)),
            ("target", .optional(item.target?.id)),
            ("finished", .int(item.attempts)),
            ("answered", .int(item.answered)),
            ("skipped", .int(item.skipped)),
            ("passed", .int(item.passed)),
            ("pass_rate", item.passRate.map(JSONDocument.rate) ?? .null),
            ("overtime", .int(item.overtime)),
            ("answers", ReportJSON.counts(item.answers)),
        ])
    }
}
