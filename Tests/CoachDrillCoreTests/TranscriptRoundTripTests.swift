import CoachDrillCore
import Foundation
import XCTest

/// The transcript model written to a file and read back: every event and every field comes back as it went
/// in, per-marker evidence with its cue names, and each line is the same bytes when written again.
final class TranscriptRoundTripTests: XCTestCase {
    private let partnering = Assessment(
        text: "What would you like to do \"next\"?\tSay / more é 😀", marker: .design, stance: .partner,
        hits: [
            MarkerHit(
                marker: .design, stance: .partner, score: 0.75,
                evidence: [Evidence(text: "do next", cue: "next steps"), Evidence(text: "would you like", cue: "your preference")]),
            MarkerHit(marker: .progress, stance: .neutral, score: 0.2, evidence: []),
        ],
        traps: [.closedQuestion, .stackedQuestions],
        stanceEvidence: [Evidence(text: "What would you like", cue: "what the client wants")],
        suggestion: "Where are you now?")
    private let advising = Assessment(
        text: "You should\nwrite it down.", marker: nil, stance: .advise, hits: [], traps: [.adviceGiving],
        stanceEvidence: [], suggestion: nil)

    private var practice: [TranscriptEvent] {
        [
            .session(
                TranscriptHeader(
                    version: TranscriptFormat.version, scenario: "closing-practice", scenarioHash: "fnv1a64:0123456789abcdef",
                    seed: UInt64.max, mode: .practice, trainee: "李明 \u{1B}]0;x\u{07}", started: "2026-03-02T09:00:00Z")),
            .client(TranscriptClientLine(beat: "progress", text: "So?")),
            .coach(
                TranscriptTurn(turn: 1, beat: "progress", next: "next-step", branch: 2, responseSeconds: 4.25, assessment: advising)),
            .undo(turn: 1),
            .client(TranscriptClientLine(beat: "progress", text: "So?")),
            .coach(TranscriptTurn(turn: 1, beat: "progress", next: "next-step", branch: nil, responseSeconds: 0, assessment: partnering)),
            .end(
                TranscriptEnd(
                    reason: .completed, ended: "2026-03-02T09:05:00Z",
                    recorded: TranscriptEnd.RecordedTotals(Scorecard(assessments: [partnering])))),
        ]
    }

    private var drill: [TranscriptEvent] {
        [
            .session(
                TranscriptHeader(
                    version: TranscriptFormat.version, scenario: "room-a", scenarioHash: "fnv1a64:0000000000000001", seed: 7,
                    mode: .drill, trainee: "José", started: "2026-03-02T10:00:00Z", pack: "room-a",
                    packHash: "fnv1a64:0000000000000001", run: "20260302T100000Z-1-abc")),
            .client(TranscriptClientLine(beat: "qf-1", text: "I never finish anything.", item: 0)),
            .coach(
                TranscriptTurn(
                    turn: 1, beat: "qf-1", next: nil, branch: nil, responseSeconds: 12.5, assessment: partnering, item: 0,
                    target: .design, passed: true)),
            .item(
                TranscriptItem(
                    item: 0, kind: .quickFire, id: "qf-1", timeLimitSeconds: 60, elapsedSeconds: 12.5, overtime: false, passed: true)),
            .client(TranscriptClientLine(beat: "progress", text: "So?", item: 1)),
            .coach(
                TranscriptTurn(
                    turn: 2, beat: "progress", next: "next-step", branch: 0, responseSeconds: 3, assessment: advising, item: 1)),
            .item(TranscriptItem(item: 1, kind: .scenario, id: "closing", timeLimitSeconds: 300, elapsedSeconds: 3.5, passed: false)),
            .end(
                TranscriptEnd(
                    reason: .quit, ended: "2026-03-02T10:05:00Z",
                    recorded: TranscriptEnd.RecordedTotals(Scorecard(assessments: [partnering, advising])),
                    result: TranscriptEnd.DrillResult(passed: false, itemsPassed: 1, items: 2))),
        ]
    }

    private func file(_ events: [TranscriptEvent]) throws -> String {
        try events.map { String(decoding: try $0.jsonLine(), as: UTF8.self) + "\n" }.joined()
    }

    func testEveryEventComesBackFromTheFileAsItWentIn() throws {
        for events in [practice, drill] {
            let text = try file(events)
            var decoded: [TranscriptEvent] = []
            for line in text.split(separator: "\n") {
                let event = try JSONDecoder().decode(TranscriptEvent.self, from: Data(line.utf8))
                decoded.append(event)
                XCTAssertEqual(String(decoding: try event.jsonLine(), as: UTF8.self), String(line), "written again, the same bytes")
            }
            XCTAssertEqual(decoded, events)
        }
    }

    func testTheReaderBuildsTheSessionTheEventsDescribe() throws {
        let transcript = try Transcript(parsing: try file(practice))
        XCTAssertEqual(transcript.header.trainee, "李明 \u{1B}]0;x\u{07}")
        XCTAssertEqual(transcript.header.seed, UInt64.max)
        XCTAssertEqual(transcript.turns.map(\.assessment), [partnering], "the withdrawn answer does not count")
        XCTAssertEqual(transcript.turns.first?.line, 6)
        XCTAssertEqual(transcript.clientLines.count, 2)
        XCTAssertEqual(transcript.end?.recorded, TranscriptEnd.RecordedTotals(Scorecard(assessments: [partnering])))
        XCTAssertEqual(transcript.notes, [])
        XCTAssertEqual(
            transcript.turns.first?.assessment.hits.first?.evidence.map(\.cue), ["next steps", "your preference"],
            "per-marker evidence keeps its cue names")

        let run = try Transcript(parsing: try file(drill))
        XCTAssertEqual(run.items.map(\.passed), [true, false])
        XCTAssertEqual(run.turns.compactMap(\.passed), [true])
        XCTAssertEqual(run.end?.result, TranscriptEnd.DrillResult(passed: false, itemsPassed: 1, items: 2))
        XCTAssertEqual(run.notes, [])
    }

    func testKeysAreWrittenInOneOrder() throws {
        let line = String(decoding: try TranscriptEvent.undo(turn: 3).jsonLine(), as: UTF8.self)
        XCTAssertEqual(line, #"{"event":"undo","turn":3}"#)
        let client = String(decoding: try TranscriptEvent.client(TranscriptClientLine(beat: "a/b", text: "x")).jsonLine(), as: UTF8.self)
        XCTAssertEqual(client, #"{"beat":"a/b","event":"client","text":"x"}"#)
    }

    func testVersionOneEvidenceStillReads() throws {
        let hit = #"{"marker":"8.5","stance":"advise","score":0.42,"evidence":["write","tonight"]}"#
        let line = #"{"event":"coach","turn":1,"beat":"b","next":"c","branch":null,"response_seconds":9.00,"#
            + #""assessment":{"text":"t","marker":"8.5","stance":"advise","markers":["# + hit
            + #"],"traps":[],"stance_evidence":[],"suggestion":null}}"#
        guard case .coach(let turn) = try JSONDecoder().decode(TranscriptEvent.self, from: Data(line.utf8)) else {
            return XCTFail("not a coach event")
        }
        XCTAssertEqual(turn.assessment.hits.first?.evidence, [Evidence(text: "write", cue: ""), Evidence(text: "tonight", cue: "")])
    }
}
