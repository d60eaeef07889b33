import CoachDrillCore
import Foundation
import XCTest

final class TranscriptReaderTests: XCTestCase {
    private typealias L = TranscriptLines

    func testAWholeSession() throws {
        let transcript = try L.parse(
            L.text(
                L.session(seed: "18446744073709551615"), L.client("progress", "I think that's everything."),
                L.coach(1, traps: ["closed-question"]), L.client("next-step"),
                L.coach(2, beat: "next-step", next: "close", text: "You should do it.", marker: "8.5", stance: "advise",
                    traps: ["advice-giving"]),
                L.client("close", "Thanks."), L.end(turns: 2)))
        XCTAssertEqual(transcript.header.scenario, "closing-practice")
        XCTAssertEqual(transcript.header.seed, UInt64.max)
        XCTAssertEqual(transcript.header.mode, .practice)
        XCTAssertEqual(transcript.header.trainee, "Robin")
        XCTAssertEqual(transcript.startBeat, "progress")
        XCTAssertEqual(transcript.turns.map(\.turn), [1, 2])
        XCTAssertEqual(transcript.turns.map(\.line), [3, 5])
        XCTAssertEqual(transcript.turns[1].assessment.marker, .design)
        XCTAssertEqual(transcript.turns[1].assessment.stance, .advise)
        XCTAssertEqual(transcript.turns[1].assessment.traps, [.adviceGiving])
        XCTAssertEqual(transcript.turns[1].next, "close")
        XCTAssertEqual(transcript.turns[0].responseSeconds, 4.5)
        XCTAssertEqual(transcript.clientLines.count, 3)
        XCTAssertEqual(transcript.end?.reason, .completed)
        XCTAssertFalse(transcript.isPartial)
        XCTAssertEqual(transcript.scorecard.partneredTurns, 1)
        XCTAssertEqual(transcript.scorecard.advisedTurns, 1)
        XCTAssertEqual(transcript.notes, [])
    }

    func testUndoWithdrawsTheTurn() throws {
        let transcript = try L.parse(
            L.text(
                L.session(), L.client("progress"), L.coach(1, text: "first"), L.client("next-step"),
                L.coach(2, beat: "next-step", text: "second"), L.undo(2), L.client("next-step"),
                L.coach(2, beat: "next-step", text: "second again"), L.undo(2), L.undo(1), L.client("progress"),
                L.coach(1, text: "first again")))
        XCTAssertEqual(transcript.turns.map(\.assessment.text), ["first again"])
        XCTAssertTrue(transcript.isPartial)
    }

    func testRestartShowsAsTurnOneAgain() throws {
        let transcript = try L.parse(
            L.text(
                L.session(), L.client("progress"), L.coach(1, text: "a"), L.coach(2, text: "b"), L.client("progress"),
                L.coach(1, text: "c"), L.end(turns: 1)))
        XCTAssertEqual(transcript.turns.map(\.assessment.text), ["c"])
        XCTAssertEqual(transcript.notes, [TranscriptNote(line: 6, kind: .restarted(turn: 1))])
    }

    func testAKilledSessionWithACutOffLastLineIsReadAndNoted() throws {
        let text = L.session() + "\n" + L.client("progress") + "\n" + L.coach(1) + "\n" + String(L.client("next-step").prefix(20))
        let transcript = try L.parse(text)
        XCTAssertTrue(transcript.isPartial)
        XCTAssertEqual(transcript.turns.count, 1)
        XCTAssertEqual(transcript.notes, [TranscriptNote(line: 4, kind: .cutOffLastLine)])
        XCTAssertTrue(transcript.notes[0].description.contains("cut off"))
    }

    func testABrokenLineThatIsNotLastIsAnErrorNamingIt() {
        let text = L.text(L.session(), String(L.client("progress").prefix(20)), L.coach(1))
        assertError(text, line: 2) { reason in
            guard case .invalidJSON = reason else { return false }
            return true
        }
    }

    func testABrokenLastLineEndedByANewlineIsAnError() {
        // A kill cannot leave the newline behind, so this file was damaged some other way.
        assertError(L.text(L.session(), "{\"event\":"), line: 2) { if case .invalidJSON = $0 { true } else { false } }
    }

    func testSchemaErrorsNameLineEventAndField() {
        assertError(L.text(L.session(), L.coach(1).replacingOccurrences(of: "\"turn\":1", with: "\"turn\":\"1\"")), line: 2) {
            $0 == .wrongType(event: "coach", field: "turn", expected: "a whole number", found: "string")
        }
        assertError(L.text(L.session(), L.coach(1).replacingOccurrences(of: "\"stance\":\"partner\",\"score\"", with: "\"stance\":\"partnr\",\"score\"")), line: 2) {
            $0 == .invalidValue(
                event: "coach", field: "assessment.markers[0].stance", value: "partnr", allowed: ["partner", "advise", "neutral"])
        }
        assertError(L.text(L.session(), L.coach(1, traps: ["bad-trap"])), line: 2) {
            if case .invalidValue(_, "assessment.traps[0]", "bad-trap", _) = $0 { true } else { false }
        }
        assertError(L.text(L.session(), L.coach(1, next: nil)), line: 2) { $0 == .missingField(event: "coach", field: "next") }
        assertError(L.text(L.session(mode: "exam")), line: 1) {
            if case .invalidValue("session", "mode", "exam", _) = $0 { true } else { false }
        }
        assertError(L.text(L.session(), "{\"event\":\"hint\"}"), line: 2) { $0 == .unknownEvent("hint") }
        assertError(L.text(L.session(), "[1]"), line: 2) { $0 == .notAnObject(found: "array") }
        assertError(L.text(L.client("progress")), line: 1) { $0 == .missingSession(found: "client") }
        assertError(L.text(L.session().replacingOccurrences(of: "\"version\":1", with: "\"version\":3")), line: 1) {
            $0 == .unsupportedVersion(3)
        }
        assertError(L.text(L.session(), L.end(), L.client("x")), line: 3) { $0 == .eventAfterEnd("client") }
        assertError(L.text(L.session(), L.coach(1), L.undo(4)), line: 3) { $0 == .undoOfUnknownTurn(4) }
        assertError(L.text(L.session(), L.coach(1), L.coach(3)), line: 3) { $0 == .turnOutOfOrder(expected: 2, found: 3) }
        assertError("\n\n", line: 2) { $0 == .empty }
    }

