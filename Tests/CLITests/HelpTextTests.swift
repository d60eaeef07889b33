import Foundation
import XCTest

/// `--help` as a newcomer reads it at 80 columns.
final class HelpTextTests: XCTestCase {
    static let commands = ["", "play", "list", "classify", "explain", "lint", "test", "graph", "new", "replay", "report", "drill"]

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
