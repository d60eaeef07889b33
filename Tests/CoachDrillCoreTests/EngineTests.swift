import CoachDrillCore
import XCTest

final class EngineTests: XCTestCase {
    /// A two-beat scenario built in code: partnering moves on, advising loops with a once-only push-back.
    private func scenario() -> Scenario {
        Scenario(
            id: "engine-test", title: "Engine test", persona: Persona(name: "Kim"),
            state: [StateVariable(name: "trust", initial: 0)], start: "open",
            beats: [
                Beat(
                    id: "open", client: ["First A.", "First B.", "First C."], expects: [.progress],
                    exemplar: "Where are you now with what you wanted today?",
                    branches: [
                        Branch(
                            condition: Condition(markers: [.progress], stances: [.partner]),
                            client: ["Closer than I thought."], effects: [Effect(variable: "trust", delta: 1)],
                            goto: "plan"),
                        Branch(
                            condition: Condition(stances: [.advise]), client: ["Hm. If you say so."],
                            effects: [Effect(variable: "trust", delta: -1)], once: true),
                        Branch(condition: nil, client: ["Sorry?"]),
                    ]),
                Beat(
                    id: "plan", client: ["So what now?"], expects: [.design],
                    branches: [
                        Branch(
                            condition: Condition(state: [StateTest(variable: "trust", comparison: .greaterOrEqual, value: 1)]),
                            goto: "done"),
                        Branch(condition: nil, goto: "done"),
                    ]),
                Beat(id: "done", client: ["Thanks."], end: true),
            ])
    }

    func testPartneringFollowsTheFirstMatchingBranchAndAppliesEffects() throws {
        var engine = try Engine(scenario: scenario(), seed: 1)
        XCTAssertEqual(engine.beatID, "open")
        let turn = engine.respond(to: "Where are you now with what you wanted from today?", assessor: Assessor())
        XCTAssertEqual(turn.branchIndex, 0)
        XCTAssertEqual(turn.toBeat, "plan")
        XCTAssertEqual(
            turn.clientLines, ["Closer than I thought.", "So what now?"],
            "the branch's reply, then the next beat's opening line: the setup of the next moment is always heard")
        XCTAssertEqual(engine.state["trust"], 1)
        XCTAssertTrue(engine.evidenced.contains(.progress))
        XCTAssertEqual(engine.turn, 1)
    }

    /// An author's effect that would overflow the state stops at the limit instead of trapping.
    func testStateThatWouldOverflowStaysAtTheLimit() throws {
        var story = scenario()
        story.beats[0].branches[2] = Branch(condition: nil, client: ["Go on."], effects: [Effect(variable: "trust", delta: .max / 2 + 1)])
        var engine = try Engine(scenario: story, seed: 1)
        for _ in 0..<3 { _ = engine.respond(to: "Mm.", assessor: Assessor()) }
        XCTAssertEqual(engine.state["trust"], .max)
    }

    func testOnceBranchIsTakenOnlyOnce() throws {
        var engine = try Engine(scenario: scenario(), seed: 1)
        let first = engine.respond(to: "You should just make a list.", assessor: Assessor())
        XCTAssertEqual(first.branchIndex, 1)
        XCTAssertEqual(first.clientLines, ["Hm. If you say so."])
        let second = engine.respond(to: "You should just make a list.", assessor: Assessor())
        XCTAssertEqual(second.branchIndex, 2, "the once branch is spent; the default answers")
        XCTAssertEqual(engine.state["trust"], -1)
        XCTAssertEqual(engine.beatID, "open", "no goto stays on the beat")
    }

    func testAnEndingTheCoachDidNotChooseIsAnnouncedAndComesOnTheNextTurn() throws {
        var engine = try Engine(scenario: scenario(), seed: 1, from: "plan")
        let turn = engine.respond(to: "What would you like to do before we next meet?", assessor: Assessor())
        XCTAssertEqual(turn.assessment.marker, .design)
        XCTAssertFalse(turn.ended, "8.5 is not the coach closing: the ending is announced instead")
        XCTAssertEqual(turn.announcement, "Kim glances at the clock.")
        XCTAssertEqual(engine.beatID, "plan")
        XCTAssertEqual(engine.announcedEnd, "done")
        let last = engine.respond(to: "What else is on your mind?", assessor: Assessor())
        XCTAssertTrue(last.ended)
        XCTAssertTrue(engine.isFinished)
        XCTAssertEqual(last.clientLines, ["Thanks."], "the end beat has the last word")
        XCTAssertNil(last.branchIndex, "no branch: the session arrives at the announced end")
        let after = engine.respond(to: "Anything else?", assessor: Assessor())
        XCTAssertNil(after.branchIndex, "a finished session takes no more turns")
    }

    func testSameSeedSameVariantsDifferentSeedsDiffer() throws {
        let openings = (1...20).map { seed in (try? Engine(scenario: scenario(), seed: UInt64(seed)))?.clientLine ?? "" }
        XCTAssertEqual(openings, (1...20).map { seed in (try? Engine(scenario: scenario(), seed: UInt64(seed)))?.clientLine ?? "" })
        XCTAssertGreaterThan(Set(openings).count, 1, "variants are picked by the seed")
    }

    /// Staying on a beat (the default branch has no goto), the client never says the same line twice running
    /// when the scenario gives another, whatever the seed.
    func testClientDoesNotRepeatItselfWhenAnotherLineExists() throws {
        let looping = Scenario(
            id: "loop", title: "Loop", persona: Persona(name: "Gary"), start: "ask",
            beats: [
                Beat(
                    id: "ask", client: ["The move. What's the move?"],
                    branches: [Branch(condition: nil, client: ["The move. What's the move?", "Just tell me.", "Come on."])])
            ])
        for seed in 1...40 {
            var engine = try Engine(scenario: looping, seed: UInt64(seed))
            var previous = engine.clientLine
            for _ in 0..<6 {
                let turn = engine.respond(to: "Mm.", assessor: Assessor())
                let line = try XCTUnwrap(turn.clientLines.last)
                XCTAssertNotEqual(line, previous, "seed \(seed)")
                previous = line
            }
        }
    }

    func testUnknownStartBeatIsATypedError() {
        XCTAssertThrowsError(try Engine(scenario: scenario(), seed: 1, from: "nowhere")) { error in
            XCTAssertEqual(error as? Engine.StartError, .noSuchBeat("nowhere", available: ["open", "plan", "done"]))
        }
    }

    func testSplitMixIsStableAcrossPlatforms() {
        var random = SessionRandom(seed: 42)
        // Reference values of SplitMix64 for seed 42.
        XCTAssertEqual(random.next(), 0xBDD7_3226_2FEB_6E95)
        XCTAssertEqual(random.next(), 0x28EF_E333_B266_F103)
    }

    func testScorecardTalliesMarkersTrapsAndMoments() {
        let assessor = Assessor()
        let card = Scorecard(assessments: [
            assessor.assess("Where are you now with what you wanted from today?"),
            assessor.assess("You should email me every Friday so I know you did it."),
        ])
        XCTAssertEqual(card.turns, 2)
        XCTAssertEqual(card.partneredTurns, 1)
        XCTAssertEqual(card.advisedTurns, 1)
        XCTAssertEqual(card.tallies.first { $0.marker == .progress }?.partnered, 1)
        XCTAssertEqual(card.best?.turn, 1)
        XCTAssertEqual(card.weakest?.turn, 2)
        XCTAssertTrue(card.traps.contains { $0.trap == .coachOwnedAccountability })
        XCTAssertEqual(card.partnerRate, 0.5)
    }
}