    func testAVersionTooNewAsksForAnUpdateAndOneBelowOneDoesNot() {
        XCTAssertTrue(TranscriptError(line: 1, reason: .unsupportedVersion(3)).message.hasSuffix("update coachdrill"))
        XCTAssertEqual(
            TranscriptError(line: 1, reason: .unsupportedVersion(0)).message, "transcript format version 0 does not exist; versions are 1 to 2")
        assertError(L.text(L.session().replacingOccurrences(of: "\"version\":1", with: "\"version\":0")), line: 1) {
            $0 == .unsupportedVersion(0)
        }
    }

    func testANumberItsFieldCannotHoldNamesTheField() {
        assertError(L.text(L.session(), L.client("progress", item: 1).replacingOccurrences(of: "\"item\":1", with: "\"item\":1.5")), line: 2) {
            $0 == .wrongType(event: "client", field: "item", expected: "a whole number", found: "a number it cannot hold")
        }
        assertError(L.text(L.session(seed: "-1")), line: 1) {
            $0 == .wrongType(
                event: "session", field: "seed", expected: "a whole number from 0 to 2^64-1", found: "a number it cannot hold")
        }
        assertError(L.text(L.session(), L.coach(1).replacingOccurrences(of: "4.5", with: "1e400")), line: 2) {
            $0 == .wrongType(event: "coach", field: "response_seconds", expected: "a number", found: "a number it cannot hold")
        }
    }

    func testErrorDescriptionsReadWell() {
        let error = TranscriptError(line: 3, reason: .wrongType(event: "coach", field: "turn", expected: "a whole number", found: "string"))
        XCTAssertEqual(error.description, "line 3: coach event: field 'turn' must be a whole number, found string")
    }

    func testSeveralSessionsInOneFile() throws {
        let text = L.text(L.session(trainee: "A"), L.coach(1), L.end(), L.session(trainee: "B"), L.coach(1))
        let sessions = try TranscriptReader.sessions(in: text)
        XCTAssertEqual(sessions.map(\.header.trainee), ["A", "B"])
        XCTAssertEqual(sessions.map(\.isPartial), [false, true])
        XCTAssertThrowsError(try Transcript(parsing: text)) { error in
            XCTAssertEqual((error as? TranscriptError)?.line, 4)
        }
    }

    func testEndTotalsThatDisagreeWithTheAnswersAreNoted() throws {
        let transcript = try L.parse(L.text(L.session(), L.coach(1), L.end(turns: 5)))
        XCTAssertEqual(transcript.notes, [TranscriptNote(line: 3, kind: .scorecardDisagrees(recorded: 5, counted: 1))])
        XCTAssertEqual(transcript.scorecard.turns, 1)
    }

    func testDrillTranscripts() throws {
        let transcript = try L.parse(
            L.text(
                L.session(scenario: "warmup", mode: "drill", extra: ",\"pack\":\"warmup\",\"pack_hash\":\"fnv1a64:1\",\"run\":\"r1\""),
                L.client("qf-1", item: 0),
                L.coach(1, beat: "qf-1", next: nil, marker: "8.7", extra: ",\"item\":0,\"target\":\"8.7\",\"passed\":true"),
                L.item(0, id: "qf-1", passed: true),
                L.coach(1, beat: "progress", extra: ",\"item\":1"),
                L.end(turns: 2, result: ",\"result\":{\"passed\":true,\"items_passed\":1,\"items\":2}")))
        XCTAssertEqual(transcript.header.mode, .drill)
        XCTAssertEqual(transcript.header.pack, "warmup")
        XCTAssertEqual(transcript.header.run, "r1")
        // Drills keep every answer, whatever the numbering.
        XCTAssertEqual(transcript.turns.count, 2)
        XCTAssertEqual(transcript.turns[0].target, .accountability)
        XCTAssertEqual(transcript.turns[0].passed, true)
        XCTAssertNil(transcript.turns[0].next)
        XCTAssertEqual(transcript.items, [TranscriptItem(item: 0, kind: .quickFire, id: "qf-1", timeLimitSeconds: 60, elapsedSeconds: 30.5, passed: true, line: 4)])
        XCTAssertEqual(transcript.end?.result, TranscriptEnd.DrillResult(passed: true, itemsPassed: 1, items: 2))
    }

    func testEveryFixtureTranscriptParses() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/transcripts")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".jsonl") } ?? []
        XCTAssertGreaterThanOrEqual(files.count, 10)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            XCTAssertNoThrow(try TranscriptReader.sessions(in: text), file)
        }
    }

    private func assertError(
        _ text: String, line: Int, file: StaticString = #filePath, testLine: UInt = #line,
        _ matches: (TranscriptError.Reason) -> Bool
    ) {
        XCTAssertThrowsError(try TranscriptReader.sessions(in: text), file: file, line: testLine) { error in
            guard let error = error as? TranscriptError else { return XCTFail("\(error)", file: file, line: testLine) }
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: testLine)
            XCTAssertTrue(matches(error.reason), "\(error)", file: file, line: testLine)
        }
    }
}
