import CoachDrillCore
import XCTest

/// The one owner of a session's turn count and scorecard: numbering, undo and restart as a session and its
/// transcript see them.
final class AnswerLogTests: XCTestCase {
    private func answer(_ stance: Stance, _ marker: Marker? = nil, traps: [Trap] = []) -> Assessment {
        Assessment(text: "x", marker: marker, stance: stance, hits: [], traps: traps, stanceEvidence: [], suggestion: nil)
    }

    func testTurnsAreNumberedFromOneAndAnUndoneNumberIsReused() {
        var log = AnswerLog<Assessment>()
        XCTAssertEqual(log.nextTurn, 1)
        XCTAssertEqual(log.record(answer(.advise)), 1)
        XCTAssertEqual(log.record(answer(.partner, .design)), 2)
        XCTAssertEqual(log.withdrawLast()?.stance, .partner)
        XCTAssertEqual(log.nextTurn, 2, "the undo event names the turn the next answer takes again")
        XCTAssertEqual(log.record(answer(.neutral)), 2)
        log.withdraw(from: 0)
        XCTAssertEqual(log.turns, 0)
        XCTAssertNil(log.withdrawLast())
    }

    func testTheScorecardIsThatOfTheAnswersThatCount() {
        var log = AnswerLog<Assessment>()
        log.record(answer(.partner, .design))
        log.record(answer(.advise, .design, traps: [.adviceGiving]))
        _ = log.withdrawLast()
        log.record(answer(.partner, .closing))
        let card = log.scorecard
        XCTAssertEqual(card.turns, log.turns)
        XCTAssertEqual(card.partneredTurns, 2)
        XCTAssertEqual(card.advisedTurns, 0)
        XCTAssertTrue(card.traps.isEmpty, "a withdrawn answer's traps do not count")
        XCTAssertEqual(card, Scorecard(assessments: log.answers))
    }
}
