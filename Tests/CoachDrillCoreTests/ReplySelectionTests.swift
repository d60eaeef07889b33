import CoachDrillCore
import XCTest

/// Replies keyed by what the coach did, the opening line always heard, and announced endings: the engine fed
/// verdicts directly (`Engine.apply`), so these test the story, not the assessor.
final class ReplySelectionTests: XCTestCase {
    private func judged(
        _ marker: Marker?, _ stance: Stance, traps: [Trap] = [], unclear: Bool = false, secondary: [Marker] = []
    ) -> Assessment {
        let hits = (marker.map { [$0] } ?? []) + secondary
        return Assessment(
            text: "a line", marker: marker, stance: stance,
            hits: hits.map { MarkerHit(marker: $0, stance: stance, score: 1, evidence: []) }, traps: traps,
            stanceEvidence: [], suggestion: nil, unclear: unclear)
    }

    private let keyed = Replies(entries: [
        .init(key: .trap(.coachOwnedAccountability), lines: ["If you text me, I'll probably do it."]),
        .init(key: .advice(.action), lines: ["Another thing for the list, so."]),
        .init(key: .advice(.support), lines: ["Occupational health has a six-week wait."]),
        .init(key: .marker(.closing), lines: ["Are we nearly done?"]),
        .init(key: .unclear, lines: ["Sorry, I drifted. Say that again?"]),
        .init(key: .otherwise, lines: ["Mm. I keep coming back to the rota."]),
    ])

    private func scenario(replies: Replies? = nil, leadsIn: Bool = false, announce: Beat.Announcement = .standard)
        -> Scenario
    {
        Scenario(
            id: "replies", title: "Replies", persona: Persona(name: "Niamh"), start: "open",
            beats: [
                Beat(
                    id: "open", client: ["I'm wrecked."], expects: [.learningSelf],
                    branches: [
                        Branch(condition: Condition(markers: [.learningSelf], stances: [.partner]), client: ["I'm grand, I say."], goto: "next", leadsIn: leadsIn),
                        Branch(condition: Condition(markers: [.closing], stances: [.partner]), goto: "close"),
                        Branch(condition: Condition(advice: [.ending]), client: ["Oh. Okay."], goto: "close"),
                        Branch(condition: Condition(stances: [.advise]), client: replies ?? keyed, goto: "next"),
                        Branch(condition: nil, client: replies ?? keyed),
                    ]),
                Beat(
                    id: "next", client: ["It sounds tiny when I say it."],
                    branches: [
                        Branch(condition: Condition(markers: [.closing], stances: [.partner]), goto: "close"),
                        Branch(condition: Condition(markers: [.design]), client: ["Grand."], goto: "close"),
                        Branch(condition: nil),
                    ]),
                Beat(id: "close", client: ["Thanks. That helped."], end: true, announce: announce),
            ])
    }

    func testTheFirstFittingKeyPicksTheReplies() throws {
        let cases: [(Assessment, String)] = [
            (judged(.accountability, .advise, traps: [.coachOwnedAccountability]), "If you text me, I'll probably do it."),
            (judged(.design, .advise, traps: [.adviceGiving]), "Another thing for the list, so."),
            (judged(.application, .advise), "Another thing for the list, so."),
            (judged(.resources, .advise), "Occupational health has a six-week wait."),
            (judged(.progress, .advise), "Mm. I keep coming back to the rota."),
            (judged(nil, .advise), "Mm. I keep coming back to the rota."),
        ]
        for (assessment, reply) in cases {
            var engine = try Engine(scenario: scenario(), seed: 1)
            let turn = engine.apply(assessment)
            XCTAssertEqual(turn.branchIndex, 3)
            XCTAssertEqual(turn.clientLines.first, reply, "\(assessment.marker?.id ?? "none") \(assessment.stance)")
            XCTAssertEqual(turn.clientLines.last, "It sounds tiny when I say it.", "then the next beat's opening")
        }
    }

