import Foundation
import XCTest

/// `coachdrill list`: one entry per scenario that fits the width, through a pipe and on a terminal.
final class ListCommandTests: XCTestCase {
    /// A long title and a long trap list (Tests/Fixtures/list), so the wrapping shows.
    private let scenarios = CoachDrillBinary.fixture("list")

    /// Through a pipe the entries wrap at 80 columns: id and title first, the details indented under them.
    func testPipedListIsOneEntryPerScenarioWithinEightyColumns() throws {
        let result = try CoachDrillBinary.run(["list", "--scenarios", scenarios])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        try CoachDrillBinary.assertMatchesGolden(result.stdout, "list.txt")
    }

    /// The scenarios that ship: whatever is added, no line is wider than 80 columns and every entry
    /// starts with its id, unindented.
    func testShippedScenariosFitEightyColumns() throws {
        let result = try CoachDrillBinary.run(["list"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for line in lines {
            XCTAssertLessThanOrEqual(line.count, 80, String(line))
        }
        let entries = result.stdout.components(separatedBy: "\n\n")
        XCTAssertGreaterThan(entries.count, 1)
        for entry in entries {
            XCTAssertFalse(entry.hasPrefix(" "), entry)
            XCTAssertTrue(entry.contains("\n    "), "details are indented under the id: \(entry)")
            XCTAssertTrue(entry.contains(" · markers 8."), entry)
        }
        XCTAssertTrue(entries[0].hasPrefix("new-manager-checklist "), "the default scenario comes first")
    }

    /// On a narrow terminal the entries wrap at its width, each value continuing under its own first word.
    func testTerminalListWrapsAtTheTerminalWidth() throws {
        let terminal = try PseudoTerminal(
            executable: CoachDrillBinary.executable.path, arguments: ["list", "--scenarios", scenarios],
            environment: PseudoTerminal.baseEnvironment.merging(["NO_COLOR": "1"]) { _, new in new },
            directory: CoachDrillBinary.packageRoot.path, columns: 56)
        XCTAssertEqual(terminal.waitForExit(), 0, terminal.output)
        XCTAssertEqual(
            terminal.plainOutput.replacingOccurrences(of: "\r\n", with: "\n"),
            """
            quiet-finisher           The quiet finisher
                Sam · standard · markers 8.1 8.9

            returning-client-review  The returning client who did
                                     one and a half of the three
                                     things he planned
                Tomás · stretch · markers 8.1 8.2 8.3 8.4 8.5 8.6
                                          8.7 8.8 8.9
                traps: premature-celebration,
                       coach-owned-accountability, advice-giving,
                       overambitious-plan

            """)
    }
}
