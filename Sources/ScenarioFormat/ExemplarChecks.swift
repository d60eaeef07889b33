import CoachDrillCore

/// Checks that each beat's exemplar, the line offered as `Try`, is judged the way the beat means it
/// (`exemplar-misjudged`): partnering on a marker the beat expects, with no trap, judged in the beat's own
/// context (its opening line as what the client just said). A warning, run once a file has no errors: the
/// assessor improves over time, and a scenario keeps loading while its author rewords a line (as for drill
/// packs, CD038).
struct ExemplarChecks {
    var scenario: Scenario
    var sourceMap: ScenarioSourceMap
    var path: String

    func run() -> [Diagnostic] {
        let assessor = Assessor()
        return scenario.beats.filter { !$0.end }.flatMap { misjudgedExemplar($0, assessor: assessor) }
    }

    func misjudgedExemplar(_ beat: Beat, assessor: Assessor) -> [Diagnostic] {
        guard let exemplar = beat.exemplar, let place = sourceMap.beats[beat.id]?.exemplar else { return [] }
        // Judged after each of the beat's opening lines: the seed picks which one the trainee hears.
        let verdicts = (beat.client.isEmpty ? [""] : beat.client).map { line in
            assessor.assess(
                exemplar,
                context: AssessmentContext(clientLine: line, expects: beat.expects, turn: 1, exemplar: exemplar))
        }
        func onExpected(_ verdict: Assessment) -> Bool {
            verdict.marker.map { beat.expects.isEmpty || beat.expects.contains($0) } ?? false
        }
        guard let verdict = verdicts.first(where: { $0.stance != .partner || !onExpected($0) || !$0.traps.isEmpty })
        else { return [] }
        let onExpected = onExpected(verdict)
        var problems: [String] = []
        if verdict.stance != .partner || !onExpected {
            problems.append("is judged \(DrillPackChecks.describe(verdict))")
        }
        if !verdict.traps.isEmpty {
            problems.append("falls into \(verdict.traps.map(\.rawValue).joined(separator: ", "))")
        }
        let wanted = beat.expects.isEmpty ? "partner" : "partner on " + beat.expects.map(\.id).joined(separator: " or ")
        return [
            Diagnostic(
                .exemplarMisjudged,
                "the exemplar of beat '\(beat.id)' \(problems.joined(separator: " and ")); it should be \(wanted), with no trap",
                at: place.location, length: place.length,
                help: "the exemplar is offered as the line to try; reword it until "
                    + "`coachdrill explain \"...\" --scenario \(path) --beat \(beat.id)` judges it \(wanted), with no trap")
        ]
    }
}
