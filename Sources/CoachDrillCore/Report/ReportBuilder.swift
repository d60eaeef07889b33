/// Folds transcripts into a `Report`, one at a time, so a report over thousands of files never holds
/// them all (drill runs are the exception: the class report needs each participant's chosen run).
///
/// The result does not depend on the order transcripts are added in: everything is sorted on `build()`.
public struct ReportBuilder: Sendable {
    /// Only the sessions of trainees this matches count (`report --trainee`).
    public let trainee: TraineeQuery?
    /// Replace every name with "Participant N" (N by alphabetical order of the names).
    public let anonymize: Bool

    private var sessions: [SessionSummary] = []
    private var totals = StanceCounts()
    private var markers = Array(repeating: StanceCounts(), count: Marker.allCases.count)
    private var trainees: [String: TraineeTally] = [:]
    private var traps: [Trap: TrapTally] = [:]
    private var scenarios: [String: ScenarioTally] = [:]
    private var drillRuns: [DrillKey: Transcript] = [:]

    public init(trainee: TraineeQuery? = nil, anonymize: Bool = false) {
        self.trainee = trainee
        self.anonymize = anonymize
    }

    /// Whether a transcript passes the `--trainee` filter.
    public func includes(_ transcript: Transcript) -> Bool {
        trainee.map { $0.match(transcript.header.trainee) != nil } ?? true
    }

    /// The names of the trainees folded so far (trimmed, as the report shows them), for choosing among the
    /// people a `--trainee` query matched.
    public var traineeNames: [String] {
        trainees.keys.sorted()
    }

    public mutating func add(_ transcript: Transcript) {
        guard includes(transcript) else { return }
        let header = transcript.header
        let name = TraineeQuery.trimmed(header.trainee)
        var counts = StanceCounts()
        var trainee = trainees[name] ?? TraineeTally()
        var scenario = scenarios[header.scenario] ?? ScenarioTally()
        var trapsHere: Set<Trap> = []
        var responseSeconds = 0.0

        for turn in transcript.turns {
            let assessment = turn.assessment
            counts.add(assessment.stance)
            if let marker = assessment.marker {
                markers[marker.ordinal].add(assessment.stance)
                trainee.markers[marker.ordinal].add(assessment.stance)
            }
            scenario.beats[turn.beat, default: BeatTally()].counts.add(assessment.stance)
            for trap in assessment.traps {
                traps[trap, default: TrapTally()].count += 1
                trainee.traps[trap, default: TrapTally()].count += 1
                scenario.beats[turn.beat, default: BeatTally()].traps[trap, default: 0] += 1
                trapsHere.insert(trap)
            }
            responseSeconds += turn.responseSeconds ?? 0
        }
        for trap in trapsHere {
            traps[trap, default: TrapTally()].sessions += 1
            traps[trap, default: TrapTally()].trainees.insert(name)
            trainee.traps[trap, default: TrapTally()].sessions += 1
        }
        totals.add(counts)
        trainee.totals.add(counts)
        trainee.sessions += 1
        if transcript.isPartial { trainee.partialSessions += 1 }
        scenario.sessions += 1
        scenario.totals.add(counts)
        trainees[name] = trainee
        scenarios[header.scenario] = scenario

        sessions.append(
            SessionSummary(
                trainee: name, scenario: header.scenario, mode: header.mode, started: header.started,
                ended: transcript.end?.ended ?? "", reason: transcript.end?.reason, run: header.run, counts: counts,
                responseSeconds: responseSeconds, result: transcript.end?.result, items: transcript.items))

        if header.mode == .drill {
            let key = DrillKey(trainee: name, pack: header.pack ?? header.scenario)
            if let kept = drillRuns[key], !Self.prefer(transcript, over: kept) { return }
            drillRuns[key] = transcript
        }
    }

    /// Adds everything another builder (with the same options) has folded, so transcripts can be read
    /// on several cores, each into its own builder, and combined at the end.
    public mutating func merge(_ other: ReportBuilder) {
        sessions.append(contentsOf: other.sessions)
        totals.add(other.totals)
        for index in markers.indices { markers[index].add(other.markers[index]) }
        trainees.merge(other.trainees) { $0.merged($1) }
        traps.merge(other.traps) { $0.merged($1) }
        scenarios.merge(other.scenarios) { $0.merged($1) }
        drillRuns.merge(other.drillRuns) { kept, candidate in Self.prefer(candidate, over: kept) ? candidate : kept }
    }

