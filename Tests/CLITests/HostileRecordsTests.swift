import Foundation
import XCTest

/// A facilitator's results folder is shared, so anything in it may have been edited by someone else
/// (issue 16). Each test is one of the holes an attacker found, run through the built binary.
final class HostileRecordsTests: XCTestCase {
    private let drillFixture = CoachDrillBinary.fixture("transcripts/drill/room-a/robin.jsonl")
    private let playFixture = CoachDrillBinary.fixture("transcripts/play/robin-2026-03-02.jsonl")
    private let scenarios = CoachDrillBinary.fixture("play")
    /// A folder of the test's own, made on first use and removed when the test ends.
    private lazy var folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cd-hostile-\(UUID().uuidString)").path
        let made = (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil
        XCTAssertTrue(made, "cannot make \(path)")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }()

    /// `fixture` with `old` replaced by `new`, written into the test's folder as `name`.
    private func edited(_ fixture: String, _ old: String, _ new: String, as name: String) throws -> String {
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "the fixture holds \(old)")
        let path = folder + "/" + name
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs the binary, killing it if it takes longer than `seconds` (a FIFO used to hang it forever).
    private func run(_ arguments: [String], seconds: Double = 20, stdout: FileHandle? = nil) throws -> CoachDrillBinary.Result {
        let process = Process()
        process.executableURL = CoachDrillBinary.executable
        process.arguments = arguments
        process.environment = ["HOME": folder, "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "USER": "tester"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        // Files, not pipes: nothing has to drain them while the process runs, and nothing is shared.
        let outPath = NSTemporaryDirectory() + "cd-out-\(UUID().uuidString)"
        let errPath = NSTemporaryDirectory() + "cd-err-\(UUID().uuidString)"
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try stdout ?? FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            XCTFail("coachdrill \(arguments.joined(separator: " ")) still running after \(seconds) s")
            done.wait()
        }
        let output = try Data(contentsOf: URL(fileURLWithPath: outPath))
        let errors = try Data(contentsOf: URL(fileURLWithPath: errPath))
        return CoachDrillBinary.Result(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errors, as: UTF8.self))
    }

    /// `report PATH` reads nothing and says why, naming the file and the line.
    private func assertReportRefuses(
        _ path: String, saying message: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let result = try run(["report", path])
        XCTAssertEqual(result.status, 1, file: file, line: line)
        XCTAssertTrue(result.stderr.contains("skipped \(path):" + message), result.stderr, file: file, line: line)
    }

    /// The command succeeds, and its output shows `escaped` where the input had control characters.
    private func assertShownEscaped(
        _ arguments: [String], _ escaped: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let result = try run(arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        assertNoRawControls(result.stdout, file: file, line: line)
        XCTAssertTrue(result.stdout.contains(escaped), result.stdout, file: file, line: line)
    }

    private func assertNoRawControls(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let raw = text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || (0x7F...0x9F).contains($0.value)
                || (0x202A...0x202E).contains($0.value)
        }
        XCTAssertTrue(raw.isEmpty, "raw control characters \(raw.map { String($0.value, radix: 16) }) in:\n\(text)", file: file, line: line)
    }

    // MARK: Crashes

    func testAHugeItemNumberIsRefusedNotACrashInEveryFormat() throws {
        let path = try edited(drillFixture, "\"event\":\"item\",\"item\":0", "\"event\":\"item\",\"item\":9223372036854775807", as: "big.jsonl")
        for format in ["text", "md", "html"] {
            let result = try run(["report", path, "--format", format])
            XCTAssertEqual(result.status, 1, format)
            XCTAssertEqual(
                result.stderr,
                "coachdrill: skipped \(path):4: item event: field 'item' is 9223372036854775807; expected 0 to 9999\n"
                    + "coachdrill: no readable transcripts among 1 file\n", format)
        }
    }

    func testAHugeElapsedTimeIsRefusedNotACrashInXAPI() throws {
        let path = try edited(drillFixture, "\"elapsed_seconds\":20", "\"elapsed_seconds\":1e17", as: "elapsed.jsonl")
        let result = try run(["report", path, "--format", "xapi"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(path):4: item event: field 'elapsed_seconds' is 1e+17; expected 0 to 604800"), result.stderr)
    }

    // MARK: Terminal escapes

    func testAnEventNameThatSetsTheWindowTitleIsShownEscaped() throws {
        let path = folder + "/title.jsonl"
        try #"{"event":"\u001b]0;PWNED\u0007"}"#.appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try run(["report", path])
        XCTAssertEqual(result.status, 1)
        assertNoRawControls(result.stderr)
        XCTAssertTrue(result.stderr.contains(#"found '\u{1B}]0;PWNED\u{7}'"#), result.stderr)
    }

    func testAFileNameWithEscapesIsShownEscaped() throws {
        let path = folder + "/\u{1B}]52;c;cHduZWQ=\u{07}.jsonl"
        try "not json\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try run(["report", path])
        assertNoRawControls(result.stderr)
        XCTAssertTrue(result.stderr.contains(#"\u{1B}]52;c;cHduZWQ=\u{7}.jsonl:1"#), result.stderr)
    }

    func testCSVNamesKeepNoControlCharacters() throws {
        let path = try edited(playFixture, "\"trainee\":\"Robin\"", #""trainee":"Rob\u001b[31min\u0007\u009b\u202e""#, as: "csv.jsonl")
        try assertShownEscaped(["report", path, "--format", "csv"], #"Rob\u{1B}[31min\u{7}\u{9B}\u{202E},8.1,"#)
    }

    func testClassifyShowsItsInputEscaped() throws {
        let input = folder + "/lines.txt"
        try "What do you want \u{1B}]0;PWNED\u{07}\u{9B}2J?\n".write(toFile: input, atomically: true, encoding: .utf8)
        try assertShownEscaped(["classify", input], "none\tpartner\tWhat do you want \\u{1B}]0;PWNED\\u{7}\\u{9B}2J?")
    }

    // MARK: Replay

    func testReplayNeverReadsTheScenarioFieldAsAPath() throws {
        let path = try edited(playFixture, "\"scenario\":\"closing-practice\"", "\"scenario\":\"/etc/passwd\"", as: "passwd.jsonl")
        let result = try run(["replay", path, "--scenarios", scenarios])
        XCTAssertEqual(result.status, 2)
        XCTAssertFalse(result.stdout.contains("root:") || result.stderr.contains("root:"), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix(
            "coachdrill: '/etc/passwd' is not a scenario id (an id has no '/' and does not start with '.'); it is looked up "
                + "in the scenario folders, never read as a path\n"), result.stderr)
    }

    func testReplayRefusesAFIFOWhereTheScenarioFileWouldBe() throws {
        let library = folder + "/scenarios"
        try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(library + "/closing-practice.yaml", 0o644), 0)
        let result = try run(["replay", playFixture, "--scenarios", library], seconds: 10)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("it is a FIFO, not a regular file"), result.stderr)
    }

    // MARK: Figures

    func testOneFileCountsOnceWhateverLeadsToIt() throws {
        let results = folder + "/r"
        try FileManager.default.createDirectory(atPath: results, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: playFixture, toPath: results + "/robin.jsonl")
        try FileManager.default.createSymbolicLink(atPath: results + "/again.jsonl", withDestinationPath: "robin.jsonl")
        let result = try run(["report", "r", "r/", "./r", results + "/robin.jsonl"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("1 session · 1 trainee · 2 answers"), result.stdout)
    }

    func testForgedPassesAreRecomputedAndSaid() throws {
        // Robin's first answer partnered; made to advise, it cannot have passed its quick-fire item.
        let path = try edited(
            drillFixture, "\"marker\":\"8.7\",\"stance\":\"partner\",\"markers\"", "\"marker\":\"8.7\",\"stance\":\"advise\",\"markers\"",
            as: "forged.jsonl")
        let result = try run(["report", path, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stderr,
            "coachdrill: note: \(path):3: recorded as passed, but the answers give not passed; using the answers\n"
                + "coachdrill: note: \(path):4: recorded as passed, but the answers give not passed; using the answers\n"
                + "coachdrill: note: \(path):15: the end event's result says 3 of 3 items passed, but the answers give 2 of 3; "
                + "the run counts as not scored\n")
        XCTAssertTrue(result.stdout.contains("\"scored\": 0"), result.stdout)
    }

    func testAForgedResultWithNoItemsIsRefused() throws {
        let path = try edited(drillFixture, "\"items_passed\":3,\"items\":3", "\"items_passed\":99,\"items\":0", as: "result.jsonl")
        try assertReportRefuses(path, saying: "15: end event: field 'result.items_passed' is 99; expected 0 to 0")
    }

    func testARepeatedItemIsAnError() throws {
        let lines = try String(contentsOfFile: drillFixture, encoding: .utf8).split(separator: "\n")
        let path = folder + "/repeated.jsonl"
        try (lines[0..<7] + [lines[6]]).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        try assertReportRefuses(path, saying: "8: item 1 ends a second time (it already ended on line 7)")
    }

    func testANegativeTurnIsAnError() throws {
        let path = try edited(playFixture, "\"turn\":1", "\"turn\":-1", as: "negative.jsonl")
        try assertReportRefuses(path, saying: "3: coach event: field 'turn' is -1; expected 1 to 1000000")
    }

    func testAnOverlongLineIsRefused() throws {
        let path = folder + "/long.jsonl"
        var bytes = Data(try String(contentsOfFile: playFixture, encoding: .utf8).split(separator: "\n")[0].utf8)
        bytes.append(Data("\n".utf8))
        bytes.append(Data(repeating: UInt8(ascii: "x"), count: 17 << 20))
        try bytes.write(to: URL(fileURLWithPath: path))
        try assertReportRefuses(path, saying: "2: the line is longer than 16 MiB")
    }

    // MARK: Files

    func testAFIFOIsNeverReadAsATranscript() throws {
        let fifo = folder + "/session.jsonl"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let result = try run(["report", fifo], seconds: 10)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("skipped \(fifo): cannot read the file: it is a FIFO, not a regular file"), result.stderr)
    }

    func testPlayRefusesAFIFOAsItsTranscript() throws {
        let fifo = folder + "/t.jsonl"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let result = try run(["play", scenarios + "/closing-practice.yaml", "--transcript", fifo], seconds: 10)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("cannot write the transcript to '\(fifo)': it is a FIFO with no reader"), result.stderr)
    }

    func testOutputRefusesAnythingButARegularFile() throws {
        let fifo = folder + "/out.fifo"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let link = folder + "/out.link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder + "/elsewhere.txt")
        var targets = [(fifo, "a FIFO"), (link, "a symbolic link")]
        // A device of the test's own, never /dev/null: a coachdrill that got this wrong would delete it.
        let device = folder + "/null"
        let nullDevice = dev_t(1 << 8 | 3)  // major 1, minor 3: what /dev/null is
        if mknod(device, S_IFCHR | 0o666, nullDevice) == 0 { targets.append((device, "a character device")) }
        for (target, kind) in targets {
            let result = try run(["report", playFixture, "--output", target], seconds: 10)
            XCTAssertEqual(result.status, 1)
            XCTAssertEqual(
                result.stderr,
                "coachdrill: will not replace '\(target)': it is \(kind), not a regular file; name a file for --output\n")
        }
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "still a FIFO")
        XCTAssertEqual(lstat(link, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK, "still a link")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/elsewhere.txt"))
        if targets.count == 3 {
            XCTAssertEqual(lstat(device, &info), 0)
            XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "still a device")
        }
    }

    func testOutputKeepsAnExistingFilesModeAndLeavesNoTemporaryFile() throws {
        let output = folder + "/private.txt"
        XCTAssertTrue(FileManager.default.createFile(atPath: output, contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o600]))
        let result = try run(["report", playFixture, "--output", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        let attributes = try FileManager.default.attributesOfItem(atPath: output)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertTrue(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("CoachDrill report\n"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["private.txt"])
    }

    func testAFailedWriteToStandardOutputIsAnError() throws {
        let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        let commands = [
            ["report", playFixture], ["lint", CoachDrillBinary.fixture("lint/broken/alias-bomb.yaml")],
            ["graph", scenarios + "/closing-practice.yaml"], ["play", scenarios + "/closing-practice.yaml", "--no-transcript"],
            ["classify", playFixture],
        ]
        for command in commands {
            let result = try run(command, stdout: full)
            XCTAssertEqual(result.status, 1, command.joined(separator: " "))
            XCTAssertEqual(
                result.stderr, "coachdrill: cannot write to standard output: No space left on device\n", command.joined(separator: " "))
        }
    }

    // MARK: xAPI

    private func statements(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try run(["report"] + arguments + ["--format", "xapi"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    func testXAPIActorsNeverMergeDifferentPeople() throws {
        let names = ["李明", "王芳", "Олег", "José", "Jos", "jos", "Robin Doe", "robin.doe"]
        for (index, name) in names.enumerated() {
            _ = try edited(playFixture, "\"trainee\":\"Robin\"", "\"trainee\":\"\(name)\"", as: "t\(index).jsonl")
        }
        let byDomain = try statements([folder, "--xapi-email-domain", "example.org"])
        let mboxes = byDomain.compactMap { ($0["actor"] as? [String: Any])?["mbox"] as? String }
        XCTAssertEqual(Set(mboxes).count, names.count, "\(mboxes)")
        XCTAssertTrue(mboxes.contains("mailto:Jos%C3%A9@example.org"), "\(mboxes)")
        XCTAssertTrue(mboxes.contains("mailto:%E6%9D%8E%E6%98%8E@example.org"), "\(mboxes)")

        let byAccount = try statements([folder])
        let accounts = byAccount.compactMap { (($0["actor"] as? [String: Any])?["account"] as? [String: Any])?["name"] as? String }
        XCTAssertEqual(accounts.sorted(), names.sorted(), "each account holds the exact name")
    }

    func testEveryStatementFollowsXAPI103() throws {
        for statement in try statements([CoachDrillBinary.fixture("transcripts")]) {
            let actor = try XCTUnwrap(statement["actor"] as? [String: Any])
            XCTAssertEqual(["mbox", "mbox_sha1sum", "openid", "account"].filter { actor[$0] != nil }.count, 1)
            let timestamp = try XCTUnwrap(statement["timestamp"] as? String)
            XCTAssertNotNil(
                timestamp.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/), "RFC 3339 with milliseconds: \(timestamp)")
            let verb = try XCTUnwrap((statement["verb"] as? [String: Any])?["id"] as? String)
            let object = try XCTUnwrap((statement["object"] as? [String: Any])?["id"] as? String)
            for iri in [verb, object] { XCTAssertTrue(iri.hasPrefix("http://") || iri.hasPrefix("https://"), iri) }
            if let score = (statement["result"] as? [String: Any])?["score"] as? [String: Any] {
                let scaled = try XCTUnwrap(score["scaled"] as? Double)
                XCTAssertTrue((-1...1).contains(scaled))
                XCTAssertLessThan(try XCTUnwrap(score["min"] as? Double), try XCTUnwrap(score["max"] as? Double))
            }
        }
    }

    func testAStatementThatBreaksTheRulesIsLeftOutAndSaid() throws {
        let path = try edited(playFixture, "\"trainee\":\"Robin\"", "\"trainee\":\"\"", as: "nameless.jsonl")
        let result = try run(["report", path, "--format", "xapi"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "[]\n")
        XCTAssertTrue(result.stderr.contains("left out an xAPI statement for '' (closing-practice"), result.stderr)
        XCTAssertTrue(result.stderr.contains("actor.account.name is not empty"), result.stderr)
    }

    // MARK: The fuzz corpus

    func testEveryFormatReportsTheFuzzCorpusWithoutACrashOrARawControlCharacter() throws {
        let corpus = CoachDrillBinary.packageRoot.appendingPathComponent("Fuzz/corpus/transcript-reader").path
        for format in ["text", "md", "csv", "json", "html", "xapi"] {
            let result = try run(["report", corpus, "--format", format])
            XCTAssertEqual(result.status, 0, "\(format): \(result.stderr)")
            assertNoRawControls(result.stderr)
            if format == "text" || format == "csv" { assertNoRawControls(result.stdout) }
        }
    }
}
