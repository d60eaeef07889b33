import CoachDrillCore
import XCTest

final class TranscriptReplayTests: XCTestCase {
    /// progress -> plan -> done on partnering; advising at `plan` goes to `flat`.
    private func scenario(planGoto: String = "done", adviseCondition: Condition = Condition(stances: [.advise])) -> Scenario {
        Scenario(
            id: "replay-test", title: "Replay test", persona: Persona(name: "Kim"), start: "progress",
            beats: [
                Beat(
                    id: "progress", client: ["Where was I?", "Hm."], expects: [.progress],
                    branches: [
                        Branch(condition: Condition(stances: [.partner]), client: ["Closer."], goto: "plan"),
                        Branch(condition: nil, client: ["Sorry?"]),
                    ]),
                Beat(
                    id: "plan", client: ["So what now?"], expects: [.design],
                    branches: [
                        Branch(condition: Condition(markers: [.design], stances: [.partner]), goto: planGoto),
                        Branch(condition: adviseCondition, goto: "flat"),
                        Branch(condition: nil, client: ["Let me think."]),
                    ]),
                // Not announced: these tests follow paths; announced endings have a test of their own.
                Beat(id: "done", client: ["Thanks."], end: true, announce: .none),
                Beat(id: "flat", client: ["Right."], end: true, announce: .none),
            ])
    }

    /// Records a session the way `play` does, as a parsed transcript.
    private func record(_ lines: [String], on scenario: Scenario, seed: UInt64 = 5, from: String? = nil) throws
        -> Transcript
    {
        var engine = try Engine(scenario: scenario, seed: seed, from: from)
        var turns: [TranscriptTurn] = []
        let first = TranscriptClientLine(beat: engine.beatID, text: engine.clientLine, item: nil, line: 2)
        for (index, line) in lines.enumerated() {
            let turn = engine.respond(to: line, assessor: Assessor())
            turns.append(
                TranscriptTurn(
                    turn: index + 1, beat: turn.fromBeat, next: turn.toBeat, branch: turn.branchIndex, responseSeconds: 1,
                    assessment: turn.assessment, line: index + 3))
        }
        return Transcript(
            header: TranscriptHeader(scenario: scenario.id, seed: seed, trainee: "Robin", started: "2026-03-02T09:00:00Z"),
            turns: turns, clientLines: [first])
    }

    private let lines = [
        "Hmm.",
        "Where are you now with what you wanted from today?",
        "What would you like to do with this before we next meet?",
    ]

    func testAnUnchangedScenarioReplaysIdentically() throws {
        let transcript = try record(lines, on: scenario())
        XCTAssertEqual(transcript.turns.map(\.next), ["progress", "plan", "done"])
        let result = try TranscriptReplay.run(transcript, scenario: scenario())
        XCTAssertTrue(result.isIdentical, "\(result.differences)")
        XCTAssertEqual(result.turns, 3)
    }

    func testAChangedGotoIsReportedOnExactlyThatTurn() throws {
        let transcript = try record(lines, on: scenario())
        let result = try TranscriptReplay.run(transcript, scenario: scenario(planGoto: "flat"))
        XCTAssertEqual(result.differences.map(\.turn), [3])
        XCTAssertEqual(result.differences.first?.changes, [.next(then: "done", now: "flat")])
        XCTAssertEqual(result.differences.first?.line, 5)
    }

    func testAChangedConditionIsReportedOnExactlyThatTurn() throws {
        let advising = ["Where are you now with what you wanted from today?", "You should just write the list tonight."]
        let transcript = try record(advising, on: scenario())
        XCTAssertEqual(transcript.turns.map(\.next), ["plan", "flat"])
        let result = try TranscriptReplay.run(transcript, scenario: scenario(adviseCondition: Condition(traps: [.leadingQuestion])))
        XCTAssertEqual(result.differences.map(\.turn), [2])
        XCTAssertEqual(result.differences.first?.changes, [.next(then: "flat", now: "plan")])
    }

    func testTurnsAfterAnEarlierEndAreNotReached() throws {
        var shortcut = scenario()
        shortcut.beats[0].branches[0].goto = "done"
        let transcript = try record(lines, on: scenario())
        let result = try TranscriptReplay.run(transcript, scenario: shortcut)
        XCTAssertEqual(result.differences.map(\.turn), [2, 3])
        XCTAssertEqual(result.differences[0].changes, [.next(then: "plan", now: "done")])
        XCTAssertEqual(result.differences[1].changes, [.notReached(endedAt: "done", afterTurn: 2)])
        XCTAssertNil(result.differences[1].beatNow)
    }

    func testAnAnnouncedEndingReplaysIdentically() throws {
        var announced = scenario()
        announced.beats[2].announce = .standard
        let transcript = try record(lines + ["What else is on your mind?"], on: announced)
        XCTAssertEqual(transcript.turns.map(\.next), ["progress", "plan", "plan", "done"], "announced, then ended")
        XCTAssertEqual(transcript.turns.map(\.branch), [1, 0, 0, nil])
        let result = try TranscriptReplay.run(transcript, scenario: announced)
        XCTAssertTrue(result.isIdentical, "\(result.differences)")
        let unannounced = try TranscriptReplay.run(transcript, scenario: scenario())
        XCTAssertEqual(unannounced.differences.map(\.turn), [3, 4], "the same lines end a turn sooner unannounced")
    }

    func testVerdictChangesAreReported() throws {
        var transcript = try record(lines, on: scenario())
        transcript.turns[1].assessment.stance = .advise
        transcript.turns[1].assessment.traps = [.adviceGiving]
        let result = try TranscriptReplay.run(transcript, scenario: scenario())
        XCTAssertEqual(result.differences.map(\.turn), [2])
        XCTAssertEqual(
            result.differences[0].changes, [.stance(then: .advise, now: .partner), .traps(then: [.adviceGiving], now: [])])
    }

    func testTheRecordedStartBeatAndSeedAreUsed() throws {
        // A session started with --from plan: its first client line was at `plan`.
        let transcript = try record(["What would you like to do with this before we next meet?"], on: scenario(), from: "plan")
        XCTAssertEqual(transcript.clientLines[0].beat, "plan")
        XCTAssertEqual(transcript.turns[0].next, "done")
        XCTAssertTrue(try TranscriptReplay.run(transcript, scenario: scenario()).isIdentical)
    }

    func testWhatCannotBeReplayed() throws {
        var transcript = try record(lines, on: scenario())
        transcript.clientLines[0].beat = "gone"
        XCTAssertThrowsError(try TranscriptReplay.run(transcript, scenario: scenario())) { error in
            XCTAssertEqual(error as? ReplayError, .startBeatGone("gone", available: ["progress", "plan", "done", "flat"]))
        }
        transcript.header.mode = .drill
        XCTAssertThrowsError(try TranscriptReplay.run(transcript, scenario: scenario())) { error in
            XCTAssertEqual(error as? ReplayError, .drill(pack: "replay-test"))
        }
        var other = scenario()
        other.id = "other"
        transcript.header.mode = .practice
        XCTAssertThrowsError(try TranscriptReplay.run(transcript, scenario: other)) { error in
            XCTAssertEqual(error as? ReplayError, .otherScenario(recorded: "replay-test", given: "other"))
        }
    }
}