    public func build() -> Report {
        let labels = participantLabels()
        let label = { (name: String) in labels[name]?.label ?? name }
        let orderedSessions = sessions.map { session in
            var session = session
            session.trainee = label(session.trainee)
            return session
        }.sorted { ($0.started, $0.trainee, $0.scenario, $0.run ?? "") < ($1.started, $1.trainee, $1.scenario, $1.run ?? "") }

        // In name order (the participant numbers follow it), which also keeps "Participant 10" after 9.
        let traineeReports = trainees.sorted { (labels[$0.key]?.number ?? 0) < (labels[$1.key]?.number ?? 0) }.map { name, tally in
            TraineeReport(
                name: label(name), sessions: tally.sessions, partialSessions: tally.partialSessions, totals: tally.totals,
                markers: Self.markerCounts(tally.markers),
                traps: Self.trapCounts(tally.traps.mapValues { TrapTally(count: $0.count, sessions: $0.sessions, trainees: [name]) }))
        }

        let scenarioReports = scenarios.map { id, tally in
            ScenarioReport(
                id: id, sessions: tally.sessions, totals: tally.totals,
                beats: tally.beats.map { beat, beatTally in
                    BeatReport(
                        beat: beat, counts: beatTally.counts,
                        topTrap: beatTally.traps.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key)
                }.sorted {
                    ($1.counts.advised, $1.counts.adviseRate, $0.beat) < ($0.counts.advised, $0.counts.adviseRate, $1.beat)
                })
        }.sorted { $0.id < $1.id }

        return Report(
            trainee: trainee.map { traineeReports.first?.name ?? $0.text }, sessions: orderedSessions,
            totals: totals, markers: Self.markerCounts(markers), trainees: traineeReports, traps: Self.trapCounts(traps),
            scenarios: scenarioReports, trend: trend(orderedSessions),
            classReport: drillRuns.isEmpty ? nil : classReport(labels: labels))
    }

    // MARK: Parts

    private func trend(_ sessions: [SessionSummary]) -> [TrendPoint] {
        if trainee != nil {
            return sessions.map { TrendPoint(label: $0.started, scenario: $0.scenario, sessions: 1, counts: $0.counts) }
        }
        var days: [String: TrendPoint] = [:]
        for session in sessions {
            let day = String(session.started.prefix(10))
            days[day, default: TrendPoint(label: day, scenario: nil, sessions: 0, counts: StanceCounts())].sessions += 1
            days[day]?.counts.add(session.counts)
        }
        return days.values.sorted { $0.label < $1.label }
    }

    /// Every trainee numbered by name; the label is the name itself unless anonymising.
    private func participantLabels() -> [String: (number: Int, label: String)] {
        let names = trainees.keys.map { ($0.lowercased(), $0) }.sorted { $0 < $1 }.map(\.1)
        var labels: [String: (number: Int, label: String)] = [:]
        for (index, name) in names.enumerated() {
            labels[name] = (index + 1, anonymize ? "Participant \(index + 1)" : name)
        }
        return labels
    }

