import Foundation
import XCTest

/// `coachdrill report` over the fixture transcripts (Tests/Fixtures/transcripts, made by its
/// make-fixtures.sh), each format compared as a whole file with Tests/Fixtures/golden/report-*.
/// `COACHDRILL_UPDATE_GOLDEN=1` rewrites the golden files.
final class ReportCommandTests: XCTestCase {
    private let all = "Tests/Fixtures/transcripts"
    private let drills = "Tests/Fixtures/transcripts/drill"
    private let plays = "Tests/Fixtures/transcripts/play"

    private func report(_ arguments: [String], golden: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try CoachDrillBinary.run(["report"] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        try CoachDrillBinary.assertMatchesGolden(result.stdout, golden, file: file, line: line)
    }

    func testText() throws {
        try report([all], golden: "report-all.txt")
    }

    func testMarkdown() throws {
        try report([all, "--format", "md"], golden: "report-all.md")
    }

    func testCSV() throws {
        try report([all, "--format", "csv"], golden: "report-all.csv")
    }

    func testJSON() throws {
        try report([all, "--format", "json"], golden: "report-all.json")
    }

    func testHTML() throws {
        try report([all, "--format", "html"], golden: "report-all.html")
    }

    func testOneTraineesTrend() throws {
        try report([plays, "--trainee", "ROBIN"], golden: "report-robin.txt")
        try report([plays, "--trainee", "robin", "--format", "html"], golden: "report-robin.html")
    }

    func testClassReport() throws {
        try report([drills, "--format", "md"], golden: "report-class.md")
        try report([drills, "--format", "csv"], golden: "report-class.csv")
        try report([drills, "--format", "html"], golden: "report-class.html")
        try report([drills, "--anonymize"], golden: "report-class-anonymized.txt")
        try report([drills, "--format", "gradebook"], golden: "report-class-gradebook.csv")
    }

    /// The gradebook is the drills' CSV: play sessions alone have nothing to grade, and say so.
    func testGradebookNeedsDrillTranscripts() throws {
        let result = try CoachDrillBinary.run(["report", plays, "--format", "gradebook"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("--format gradebook needs drill transcripts"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    /// One point is not a trend: Casey Diaz has one session (a drill), so the page draws no line chart;
    /// Jordan Lee, with two days, gets one.
    func testATrendNeedsTwoPoints() throws {
        let one = try CoachDrillBinary.run(["report", all, "--trainee", "casey", "--format", "html"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(one.stdout.contains("<h1>"), one.stdout)
        XCTAssertFalse(one.stdout.contains("Partnering rate over time"), "a chart of one dot")
        let two = try CoachDrillBinary.run(["report", all, "--trainee", "jordan", "--format", "html"])
        XCTAssertTrue(two.stdout.contains("Partnering rate over time"))
    }

    func testXAPI() throws {
        try report([drills, "--format", "xapi"], golden: "report-class.xapi.json")
        try report(
            [plays, "--format", "xapi", "--xapi-base", "https://lrs.example.org/coachdrill/", "--xapi-email-domain", "example.org"],
            golden: "report-play.xapi.json")
    }

    func testOutputFileAndAKilledSessionsNote() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cd-report-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CoachDrillBinary.run(["report", all, "--format", "md", "--output", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(
            result.stderr,
            "coachdrill: note: Tests/Fixtures/transcripts/play/alex-kim-2026-03-10.jsonl:7: the last line was cut off "
                + "mid-write (the session was killed); read the rest\n")
        try CoachDrillBinary.assertMatchesGolden(try String(contentsOfFile: output, encoding: .utf8), "report-all.md")
    }

    func testTheHTMLIsSelfContained() throws {
        let html = try CoachDrillBinary.run(["report", all, "--format", "html"]).stdout
        XCTAssertFalse(html.contains("<script"), "no scripts")
        XCTAssertFalse(html.contains("<link"), "no stylesheets to fetch")
        XCTAssertFalse(html.contains("src="), "no images or frames to fetch")
        XCTAssertFalse(html.contains("url("), "no fonts or backgrounds to fetch")
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 2, "a marker chart and a trend chart")
    }

    func testFilesThatCannotBeReadAreSkippedAndNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cd-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/nested", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(
            atPath: CoachDrillBinary.fixture("transcripts/play/robin-2026-03-02.jsonl"), toPath: folder + "/nested/robin.jsonl")
        try "{\"event\":\"session\",\"version\":1}\n".write(toFile: folder + "/bad.jsonl", atomically: true, encoding: .utf8)
        try "not a transcript".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        let result = try CoachDrillBinary.run(["report", folder])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "coachdrill: skipped \(folder)/bad.jsonl:1: session event: missing field 'scenario'\n")
        XCTAssertTrue(result.stdout.contains("1 session · 1 trainee · 2 answers"), result.stdout)
    }

    /// A new folder holding one copy of Robin's session per file name, each recorded under the given trainee.
    private func sessionsFolder(_ trainees: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cd-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let session = try String(contentsOfFile: CoachDrillBinary.fixture("transcripts/play/robin-2026-03-02.jsonl"), encoding: .utf8)
        for (file, name) in trainees {
            try session.replacingOccurrences(of: "\"trainee\":\"Robin\"", with: "\"trainee\":\"\(name)\"")
                .write(toFile: "\(folder)/\(file).jsonl", atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// `--trainee` ignores case and accents, takes a first name when only one trainee has it, and says who
    /// there is when nobody matches.
    func testTraineeIsFoundWithoutAccentsOrByFirstName() throws {
        let folder = try sessionsFolder(["zoe": "Zoë Müller", "zoe-2": "Zoë Müller", "sam": "Sam", "sam-lee": "Sam Lee", "robin": "Robin"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for query in ["zoë müller", "zoe muller", "ZOE", "zoe"] {
            let result = try CoachDrillBinary.run(["report", folder, "--trainee", query])
            XCTAssertEqual(result.status, 0, "\(query): \(result.stderr)")
            XCTAssertTrue(result.stdout.hasPrefix("CoachDrill report: Zoë Müller\n"), "\(query): \(result.stdout)")
            XCTAssertTrue(result.stdout.contains("\n2 sessions · "), "\(query): \(result.stdout)")
        }
        // "sam" names Sam whole, so Sam Lee's session is not his.
        let sam = try CoachDrillBinary.run(["report", folder, "--trainee", "sam"])
        XCTAssertTrue(sam.stdout.hasPrefix("CoachDrill report: Sam\n"), sam.stdout)
        XCTAssertTrue(sam.stdout.contains("\n1 session · "), sam.stdout)
        XCTAssertTrue(try CoachDrillBinary.run(["report", folder, "--trainee", "sam lee"]).stdout.hasPrefix("CoachDrill report: Sam Lee\n"))

        let partOfAWord = try CoachDrillBinary.run(["report", folder, "--trainee", "zo"])
        XCTAssertEqual(partOfAWord.status, 1)
        XCTAssertEqual(
            partOfAWord.stderr,
            "coachdrill: no sessions by 'zo' in 5 transcript files; the trainees in them are Robin, Sam, Sam Lee and Zoë Müller\n")
    }

    func testAFirstNameSeveralTraineesShareIsAskedAbout() throws {
        let folder = try sessionsFolder(["a": "Robin Park", "b": "Robin Diaz"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CoachDrillBinary.run(["report", folder, "--trainee", "robin"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            "coachdrill: 'robin' could be Robin Diaz or Robin Park; give more of the name, such as --trainee \"Robin Diaz\"\n")
    }

    /// On an 80-column terminal the text report's paragraphs and bullets break between words (bullets under
    /// their text); table rows stay whole. Files and pipes get one line per paragraph (the golden files).
    func testTextOnATerminalWrapsProseNotTables() throws {
        let terminal = try PseudoTerminal(
            executable: CoachDrillBinary.executable.path, arguments: ["report", drills, "--anonymize"],
            environment: ["HOME": NSTemporaryDirectory(), "TERM": "xterm", "NO_COLOR": "1", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"],
            directory: CoachDrillBinary.packageRoot.path, columns: 80)
        XCTAssertEqual(terminal.waitForExit(), 0, terminal.output)
        let lines = PseudoTerminal.removingEscapes(terminal.output).replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n")
        XCTAssertTrue(lines.contains("answered: of all who ran the pack; pass rate: of those who got to the item;"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("partnered: of the answers given."))
        XCTAssertTrue(lines.contains("#  item               kind        target  answered  passed  pass rate  partnered  overtime"))
        for line in lines where !line.contains("  ") && !line.hasPrefix("  - ") {
            XCTAssertLessThanOrEqual(line.count, 80, line)
        }
    }

    func testNothingToReportFails() throws {
        let missing = try CoachDrillBinary.run(["report", "no/such/folder"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "coachdrill: no file or folder at 'no/such/folder'\n")

        let nobody = try CoachDrillBinary.run(["report", plays, "--trainee", "Nobody"])
        XCTAssertEqual(nobody.status, 1)
        XCTAssertTrue(nobody.stderr.contains("no sessions by 'Nobody' in 6 transcript files"), nobody.stderr)

        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("cd-empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let none = try CoachDrillBinary.run(["report", empty])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("no transcripts (*.jsonl) under"), none.stderr)
    }
}
