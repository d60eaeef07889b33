import CoachDrillCore
import XCTest

final class AnonymizerTests: XCTestCase {
    private let anonymizer = Anonymizer(participants: [("Robin Doe", "Participant 3"), ("Will Grant", "Participant 7")])

    func testNamesBecomeParticipantLabels() {
        XCTAssertEqual(anonymizer.clean("Robin Doe here, email me."), "Participant 3 here, email me.")
        XCTAssertEqual(anonymizer.clean("Thanks, Robin."), "Thanks, Participant 3.")
        XCTAssertEqual(anonymizer.clean("That's Doe's plan."), "That's Participant 3's plan.")
        XCTAssertEqual(anonymizer.clean("\"Robin\" said so"), "\"Participant 3\" said so")
    }

    func testOnlyCapitalisedWordsCountAsNames() {
        XCTAssertEqual(anonymizer.clean("What will you do, Will?"), "What will you do, Participant 7?")
    }

    func testContactDetailsBecomePlaceholders() {
        XCTAssertEqual(
            anonymizer.clean("Mail robin.doe@example.com or @robin_d, see https://example.com/x."),
            "Mail [email] or [handle], see [link].")
        XCTAssertEqual(anonymizer.clean("Call +44 20 7946 0958 today."), "Call [number] today.")
        XCTAssertEqual(anonymizer.clean("Call 555-123-4567."), "Call [number].")
    }

    func testOrdinaryNumbersStay() {
        XCTAssertEqual(anonymizer.clean("Take 10 minutes in 2026."), "Take 10 minutes in 2026.")
    }

    func testSpacingIsKept() {
        XCTAssertEqual(anonymizer.clean("  two  spaces "), "  two  spaces ")
    }
}
