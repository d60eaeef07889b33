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
                Usage: coachdrill explain <line> [--client <client>]
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
}
