import CoachDrillCore

/// Checks on the shape of the conversation as a whole: which beats can be reached, which can reach an end,
/// and whether the branches can tell apart what a beat expects. Run only on a scenario that decoded without
/// errors (a wrong goto would otherwise make its intended target look unreachable). All are warnings.
struct ScenarioFlowChecks {
    var scenario: Scenario
    var sourceMap: ScenarioSourceMap
    var path: String

    func run() -> [Diagnostic] {
        unreachableBeats() + beatsThatCannotEnd() + unsatisfiableExpects() + unheardOpenings()
            + ThinRepliesCheck(scenario: scenario, sourceMap: sourceMap, path: path).run()
    }

    /// Beat ids each beat can go to next (a branch with no goto stays).
    private var successors: [String: [String]] {
        var result: [String: [String]] = [:]
        for beat in scenario.beats {
            result[beat.id] = beat.branches.map { $0.goto ?? beat.id }
        }
        return result
    }

    private func reachable(from start: [String], edges: [String: [String]]) -> Set<String> {
        var seen = Set(start)
        var queue = start
        while let next = queue.popLast() {
            for target in edges[next] ?? [] where seen.insert(target).inserted {
                queue.append(target)
            }
        }
        return seen
    }

    private func place(_ beatID: String) -> (SourceLocation, Int) {
        let places = sourceMap.beats[beatID]
        return (places?.key ?? .file(path), places?.keyLength ?? 1)
    }

    func unreachableBeats() -> [Diagnostic] {
        let seen = reachable(from: [scenario.start], edges: successors)
        return scenario.beats.filter { !seen.contains($0.id) }.map { beat in
            let (location, length) = place(beat.id)
            return Diagnostic(
                .unreachableBeat, "beat '\(beat.id)' can never be reached from the start beat '\(scenario.start)'",
                at: location, length: length,
                help: "add a branch with `goto: \(beat.id)` to a beat that comes before it, or remove the beat")
        }
    }

    func beatsThatCannotEnd() -> [Diagnostic] {
        let ends = scenario.beats.filter(\.end).map(\.id)
        let forward = reachable(from: [scenario.start], edges: successors)
        if ends.isEmpty {
            let (location, length) = place(scenario.start)
            return [
                Diagnostic(
                    .noEndReachable, "no beat is marked `end: true`, so a session can only stop when the trainee quits",
                    at: location, length: length,
                    help: "add a closing beat with a client line and `end: true`, and a branch that goes to it")
            ]
        }
        var reverse: [String: [String]] = [:]
        for (from, targets) in successors {
            for target in targets { reverse[target, default: []].append(from) }
        }
        let canEnd = reachable(from: ends, edges: reverse)
        return scenario.beats.filter { forward.contains($0.id) && !canEnd.contains($0.id) }.map { beat in
            let (location, length) = place(beat.id)
            return Diagnostic(
                .noEndReachable, "no end beat can be reached from beat '\(beat.id)'", at: location, length: length,
                help: "once here the session can only stop when the trainee quits; give one of its branches a way "
                    + "toward an end beat")
        }
    }

    /// Beats whose opening line is never said: every branch into them (from another beat) leads in.
    func unheardOpenings() -> [Diagnostic] {
        var into: [String: [Branch]] = [:]
        for beat in scenario.beats {
            for branch in beat.branches {
                if let target = branch.goto, target != beat.id { into[target, default: []].append(branch) }
            }
        }
        return scenario.beats.filter { beat in
            guard beat.id != scenario.start, !beat.end, let branches = into[beat.id], !branches.isEmpty else {
                return false
            }
            return branches.allSatisfy(\.leadsIn)
        }.map { beat in
            let (location, length) = place(beat.id)
            return Diagnostic(
                .unheardOpening, "the opening line of beat '\(beat.id)' is never said: every branch into it leads in",
                at: location, length: length,
                help: "remove `leads_in: true` from one branch that goes to '\(beat.id)', or drop the beat's line "
                    + "into the replies that lead in")
        }
    }

    func unsatisfiableExpects() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for beat in scenario.beats where !beat.end {
            let conditions = beat.branches.compactMap(\.condition)
            guard !conditions.isEmpty, conditions.allSatisfy({ !$0.markers.isEmpty }) else { continue }
            let tested = Set(conditions.flatMap(\.markers))
            let places = sourceMap.beats[beat.id]?.expects ?? []
            for (index, marker) in beat.expects.enumerated() where !tested.contains(marker) {
                let location = index < places.count ? places[index] : place(beat.id).0
                diagnostics.append(
                    Diagnostic(
                        .unsatisfiableExpects,
                        "beat '\(beat.id)' expects \(marker.id), but no branch tests for it",
                        at: location, length: marker.id.count,
                        help: "add a branch `when: { marker: \(marker.id), stance: partner }`, or remove \(marker.id) "
                            + "from `expects`; as written, a line serving \(marker.id) falls to the default"))
            }
        }
        return diagnostics
    }
}