    func testMarkerAndUnclearKeysAnswerInTheDefault() throws {
        var engine = try Engine(scenario: scenario(), seed: 1)
        let unclear = engine.apply(judged(nil, .neutral, unclear: true))
        XCTAssertEqual(unclear.branchIndex, 4)
        XCTAssertEqual(unclear.clientLines, ["Sorry, I drifted. Say that again?"], "staying shows only the reply")
        let clear = engine.apply(judged(nil, .neutral))
        XCTAssertEqual(clear.clientLines, ["Mm. I keep coming back to the rota."], "a clear line is never met with confusion")
        XCTAssertEqual(clear.replyIndex, 5)
    }

    func testMarkerConditionsReadThePrimaryMarkerOnly() throws {
        var engine = try Engine(scenario: scenario(), seed: 1)
        let turn = engine.apply(judged(.celebration, .partner, secondary: [.closing]))
        XCTAssertEqual(turn.branchIndex, 4, "a secondary 8.9 reading does not take the closing branch")
        XCTAssertFalse(turn.ended)
        XCTAssertEqual(engine.evidenced, [.celebration], "only the primary marker is credited")
    }

    func testLeadsInLeavesOutTheNextOpening() throws {
        var engine = try Engine(scenario: scenario(leadsIn: true), seed: 1)
        XCTAssertEqual(engine.apply(judged(.learningSelf, .partner)).clientLines, ["I'm grand, I say."])
        var plain = try Engine(scenario: scenario(), seed: 1)
        XCTAssertEqual(
            plain.apply(judged(.learningSelf, .partner)).clientLines, ["I'm grand, I say.", "It sounds tiny when I say it."])
    }

    func testTheCoachClosingEndsAtOnce() throws {
        var engine = try Engine(scenario: scenario(), seed: 1)
        let turn = engine.apply(judged(.closing, .partner))
        XCTAssertTrue(turn.ended)
        XCTAssertNil(turn.announcement)
        XCTAssertEqual(turn.clientLines, ["Thanks. That helped."])
    }

    func testAfterAnAnnouncementTheCoachCanStillClose() throws {
        var engine = try Engine(scenario: scenario(), seed: 1, from: "next")
        let announced = engine.apply(judged(.design, .partner))
        XCTAssertEqual(announced.clientLines, ["Grand."])
        XCTAssertEqual(announced.announcement, "Niamh glances at the clock.")
        XCTAssertFalse(announced.ended)
        let closed = engine.apply(judged(.closing, .partner))
        XCTAssertEqual(closed.branchIndex, 0, "the coach's own closing branch is taken")
        XCTAssertTrue(closed.ended)
        XCTAssertEqual(closed.toBeat, "close")
    }

    func testAScenarioCanWordTheAnnouncementOrLetTheClientWalkOut() throws {
        var worded = try Engine(scenario: scenario(announce: .text("Niamh's pager goes.")), seed: 1, from: "next")
        XCTAssertEqual(worded.apply(judged(.design, .partner)).announcement, "Niamh's pager goes.")
        var walkout = try Engine(scenario: scenario(announce: .none), seed: 1, from: "next")
        let turn = walkout.apply(judged(.design, .partner))
        XCTAssertTrue(turn.ended)
        XCTAssertNil(turn.announcement)
        XCTAssertEqual(turn.clientLines, ["Grand.", "Thanks. That helped."])
    }

    func testAdviceConditionsAndAdviceKinds() {
        XCTAssertEqual(AdviceKind(servingMarker: .application), .action)
        XCTAssertEqual(AdviceKind(servingMarker: .celebration), .verdict)
        XCTAssertEqual(AdviceKind.verdict.markers, [.progress, .learningSelf, .learningSituation, .celebration])
        XCTAssertNil(judged(.closing, .partner).adviceKind, "partnering gives no advice")
        XCTAssertNil(judged(nil, .advise).adviceKind, "advice with no marker has no kind")
        let ending = Condition(advice: [.ending])
        XCTAssertTrue(ending.holds(for: judged(.closing, .advise), state: [:]))
        XCTAssertFalse(ending.holds(for: judged(.closing, .partner), state: [:]))
    }
}
