import CoachDrillCore
import XCTest

/// What the reader refuses or corrects in a transcript someone has edited (issue 16): numbers outside
/// their range, items and ends that happen twice, pass flags and results the answers contradict, and
/// lines too long to hold, refused while they are read.
final class TranscriptValidationTests: XCTestCase {
    private typealias L = TranscriptLines

    private func drillSession() -> String {
        L.session(scenario: "fixture-drill", mode: "drill", extra: ",\"pack\":\"fixture-drill\",\"run\":\"r1\"")
    }

    /// A quick-fire answer on 8.7; `stance` decides whether it really passed.
    private func quickFire(item: Int = 0, stance: String = "partner", passed: Bool) -> String {
        L.coach(
            item + 1, beat: "qf-\(item)", next: nil, marker: "8.7", stance: stance,
            extra: ",\"item\":\(item),\"target\":\"8.7\",\"passed\":\(passed)")
    }

    private func reason(of text: String) -> (line: Int, reason: TranscriptError.Reason)? {
        do {
            _ = try TranscriptReader.sessions(in: text)
            return nil
        } catch {
            return (error.line, error.reason)
        }
    }

    // MARK: Ranges

    func testAnItemIndexNoPackCanHaveIsRefusedWithItsLineAndField() throws {
        let text = L.text(drillSession(), L.item(Int.max, id: "qf-0", passed: false))
        let failure = try XCTUnwrap(reason(of: text))
        XCTAssertEqual(failure.line, 2)
        XCTAssertEqual(
            failure.reason, .outOfRange(event: "item", field: "item", value: "9223372036854775807", range: "0 to 9999"))
    }

    func testAHugeElapsedTimeIsRefused() throws {
        let line = L.item(0, id: "qf-0", passed: false).replacingOccurrences(of: "30.5", with: "1e17")
        let failure = try XCTUnwrap(reason(of: L.text(drillSession(), line)))
        XCTAssertEqual(failure.line, 2)
        XCTAssertEqual(
            failure.reason, .outOfRange(event: "item", field: "elapsed_seconds", value: "1e+17", range: "0 to 604800"))
    }

    func testNegativeTurnsItemsAndTimesAreRefused() throws {
        let negativeTurn = L.text(L.session(), L.client("progress"), L.coach(-1))
        XCTAssertEqual(reason(of: negativeTurn)?.line, 3)
        XCTAssertEqual(
            reason(of: negativeTurn)?.reason, .outOfRange(event: "coach", field: "turn", value: "-1", range: "1 to 1000000"))

        let negativeItem = L.text(drillSession(), L.client("qf-0", item: -2))
        XCTAssertEqual(
            reason(of: negativeItem)?.reason, .outOfRange(event: "client", field: "item", value: "-2", range: "0 to 9999"))

        let negativeSeconds = L.text(L.session(), L.client("progress"), L.coach(1).replacingOccurrences(of: "4.5", with: "-4.5"))
        XCTAssertEqual(
            reason(of: negativeSeconds)?.reason,
            .outOfRange(event: "coach", field: "response_seconds", value: "-4.5", range: "0 to 604800"))

        let negativeUndo = L.text(L.session(), L.client("progress"), L.coach(1), L.undo(-1))
        XCTAssertEqual(reason(of: negativeUndo)?.line, 4)
    }

    func testAResultCountingMorePassesThanItemsIsRefused() throws {
        let text = L.text(
            drillSession(), L.client("qf-0", item: 0), quickFire(passed: true), L.item(0, id: "qf-0", passed: true),
            L.end(result: ",\"result\":{\"passed\":true,\"items_passed\":99,\"items\":0}"))
        XCTAssertEqual(
            reason(of: text)?.reason,
            .outOfRange(event: "end", field: "result.items_passed", value: "99", range: "0 to 0"))
    }

    // MARK: Events that happen once

    func testAnItemThatEndsTwiceIsAnError() throws {
        let text = L.text(
            drillSession(), L.client("qf-0", item: 0), quickFire(passed: true), L.item(0, id: "qf-0", passed: true),
            L.item(0, id: "qf-0", passed: true))
        XCTAssertEqual(reason(of: text)?.line, 5)
        XCTAssertEqual(reason(of: text)?.reason, .repeatedItem(0, firstLine: 4))
        XCTAssertEqual(
            TranscriptError(line: 5, reason: .repeatedItem(0, firstLine: 4)).description,
            "line 5: item 0 ends a second time (it already ended on line 4); each item ends once")
    }

