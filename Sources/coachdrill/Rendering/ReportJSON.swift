import CoachDrillCore

/// The whole report as one JSON object, for other tools. Counts are exact; rates are fractions rounded to
/// four places. Field names follow the transcript schema's snake_case.
enum ReportJSON {
    static let formatVersion = 1

    static func render(_ report: Report) -> String {
        var fields: [(String, JSONDocument)] = [
            ("report_version", .int(formatVersion)),
            ("trainee", .optional(report.trainee)),
            ("sessions", .int(report.sessions.count)),
            ("interrupted_sessions", .int(report.partialSessions)),
            ("totals", counts(report.totals)),
            ("markers", .array(report.markers.map(marker))),
            (
                "trainees",
                .array(
                    report.trainees.map { trainee in
                        .object([
                            ("name", .string(trainee.name)),
                            ("sessions", .int(trainee.sessions)),
                            ("interrupted_sessions", .int(trainee.partialSessions)),
                            ("totals", counts(trainee.totals)),
                            ("markers", .array(trainee.markers.map(marker))),
                            ("traps", .array(trainee.traps.map(trap))),
                        ])
                    })
            ),
            ("traps", .array(report.traps.map(trap))),
            (
                "scenarios",
                .array(
                    report.scenarios.map { scenario in
                        .object([
                            ("id", .string(scenario.id)),
                            ("sessions", .int(scenario.sessions)),
                            ("totals", counts(scenario.totals)),
                            (
                                "beats",
                                .array(
                                    scenario.beats.map { beat in
                                        .object([
                                            ("beat", .string(beat.beat)),
                                            ("answers", counts(beat.counts)),
                                            ("top_trap", .optional(beat.topTrap?.rawValue)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            (
                "trend",
                .array(
                    report.trend.map { point in
                        .object([
                            (report.trainee == nil ? "day" : "started", .string(point.label)),
                            ("scenario", .optional(point.scenario)),
                            ("sessions", .int(point.sessions)),
                            ("answers", counts(point.counts)),
                        ])
                    })
            ),
        ]
        if let classReport = report.classReport { fields.append(("class", ClassJSON.object(classReport))) }
        return JSONDocument.object(fields).rendered()
    }

    static func counts(_ counts: StanceCounts) -> JSONDocument {
        .object([
            ("partnered", .int(counts.partnered)),
            ("advised", .int(counts.advised)),
            ("neutral", .int(counts.neutral)),
            ("total", .int(counts.total)),
            ("partner_rate", .rate(counts.partnerRate)),
            ("advise_rate", .rate(counts.adviseRate)),
        ])
    }

    static func marker(_ row: MarkerCounts) -> JSONDocument {
        .object([("marker", .string(row.marker.id)), ("name", .string(row.marker.shortName)), ("answers", counts(row.counts))])
    }

    static func trap(_ count: TrapCount) -> JSONDocument {
        .object([
            ("trap", .string(count.trap.rawValue)),
            ("hits", .int(count.count)),
            ("sessions", .int(count.sessions)),
            ("trainees", .int(count.trainees)),
        ])
    }
}
