import Foundation
import CoachDrillCore
import XCTest

/// `report --trainee`: whole names and first words, compared after folding (here, lowercasing and a
/// stand-in for Foundation's accent folding, which the command line passes).
final class TraineeQueryTests: XCTestCase {
    private let fold: @Sendable (String) -> String = {
        $0.lowercased().replacingOccurrences(of: "ë", with: "e").replacingOccurrences(of: "ü", with: "u")
    }

    func testWholeNamesAndFirstWordsMatchPartsOfWordsDoNot() {
        let zoe = TraineeQuery("zoe", folding: fold)
        XCTAssertEqual(zoe.match("Zoë Müller"), .firstWords)
        XCTAssertEqual(zoe.match("  Zoë  "), .whole)
        XCTAssertEqual(TraineeQuery("zoe muller", folding: fold).match("Zoë Müller"), .whole)
        XCTAssertNil(TraineeQuery("zo", folding: fold).match("Zoë Müller"))
        XCTAssertNil(TraineeQuery("muller", folding: fold).match("Zoë Müller"), "a prefix of the name, not any word")
        XCTAssertNil(TraineeQuery("   ", folding: fold).match("Zoë Müller"))
        XCTAssertEqual(TraineeQuery("anne").match("Anne-Marie Roy"), .firstWords)
    }

    func testChoosingAmongTheNamesMatched() {
        let zoe = TraineeQuery("zoe", folding: fold)
        XCTAssertEqual(zoe.choice(among: ["Zoë Müller", "zoe muller"]), .all, "one person, spelt two ways")
        XCTAssertEqual(zoe.choice(among: ["Zoë Müller", "Zoe Smith"]), .ambiguous(["Zoe Smith", "Zoë Müller"]))
        XCTAssertEqual(zoe.choice(among: []), .nobody)
        let sam = TraineeQuery("Sam")
        XCTAssertEqual(sam.choice(among: ["Sam", "Sam Lee"]), .only(["Sam"]))
        let narrowed = sam.narrowed(to: ["Sam"])
        XCTAssertEqual(narrowed.match(" Sam "), .whole)
        XCTAssertNil(narrowed.match("Sam Lee"))
    }

    func testTheBuilderIncludesWhatTheQueryMatches() throws {
        var builder = ReportBuilder(trainee: TraineeQuery("zoe", folding: fold))
        for name in ["Zoë Müller", "Robin"] {
            let transcript = try TranscriptLines.parse(
                TranscriptLines.text(
                    TranscriptLines.session(trainee: name, started: "2026-03-02T09:00:00Z"),
                    TranscriptLines.client("progress"), TranscriptLines.coach(1, marker: "8.1", stance: "partner")))
            builder.add(transcript)
        }
        XCTAssertEqual(builder.traineeNames, ["Zoë Müller"])
        XCTAssertEqual(builder.build().trainee, "Zoë Müller")
    }
}