    private func classReport(labels: [String: (number: Int, label: String)]) -> ClassReport {
        let anonymizer = Anonymizer(participants: labels.map { ($0.key, "Participant \($0.value.number)") })
        let runs = drillRuns.sorted { ($0.key.trainee, $0.key.pack) < ($1.key.trainee, $1.key.pack) }

        var participants: [String: ClassReport.Participant] = [:]
        var packs: [String: PackTally] = [:]
        var trapTallies: [Trap: ClassTrapTally] = [:]

        for (key, run) in runs {
            let number = labels[key.trainee]?.number ?? 0
            var person = participants[key.trainee] ?? ClassReport.Participant(
                number: number, name: labels[key.trainee]?.label ?? key.trainee, markers: MarkerCounts.empty,
                totals: StanceCounts(), packs: 0, scored: 0, passed: 0, itemsPassed: 0, items: 0, runs: [])
            var pack = packs[key.pack] ?? PackTally()
            person.packs += 1
            pack.participants += 1
            if let result = run.end?.result {
                person.scored += 1
                pack.scored += 1
                if result.passed {
                    person.passed += 1
                    pack.passed += 1
                }
            }
            for turn in run.turns {
                let assessment = turn.assessment
                person.totals.add(assessment.stance)
                if let marker = assessment.marker { person.markers[marker.ordinal].counts.add(assessment.stance) }
                if let index = turn.item {
                    pack.items[index, default: ItemTally()].answers.add(assessment.stance)
                    if pack.items[index]?.target == nil { pack.items[index]?.target = turn.target }
                }
                for trap in assessment.traps {
                    // The `default:` subscript mutates in place; `dict[key]?.lines.append` copied the array
                    // on every hit, which made a 200-person class report quadratic.
                    trapTallies[trap, default: ClassTrapTally()].count += 1
                    trapTallies[trap, default: ClassTrapTally()].people.insert(key.trainee)
                    trapTallies[trap, default: ClassTrapTally()].lines.append((number, assessment.text))
                }
            }
            // An unanswered item the run went on from was skipped; one it ended on was cut off. The run went
            // on when a later item started (its client line, answer or end), or when the drill completed.
            let answeredItems = Set(run.turns.lazy.compactMap(\.item))
            let furthestItem = max(
                run.clientLines.lazy.compactMap(\.item).max() ?? -1, run.items.lazy.map(\.item).max() ?? -1,
                answeredItems.max() ?? -1)
            for item in run.items {
                var tally = pack.items[item.item] ?? ItemTally()
                if tally.id == nil {
                    tally.id = item.id
                    tally.kind = item.kind
                }
                tally.attempts += 1
                if answeredItems.contains(item.item) {
                    tally.answered += 1
                } else if item.item < furthestItem || run.end?.reason == .completed {
                    tally.skipped += 1
                }
                if item.passed { tally.passed += 1 }
                if item.overtime { tally.overtime += 1 }
                pack.items[item.item] = tally
            }
            person.runs.append(Self.classRun(key.pack, run))
            participants[key.trainee] = person
            packs[key.pack] = pack
        }
        // Every run gets a row for every item of its pack, named as the class saw it, reached or not.
        for name in Array(participants.keys) {
            guard var person = participants[name] else { continue }
            for index in person.runs.indices {
                let run = person.runs[index]
                let tally = packs[run.pack]
                let seen = (tally?.items.keys.max() ?? -1) + 1
                let count = max(run.items, seen, (run.rows.map(\.index).max() ?? -1) + 1)
                let reached = Dictionary(run.rows.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
                person.runs[index].items = count
                person.runs[index].rows = (0..<count).map { item in
                    if var row = reached[item] {
                        if row.target == nil { row.target = tally?.items[item]?.target }
                        return row
                    }
                    return ClassRun.Row(
                        index: item, id: tally?.items[item]?.id ?? "item \(item + 1)", kind: tally?.items[item]?.kind,
                        target: tally?.items[item]?.target, stance: nil, answers: 0, passed: false, seconds: nil,
                        overtime: false, reached: false)
                }
            }
            person.itemsPassed = person.runs.reduce(0) { $0 + $1.itemsPassed }
            person.items = person.runs.reduce(0) { $0 + $1.items }
            participants[name] = person
        }

        let trapReports = trapTallies.map { trap, tally in
            ClassReport.ClassTrap(
                trap: trap, count: tally.count, participants: tally.people.count,
                examples: Self.examples(tally.lines, anonymizer: anonymizer))
        }.sorted { ($1.count, $0.trap.rawValue) < ($0.count, $1.trap.rawValue) }

        return ClassReport(
            participants: participants.values.sorted { $0.number < $1.number },
            packs: packs.map { id, tally in
                ClassReport.PackReport(
                    id: id, participants: tally.participants, scored: tally.scored, passed: tally.passed,
                    items: tally.items.map { index, item in
                        ClassReport.ItemReport(
                            index: index, id: item.id ?? "item \(index + 1)", kind: item.kind, target: item.target,
                            attempts: item.attempts, answered: item.answered, skipped: item.skipped,
                            passed: item.passed, overtime: item.overtime, answers: item.answers)
                    }.sorted { $0.index < $1.index })
            }.sorted { $0.id < $1.id },
            traps: trapReports)
    }

    /// A run item by item, as its item events and answers record it.
    private static func classRun(_ pack: String, _ run: Transcript) -> ClassRun {
        var answers: [Int: [TranscriptTurn]] = [:]
        for turn in run.turns { if let item = turn.item { answers[item, default: []].append(turn) } }
        let rows = run.items.sorted { $0.item < $1.item }.map { item in
            let given = answers[item.item] ?? []
            let oneAnswer = item.kind == .quickFire || item.kind == .rewrite
            return ClassRun.Row(
                index: item.item, id: item.id, kind: item.kind, target: given.first?.target,
                stance: oneAnswer ? given.first?.assessment.stance : nil, answers: given.count, passed: item.passed,
                seconds: item.elapsedSeconds, overtime: item.overtime, reached: true)
        }
        let passedItems = rows.filter(\.passed).count
        return ClassRun(
            pack: pack, passed: run.end?.result?.passed, itemsPassed: run.end?.result?.itemsPassed ?? passedItems,
            items: run.end?.result?.items ?? rows.count, seconds: rows.reduce(0) { $0 + ($1.seconds ?? 0) }, rows: rows)
    }

    /// Up to three distinct example lines, one per participant first, so one person's habit is not the
    /// room's example.
    private static func examples(_ lines: [(Int, String)], anonymizer: Anonymizer) -> [String] {
        let ordered = lines.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)
        var chosen: [String] = []
        var people: Set<Int> = []
        // A room repeats itself: look at each distinct answer once, and stop at three.
        var looked: Set<String> = []
        for pass in 0..<2 {
            for (person, text) in ordered {
                if chosen.count == 3 { return chosen }
                if pass == 0, people.contains(person) { continue }
                guard looked.insert(text).inserted else { continue }
                let clean = anonymizer.clean(text)
                if chosen.contains(clean) { continue }
                chosen.append(clean)
                people.insert(person)
            }
        }
        return chosen
    }

