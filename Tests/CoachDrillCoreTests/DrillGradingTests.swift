import CoachDrillCore
import XCTest

/// What passes in a drill: one-answer items, scenario items, and the pack as a whole.
final class DrillGradingTests: XCTestCase {
    private func answer(_ marker: Marker?, _ stance: Stance) -> Assessment {
        Assessment(text: "x", marker: marker, stance: stance, hits: [], traps: [], stanceEvidence: [], suggestion: nil)
    }

    private let scenario = Scenario(
        id: "s", title: "S", persona: Persona(name: "Kim"), start: "a",
        beats: [Beat(id: "a", client: ["Hi."]), Beat(id: "warm", client: ["Thanks."], end: true)])

    func testOneAnswerItemsNeedTheTargetMarkerAndPartnering() {
        XCTAssertTrue(DrillGrading.passes(answer(.accountability, .partner), target: .accountability))
        XCTAssertFalse(DrillGrading.passes(answer(.accountability, .advise), target: .accountability))
        XCTAssertFalse(DrillGrading.passes(answer(.design, .partner), target: .accountability), "another marker")
        XCTAssertFalse(DrillGrading.passes(answer(nil, .neutral), target: .accountability))
    }

    private func answer(_ primary: Marker, _ stance: Stance, secondary: MarkerHit) -> Assessment {
        Assessment(
            text: "x", marker: primary, stance: stance,
            hits: [MarkerHit(marker: primary, stance: stance, score: 1, evidence: []), secondary], traps: [],
            stanceEvidence: [], suggestion: nil)
    }

    /// The case: a celebration that also asks about the learning was read 8.4 first, and failed
    /// the 8.8 item although it partnered on 8.8 too.
    func testAStrongSecondaryReadingOfTheTargetPasses() {
        let strong = answer(.application, .partner, secondary: MarkerHit(marker: .celebration, stance: .partner, score: 0.62, evidence: []))
        XCTAssertEqual(DrillGrading.reading(strong, target: .celebration), .strong(score: 0.62))
        XCTAssertTrue(DrillGrading.passes(strong, target: .celebration))
        XCTAssertEqual(DrillGrading.reading(strong, target: .application), .primary)

        let atTheLine = answer(.application, .partner, secondary: MarkerHit(marker: .celebration, stance: .partner, score: 0.5, evidence: []))
        XCTAssertTrue(DrillGrading.passes(atTheLine, target: .celebration), "0.50 counts")
        let weak = answer(.application, .partner, secondary: MarkerHit(marker: .celebration, stance: .partner, score: 0.49, evidence: []))
        XCTAssertNil(DrillGrading.reading(weak, target: .celebration), "under 0.50 is a passing mention")
        let advisedReading = answer(.application, .partner, secondary: MarkerHit(marker: .celebration, stance: .advise, score: 0.9, evidence: []))
        XCTAssertFalse(DrillGrading.passes(advisedReading, target: .celebration), "the reading itself must partner")
        let advisedAnswer = answer(.application, .advise, secondary: MarkerHit(marker: .celebration, stance: .partner, score: 0.9, evidence: []))
        XCTAssertFalse(DrillGrading.passes(advisedAnswer, target: .celebration), "the answer as a whole must partner")
    }

    func testTheContextStandsAtTheTargetsMoment() {
        let context = DrillGrading.context(target: .design, clientLine: "So what now?", exemplar: "What next?")
        XCTAssertEqual(context.expects, [.design])
        XCTAssertEqual(context.evidenced, [.progress, .learningSelf, .learningSituation, .application])
        XCTAssertEqual(context.exemplar, "What next?")
        XCTAssertEqual(DrillGrading.context(target: .progress, clientLine: nil, exemplar: nil).evidenced, [])
    }

    /// An 8.5 answer in a drill is not "rushing to action": the learning markers count as explored.
    func testDesignAnswerIsNotCalledRushing() {
        let context = DrillGrading.context(target: .design, clientLine: "So what do I do about it?", exemplar: nil)
        let verdict = Assessor().assess("What would you like to do between now and our next session?", context: context)
        XCTAssertEqual(verdict.marker, .design)
        XCTAssertEqual(verdict.stance, .partner)
        XCTAssertFalse(verdict.traps.contains(.rushingToAction))
    }