    func testASecondEndEventIsAnError() throws {
        let text = L.text(L.session(), L.client("progress"), L.coach(1), L.end(), L.end())
        XCTAssertEqual(reason(of: text)?.line, 5)
        XCTAssertEqual(reason(of: text)?.reason, .repeatedEnd(firstLine: 4))
    }

    // MARK: The answers win

    func testAForgedPassedFlagIsRecomputedAndNoted() throws {
        // The answer advised, so it cannot have passed, whatever the file says.
        let text = L.text(
            drillSession(), L.client("qf-0", item: 0), quickFire(stance: "advise", passed: true),
            L.item(0, id: "qf-0", passed: true),
            L.end(result: ",\"result\":{\"passed\":true,\"items_passed\":1,\"items\":1}"))
        let transcript = try L.parse(text)
        XCTAssertEqual(transcript.turns.map(\.passed), [false])
        XCTAssertEqual(transcript.items.map(\.passed), [false])
        XCTAssertNil(transcript.end?.result, "a result the answers contradict is not trusted")
        XCTAssertEqual(
            transcript.notes.filter(\.isDisagreement).map(\.description),
            [
                "line 3: recorded as passed, but the answers give not passed; using the answers",
                "line 4: recorded as passed, but the answers give not passed; using the answers",
                "line 5: the end event's result says 1 of 1 items passed, but the answers give 0 of 1; the run counts as not scored",
            ])
    }

    func testAnHonestDrillKeepsItsResultAndHasNothingToSay() throws {
        let text = L.text(
            drillSession(), L.client("qf-0", item: 0), quickFire(passed: true), L.item(0, id: "qf-0", passed: true),
            L.end(result: ",\"result\":{\"passed\":true,\"items_passed\":1,\"items\":2}"))
        let transcript = try L.parse(text)
        XCTAssertEqual(transcript.end?.result, TranscriptEnd.DrillResult(passed: true, itemsPassed: 1, items: 2))
        XCTAssertEqual(transcript.notes.filter(\.isDisagreement), [])
    }

    func testAScenarioItemWithNoAnswerCannotHavePassed() throws {
        let text = L.text(drillSession(), L.client("progress", item: 0), L.item(0, kind: "scenario", id: "closing", passed: true))
        let transcript = try L.parse(text)
        XCTAssertEqual(transcript.items.map(\.passed), [false])
        XCTAssertEqual(transcript.notes.map(\.line), [3])
    }

    func testAPassedFlagWithoutATargetIsRefused() throws {
        let line = L.coach(1, beat: "qf-0", next: nil, extra: ",\"item\":0,\"passed\":true")
        XCTAssertEqual(reason(of: L.text(drillSession(), line))?.reason, .missingField(event: "coach", field: "target"))
    }

    // MARK: Streaming

    func testTheStreamReadsWhatTheWholeTextReads() throws {
        let text = L.text(
            drillSession(), L.client("qf-0", item: 0), quickFire(passed: true), L.item(0, id: "qf-0", passed: true),
            L.session(), L.client("progress"), L.coach(1), L.end())
        let whole = try TranscriptReader.sessions(in: text)
        for size in [1, 7, 64, 4096] {
            var stream = TranscriptStream()
            let bytes = Array(text.utf8)
            for start in stride(from: 0, to: bytes.count, by: size) {
                try bytes[start..<min(start + size, bytes.count)].withUnsafeBytes { try stream.feed($0) }
            }
            XCTAssertEqual(try stream.finish(), whole, "in blocks of \(size)")
        }
    }

    func testAnEndlessLineIsRefusedOnceItPassesTheLimitNotAtTheEnd() throws {
        var stream = TranscriptStream()
        let block = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        let header = Array((L.session() + "\n").utf8)
        try header.withUnsafeBytes { try stream.feed($0) }
        var fed = 0
        var refused: TranscriptError?
        // A source that never ends: the reader must stop it, a block or so past 16 MiB.
        while refused == nil, fed < 64 << 20 {
            do throws(TranscriptError) {
                try block.withUnsafeBytes { bytes in Result { () throws(TranscriptError) in try stream.feed(bytes) } }.get()
                fed += block.count
            } catch {
                refused = error
            }
        }
        let error = try XCTUnwrap(refused, "an endless line was never refused")
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(error.reason, .lineTooLong(limit: TranscriptReader.Limits.maxLineBytes))
        XCTAssertLessThanOrEqual(fed, TranscriptReader.Limits.maxLineBytes)
    }
}