    private static func markerCounts(_ counts: [StanceCounts]) -> [MarkerCounts] {
        zip(Marker.allCases, counts).map { MarkerCounts(marker: $0, counts: $1) }
    }

    private static func trapCounts(_ tallies: [Trap: TrapTally]) -> [TrapCount] {
        tallies.map { TrapCount(trap: $0.key, count: $0.value.count, sessions: $0.value.sessions, trainees: $0.value.trainees.count) }
            .sorted { ($1.count, $0.trap.rawValue) < ($0.count, $1.trap.rawValue) }
    }

    /// Whether `candidate` should stand for its participant and pack instead of `kept`: a scored run (one
    /// with a result) beats one killed before it had one, then the later one wins.
    private static func prefer(_ candidate: Transcript, over kept: Transcript) -> Bool {
        let candidateKey = (candidate.end?.result != nil ? 1 : 0, candidate.header.started, candidate.header.run ?? "")
        let keptKey = (kept.end?.result != nil ? 1 : 0, kept.header.started, kept.header.run ?? "")
        return candidateKey > keptKey
    }
}

// MARK: Running tallies

private struct TraineeTally: Sendable {
    var sessions = 0
    var partialSessions = 0
    var totals = StanceCounts()
    var markers = Array(repeating: StanceCounts(), count: Marker.allCases.count)
    var traps: [Trap: TrapTally] = [:]

    func merged(_ other: TraineeTally) -> TraineeTally {
        var out = self
        out.sessions += other.sessions
        out.partialSessions += other.partialSessions
        out.totals.add(other.totals)
        for index in out.markers.indices { out.markers[index].add(other.markers[index]) }
        out.traps.merge(other.traps) { $0.merged($1) }
        return out
    }
}

private struct TrapTally: Sendable {
    var count = 0
    var sessions = 0
    var trainees: Set<String> = []

    func merged(_ other: TrapTally) -> TrapTally {
        TrapTally(count: count + other.count, sessions: sessions + other.sessions, trainees: trainees.union(other.trainees))
    }
}

private struct ScenarioTally: Sendable {
    var sessions = 0
    var totals = StanceCounts()
    var beats: [String: BeatTally] = [:]

    func merged(_ other: ScenarioTally) -> ScenarioTally {
        var out = self
        out.sessions += other.sessions
        out.totals.add(other.totals)
        out.beats.merge(other.beats) { first, second in
            var beat = first
            beat.counts.add(second.counts)
            beat.traps.merge(second.traps, uniquingKeysWith: +)
            return beat
        }
        return out
    }
}

private struct BeatTally: Sendable {
    var counts = StanceCounts()
    var traps: [Trap: Int] = [:]
}

private struct ClassTrapTally {
    var count = 0
    var people: Set<String> = []
    /// (participant number, answer) for every hit, for picking examples.
    var lines: [(Int, String)] = []
}

private struct DrillKey: Hashable, Sendable {
    var trainee: String
    var pack: String
}

private struct PackTally {
    var participants = 0
    var scored = 0
    var passed = 0
    var items: [Int: ItemTally] = [:]
}

private struct ItemTally {
    var id: String?
    var kind: TranscriptItem.Kind?
    var target: Marker?
    var attempts = 0
    var answered = 0
    var skipped = 0
    var passed = 0
    var overtime = 0
    var answers = StanceCounts()
}