    func testScenarioItemsNeedAnEndingAndEveryGivenCriterion() {
        let good = [answer(.progress, .partner), answer(.closing, .partner), answer(.design, .advise)]
        // Neither criterion given: 60% partnering, and an ending.
        XCTAssertTrue(DrillGrading.passes(ScenarioTask(scenario: scenario), answers: good, endedOn: "warm"))
        XCTAssertFalse(DrillGrading.passes(ScenarioTask(scenario: scenario), answers: good, endedOn: nil), "left early")
        XCTAssertFalse(
            DrillGrading.passes(ScenarioTask(scenario: scenario), answers: [], endedOn: "warm"), "no answers")
        // Only an ending: any share of partnering will do.
        let endOnly = ScenarioTask(scenario: scenario, endBeats: ["warm"])
        XCTAssertTrue(DrillGrading.passes(endOnly, answers: [answer(.design, .advise)], endedOn: "warm"))
        XCTAssertFalse(DrillGrading.passes(endOnly, answers: good, endedOn: "flat"))
        // Both: both must hold.
        let both = ScenarioTask(scenario: scenario, minimumPartnerRate: 0.7, endBeats: ["warm"])
        XCTAssertFalse(DrillGrading.passes(both, answers: good, endedOn: "warm"), "67% is under 70%")
        XCTAssertTrue(DrillGrading.passes(both, answers: good + [answer(.celebration, .partner)], endedOn: "warm"))
    }

    func testPackPassNeedsTheShareAndTheRequiredMarkers() {
        let items = (0..<10).map {
            DrillItem(
                id: "i\($0)", kind: .quickFire(QuickFireTask(client: "c", target: .closing)), timeLimitSeconds: 60)
        }
        let pack = DrillPack(
            id: "p", title: "P", pass: DrillPassCriteria(minimumItemShare: 0.7, requiredMarkers: [.closing]),
            items: items)
        func outcome(_ index: Int, _ passed: Bool) -> DrillItemOutcome {
            DrillItemOutcome(
                index: index, answers: [answer(.closing, passed ? .partner : .advise)], elapsedSeconds: 1,
                passed: passed)
        }
        let seven = DrillResult(pack: pack, outcomes: (0..<10).map { outcome($0, $0 < 7) })
        XCTAssertEqual(seven.itemsPassed, 7)
        XCTAssertTrue(seven.passed, "exactly 70% passes")
        let six = DrillResult(pack: pack, outcomes: (0..<10).map { outcome($0, $0 < 6) })
        XCTAssertFalse(six.passed)
        let unreached = DrillResult(pack: pack, outcomes: (0..<7).map { outcome($0, true) })
        XCTAssertEqual(unreached.itemShare, 0.7, accuracy: 1e-9, "items never reached count as not passed")
        XCTAssertEqual(seven.markerSummaries.map(\.marker), [.closing])
        XCTAssertEqual(seven.markerSummaries.first?.items, 10)
        XCTAssertEqual(seven.markerSummaries.first?.itemsPassed, 7)
        XCTAssertEqual(seven.markerSummaries.first?.advised, 3)

        var strict = pack
        strict.pass.requiredMarkers = [.closing, .accountability]
        let missing = DrillResult(pack: strict, outcomes: (0..<10).map { outcome($0, true) })
        XCTAssertEqual(missing.missingMarkers, [.accountability])
        XCTAssertFalse(missing.passed, "every item passed, but 8.7 was never partnered")
    }

    func testOvertimeIsOverTheLimitOnly() {
        let outcome = DrillItemOutcome(index: 0, answers: [], elapsedSeconds: 60, passed: true)
        XCTAssertFalse(outcome.overtime(limit: 60))
        XCTAssertTrue(DrillItemOutcome(index: 0, answers: [], elapsedSeconds: 60.2, passed: true).overtime(limit: 60))
    }
}
