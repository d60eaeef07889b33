import Foundation
import XCTest

/// `coachdrill explain` through the built binary.
final class ExplainCommandTests: XCTestCase {
    /// An empty or blank line (often an unset shell variable) is a usage mistake, not a line to judge.
    func testAnEmptyLineIsAUsageError() throws {
        for line in ["", "   ", "\t\n"] {
            let result = try CoachDrillBinary.run(["explain", line])
            XCTAssertEqual(result.status, 2, "'\(line)': \(result.stdout)")
            XCTAssertEqual(result.stdout, "", "nothing is judged")
            XCTAssertEqual(
                result.stderr,
                """
                Error: explain needs a coach line, e.g. coachdrill explain "What will you take from today?"
                Usage: coachdrill explain <line> [--client <client>] [--scenario <scenario>] [--beat <beat>] [--scenarios <scenarios>]
                  See 'coachdrill explain --help' for more information.

                """)
        }
    }

    /// The control: a real line is judged.
    func testACoachLineIsExplained() throws {
        let result = try CoachDrillBinary.run(["explain", "What will you take from today?"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("line: \"What will you take from today?\"\n"), result.stdout)
    }

    /// At a beat, the line is judged as in a session there, and `Try` offers the beat's exemplar for a line on
    /// a marker the beat expects, labelled with it.
    func testALineIsJudgedAtABeat() throws {
        let scenario = CoachDrillBinary.fixture("lint/clean/quiet-finisher.yaml")
        let result = try CoachDrillBinary.run(
            ["explain", "We should stop here for today.", "--scenario", scenario, "--beat", "wrap-up"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("at beat 'wrap-up', which expects 8.9\nline: \"We should stop here for today.\""), result.stdout)
        XCTAssertTrue(result.stdout.contains("Try (8.9): \"How would you like to close our session today?\""), result.stdout)
        let elsewhere = try CoachDrillBinary.run(["explain", "We should stop here for today."])
        XCTAssertFalse(elsewhere.stdout.contains("at beat"), elsewhere.stdout)
        XCTAssertEqual(try CoachDrillBinary.run(["explain", "Hello?", "--beat", "wrap-up"]).status, 2)
    }
}
