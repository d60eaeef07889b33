import Foundation
import XCTest

/// `--help` as a newcomer reads it at 80 columns.
final class HelpTextTests: XCTestCase {
    static let commands = ["", "play", "list", "classify", "explain", "lint", "test", "graph", "new", "replay", "report", "drill"]

    /// ArgumentParser adds "(default: ...)" to an option with a default value; a help text that names the
    /// default itself would show it twice.
    func testNoOptionStatesItsDefaultTwice() throws {
        for command in Self.commands {
            let arguments = command.isEmpty ? ["--help"] : [command, "--help"]
            let result = try CoachDrillBinary.run(arguments, environment: ["COLUMNS": "80"])
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            // Each argument's or option's entry starts on a line indented by exactly two spaces; its wrapped
            // help continues on lines indented further.
            var entries: [String] = []
            for line in result.stdout.split(separator: "\n") {
                if line.hasPrefix("  "), !line.hasPrefix("   ") || entries.isEmpty {
                    entries.append(String(line))
                } else if !entries.isEmpty {
                    entries[entries.count - 1] += "\n" + line
                }
            }
            for entry in entries {
                let mentions = entry.components(separatedBy: "(default").count - 1
                XCTAssertLessThanOrEqual(mentions, 1, "`coachdrill \(command) --help` says the default twice:\n\(entry)")
            }
        }
        let report = try CoachDrillBinary.run(["report", "--help"], environment: ["COLUMNS": "200"])
        XCTAssertTrue(
            report.stdout.contains("Base IRI of xAPI activity ids. (default: https://coachdrill.example/xapi)"),
            report.stdout)
    }

    /// The prose above USAGE is wrapped by width only: a line breaks early only where the next word would not
    /// have fitted (ArgumentParser keeps lines under the width). A hard line break inside a paragraph shows as a short line followed by more prose.
    func testHelpProseBreaksOnlyWhereTheLineIsFull() throws {
        for command in Self.commands {
            let arguments = command.isEmpty ? ["--help"] : [command, "--help"]
            let result = try CoachDrillBinary.run(arguments, environment: ["COLUMNS": "80"])
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            let prose = result.stdout.components(separatedBy: "\nUSAGE:")[0].components(separatedBy: "\n")
            XCTAssertGreaterThan(prose.count, 0, command)
            for (line, next) in zip(prose, prose.dropFirst()) {
                XCTAssertLessThanOrEqual(line.count, 80, "\(command): \(line)")
                // Examples are indented and keep their own lines; blank lines separate paragraphs.
                guard !line.isEmpty, !next.isEmpty, !line.hasPrefix(" "), !next.hasPrefix(" ") else { continue }
                let nextWord = next.split(separator: " ").first.map(String.init) ?? ""
                XCTAssertGreaterThanOrEqual(
                    line.count + 1 + nextWord.count, 80,
                    "`coachdrill \(command) --help` breaks a paragraph early:\n\(line)\n\(next)")
            }
        }
    }
}
