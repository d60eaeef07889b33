import Foundation
import XCTest

/// `coachdrill drill` through the built binary: whole packs for several participants, two of them at once
/// into one results folder, feedback withheld until the results, overtime recorded.
final class DrillCommandTests: XCTestCase {
    private let library = CoachDrillBinary.fixture("packs/library")
    private var results = ""

    override func setUpWithError() throws {
        results = NSTemporaryDirectory() + "coachdrill-results-" + UUID().uuidString
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: results)
    }

    /// Answers that pass every item of Tests/Fixtures/packs/packs/mini-drill.yaml.
    private let passingAnswers = [
        "How do you want to hold yourself to that?",
        "How would you like to close our session today?",
        "Where are you now with what you wanted from today?",
        "What would you like to do before we next meet?",
    ]
    /// Answers that advise on every item (the scenario ends flat).
    private let advisingAnswers = [
        "Email me on Friday so I know you stuck to it.",
        "We're out of time, so let's stop there.",
        "You should just hand it all to Priya.",
        "You need to write the list tonight.",
    ]

    private func drill(_ name: String, _ answers: [String], pack: String = "mini-drill") throws
        -> CoachDrillBinary.Result
    {
        try CoachDrillBinary.run(
            ["drill", pack, "--as", name, "--results", results, "--scenarios", library],
            input: answers.map { $0 + "\n" }.joined())
    }

    // MARK: - Whole packs

    func testWholePackForSeveralParticipants() throws {
        let robin = try drill("Robin", passingAnswers)
        let zoe = try drill("Zoë Okafor", advisingAnswers)
        let kim = try drill("Kim", [passingAnswers[0], ":skip", passingAnswers[2]])
        for run in [robin, zoe, kim] { XCTAssertEqual(run.status, 0, run.stderr) }

        XCTAssertTrue(robin.stdout.contains("PASSED: 3 of 3 items (100%); this pack asks for 60%."), robin.stdout)
        XCTAssertTrue(zoe.stdout.contains("NOT PASSED: 0 of 3 items (0%)"), zoe.stdout)
        XCTAssertTrue(zoe.stdout.contains("8.7 accountability ✗"), "the required marker was never partnered")
        XCTAssertTrue(kim.stdout.contains("NOT PASSED: 1 of 3 items (33%)"), kim.stdout)
        XCTAssertTrue(
            kim.stdout.contains("2. close-on-the-clock · rewrite · 8.9 closing · skipped"), kim.stdout)
        XCTAssertTrue(kim.stdout.contains("3. sam-close · scenario · not finished"), kim.stdout)

        let files = try transcriptFiles()
        XCTAssertEqual(files.count, 3)
        XCTAssertEqual(files.filter { $0.hasPrefix("robin-mini-drill-") }.count, 1)
        XCTAssertEqual(
            files.filter { $0.hasPrefix("zoe-okafor-mini-drill-") }.count, 1, "accents dropped, spaces become '-'")
        for file in files {
            XCTAssertNotNil(
                file.range(
                    of: #"^[a-z0-9-]+-mini-drill-\d{8}T\d{6}Z-\d+-[a-z2-9]{6}\.jsonl$"#, options: .regularExpression),
                file)
        }

        let robinEvents = try events(files.first { $0.hasPrefix("robin") } ?? "")
        XCTAssertEqual(
            robinEvents.map { $0["event"] as? String ?? "" },
            [
                // The scenario item: each reply, then the next beat's opening line.
                "session", "client", "coach", "item", "client", "coach", "item", "client", "coach", "client", "client",
                "coach", "client", "client", "item", "end",
            ])
        let session = robinEvents[0]
        XCTAssertEqual(session["mode"] as? String, "drill")
        XCTAssertEqual(session["pack"] as? String, "mini-drill")
        XCTAssertEqual(session["scenario"] as? String, "mini-drill")
        XCTAssertEqual(session["trainee"] as? String, "Robin")
        XCTAssertEqual(session["version"] as? Int, 2)
        XCTAssertEqual((session["pack_hash"] as? String)?.hasPrefix("fnv1a64:"), true)
        XCTAssertEqual((session["run"] as? String).map { files.first { $0.hasPrefix("robin") }?.contains($0) }, true)
        let firstAnswer = robinEvents[2]
        XCTAssertEqual(firstAnswer["item"] as? Int, 0)
        XCTAssertEqual(firstAnswer["target"] as? String, "8.7")
        XCTAssertEqual(firstAnswer["passed"] as? Bool, true)
        XCTAssertEqual(firstAnswer["beat"] as? String, "own-the-log")
        XCTAssertEqual(firstAnswer["turn"] as? Int, 1)
        let scenarioAnswer = robinEvents[8]
        XCTAssertEqual(scenarioAnswer["item"] as? Int, 2)
        XCTAssertEqual(scenarioAnswer["beat"] as? String, "progress")
        XCTAssertEqual(scenarioAnswer["next"] as? String, "next-step")
        XCTAssertEqual(scenarioAnswer["turn"] as? Int, 3)
        let items = robinEvents.filter { $0["event"] as? String == "item" }
        XCTAssertEqual(items.map { $0["kind"] as? String ?? "" }, ["quick-fire", "rewrite", "scenario"])
        XCTAssertEqual(items.map { $0["id"] as? String ?? "" }, ["own-the-log", "close-on-the-clock", "sam-close"])
        XCTAssertEqual(items.map { $0["time_limit_seconds"] as? Int ?? 0 }, [30, 30, 120])
        XCTAssertEqual(items.map { $0["passed"] as? Bool ?? false }, [true, true, true])
        XCTAssertEqual(items.map { $0["overtime"] as? Bool ?? true }, [false, false, false])
        let end = try XCTUnwrap(robinEvents.last)
        XCTAssertEqual(end["reason"] as? String, "completed")
        let result = try XCTUnwrap(end["result"] as? [String: Any])
        XCTAssertEqual(result["passed"] as? Bool, true)
        XCTAssertEqual(result["items_passed"] as? Int, 3)
        XCTAssertEqual(result["items"] as? Int, 3)
        XCTAssertEqual((end["scorecard"] as? [String: Any])?["turns"] as? Int, 4)

        let zoeEnd = try XCTUnwrap(try events(files.first { $0.hasPrefix("zoe") } ?? "").last)
        XCTAssertEqual((zoeEnd["result"] as? [String: Any])?["items_passed"] as? Int, 0)
        XCTAssertEqual((zoeEnd["scorecard"] as? [String: Any])?["advised"] as? Int, 4)

        let kimEvents = try events(files.first { $0.hasPrefix("kim") } ?? "")
        XCTAssertEqual(kimEvents.last?["reason"] as? String, "eof")
        XCTAssertEqual(
            kimEvents.filter { $0["event"] as? String == "item" }.map { $0["passed"] as? Bool ?? true },
            [true, false, false],
            "the skipped item and the scenario cut short by the end of input are closed, not passed")

        // The class report counts who answered each item; Kim's skip is told from a drill that ended early.
        let report = try CoachDrillBinary.run(["report", results])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stdout.contains("  close-on-the-clock  rewrite     8.9       2 of 3"), report.stdout)
        XCTAssertTrue(report.stdout.contains("\nNot answered: close-on-the-clock 1 skipped.\n"), report.stdout)
        XCTAssertFalse(report.stdout.contains("Per trainee and marker"), "the participants x markers table is shown once")
    }

    /// Two participants at once, into one folder, with the same name: both processes have opened their files
    /// and are waiting for answers before either gets any.
    func testTwoParticipantsAtOnceIntoOneFolder() throws {
        let first = try startDrill(name: "Robin")
        let second = try startDrill(name: "Robin")
        let deadline = Date().addingTimeInterval(20)
        while ((try? transcriptFiles().count) ?? 0) < 2, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertEqual(try transcriptFiles().count, 2, "both files exist before any answer is given")
        try first.answer(passingAnswers)
        try second.answer(advisingAnswers)
        let outputs = [first.finish(), second.finish()]
        for output in outputs { XCTAssertEqual(output.status, 0, output.stderr) }
        XCTAssertTrue(outputs[0].stdout.contains("PASSED: 3 of 3"))
        XCTAssertTrue(outputs[1].stdout.contains("NOT PASSED: 0 of 3"))

        let files = try transcriptFiles()
        XCTAssertEqual(files.count, 2)
        XCTAssertNotEqual(files[0], files[1])
        var runs: Set<String> = []
        var passes: [Bool] = []
        for file in files {
            let lines = try events(file)
            XCTAssertEqual(lines.first?["event"] as? String, "session")
            XCTAssertEqual(lines.last?["event"] as? String, "end")
            XCTAssertEqual(lines.filter { $0["event"] as? String == "session" }.count, 1, "one run per file")
            XCTAssertEqual(lines.filter { $0["event"] as? String == "coach" }.count, 4)
            runs.insert(lines.first?["run"] as? String ?? "")
            passes.append(((lines.last?["result"] as? [String: Any])?["passed"] as? Bool) ?? false)
        }
        XCTAssertEqual(runs.count, 2)
        XCTAssertEqual(passes.sorted { !$0 && $1 }, [false, true])
    }

    // MARK: - Assessment rules

    /// Nothing before the results line names a verdict; after it, every answer's feedback is there.
    func testFeedbackIsWithheldUntilTheResults() throws {
        let result = try CoachDrillBinary.run(
            ["drill", "warmup-all-markers", "--as", "Robin", "--results", results],
            input: (1...10).map { "You should just do what you said, and tell me when it's done. \($0)\n" }.joined())
        XCTAssertEqual(result.status, 0, result.stderr)
        let parts = result.stdout.components(separatedBy: "\nResults · ")
        XCTAssertEqual(parts.count, 2, "one results heading")
        let before = parts[0]
        let after = parts[1]
        for leak in ["✓", "✗", "advised", "partnered", "trap ", "Try (", "passed", "PASSED", "neutral"] {
            XCTAssertFalse(before.contains(leak), "'\(leak)' shown before the results")
        }
        XCTAssertEqual(before.components(separatedBy: "Answer recorded.").count - 1, 10)
        XCTAssertTrue(
            after.hasPrefix("Ten-minute warm-up across all nine markers · Robin\nNOT PASSED: 0 of 10"), after)
        XCTAssertEqual(after.components(separatedBy: "✗ ").count - 1, 10, "feedback for every item")
        XCTAssertTrue(
            after.contains("Try (8.7): \"How would you like to hold yourself accountable for those thirty minutes?\""), after)
    }

    func testHintsAndUndoAreRefusedAndSkipAndQuitWork() throws {
        let result = try drill("Robin", [":hint", ":undo", ":score", ":bogus", ":help", ":skip", ":quit"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.components(separatedBy: "Not during a drill").count - 1, 3)
        XCTAssertTrue(result.stdout.contains("Unknown command :bogus"))
        XCTAssertTrue(result.stdout.contains(":skip   move on to the next item"))
        // Skipped is the participant's choice; the item the drill was quit on, and those after, were not reached.
        XCTAssertTrue(result.stdout.contains("1. own-the-log · quick-fire · 8.7 accountability · skipped"), result.stdout)
        XCTAssertTrue(result.stdout.contains("2. close-on-the-clock · rewrite · 8.9 closing · not reached"), result.stdout)
        XCTAssertTrue(result.stdout.contains("3. sam-close · scenario · not reached"))
        let lines = try events(try transcriptFiles().first ?? "")
        XCTAssertEqual(lines.last?["reason"] as? String, "quit")
        XCTAssertEqual(lines.filter { $0["event"] as? String == "item" }.count, 2)
        XCTAssertEqual(lines.filter { $0["event"] as? String == "coach" }.count, 0)
    }

    /// A bare "skip" or "hint" is not taken as the quick-fire item's one answer: the participant is pointed
    /// at the command, and the next line is the answer.
    func testCommandNamesWithoutTheirColonAreNotRecordedAsAnswers() throws {
        let result = try drill("Robin", ["skip", "Hint"] + passingAnswers)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("(Did you mean :skip? Commands start with a colon.)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("(Did you mean :hint? Commands start with a colon.)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("PASSED: 3 of 3 items (100%)"), result.stdout)
        let answers = try events(try transcriptFiles().first ?? "").filter { $0["event"] as? String == "coach" }
            .map { ($0["assessment"] as? [String: Any])?["text"] as? String ?? "" }
        XCTAssertEqual(answers, passingAnswers)
    }

    // MARK: - Time

    /// A one-second item answered after two: the prompt counts down, then says "over"; the answer still
    /// counts, and the overtime is recorded.
    func testOvertimeIsRecordedNeverEnforced() throws {
        let run = try startDrill(name: "Slow", pack: "one-second")
        Thread.sleep(forTimeInterval: 2.2)
        try run.answer([":help"])
        try run.answer(["How would you like to end our session?"])
        let output = run.finish()
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("[0:01] coach> :help"), output.stdout)
        // "[time up] coach>" or "[time up · 0:01 over] coach>": how far over depends on how fast the
        // machine started the drill, which this test does not control.
        XCTAssertTrue(
            output.stdout.range(of: #"\[time up( · 0:0\d over)?\] coach> How would you like to end our session\?"#, options: .regularExpression) != nil,
            output.stdout)
        XCTAssertTrue(output.stdout.contains("PASSED: 1 of 1"), output.stdout)
        XCTAssertTrue(output.stdout.contains("(over time)"), output.stdout)
        let item = try XCTUnwrap(
            try events(try transcriptFiles().first ?? "").first { $0["event"] as? String == "item" })
        XCTAssertEqual(item["overtime"] as? Bool, true)
        XCTAssertEqual(item["passed"] as? Bool, true)
        XCTAssertEqual(item["time_limit_seconds"] as? Int, 1)
        XCTAssertGreaterThan(item["elapsed_seconds"] as? Double ?? 0, 1.5)
    }

    /// SIGTERM while waiting for an answer (a facilitator ending the session): the run is closed properly,
    /// with its result, and the exit status says why.
    func testTerminationEndsTheRunWithItsResult() throws {
        let run = try startDrill(name: "Robin")
        try run.answer([passingAnswers[0]])
        let deadline = Date().addingTimeInterval(20)
        // Wait for the first item's event (session, client, coach, item): the answer has been taken.
        while Date() < deadline, writtenLines() < 4 { Thread.sleep(forTimeInterval: 0.05) }
        run.process.terminate()
        // Standard input stays open until the process has gone, so it is the signal that ends the drill.
        run.process.waitUntilExit()
        let output = run.finish()
        XCTAssertEqual(output.status, 128 + SIGTERM)
        XCTAssertTrue(output.stdout.contains("NOT PASSED: 1 of 3 items (33%)"), output.stdout)
        let lines = try events(try transcriptFiles().first ?? "")
        XCTAssertEqual(lines.last?["reason"] as? String, "interrupted")
        XCTAssertEqual((lines.last?["result"] as? [String: Any])?["items_passed"] as? Int, 1)
    }

    func testAResultsFolderThatCannotBeWrittenIsAClearError() throws {
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: results))
        let result = try drill("Robin", passingAnswers)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("cannot write results into '\(results)'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("--results DIR"), result.stderr)
        XCTAssertFalse(result.stdout.contains("Item 1"), "no drill starts without somewhere to record it")
    }

    func testCountdownStartsAtTheItemsLimit() throws {
        let result = try drill("Robin", passingAnswers)
        XCTAssertTrue(result.stdout.contains("[0:30] coach> How do you want to hold yourself to that?"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[2:00] coach> Where are you now with what you wanted from today?"))
    }

    // MARK: - The shipped packs

    /// Every shipped pack can be passed by partnering answers written afresh (not its exemplars); the
    /// scenario items follow their scenarios' own partnering checks.
    func testShippedPacksCanBePassedByPartnering() throws {
        let runs: [(pack: String, answers: [String], summary: String)] = [
            ("warmup-all-markers", Self.warmupAnswers, "PASSED: 10 of 10 items (100%)"),
            ("accountability-and-closing", Self.closingAnswers, "PASSED: 13 of 13 items (100%)"),
            ("credential-assessment", Self.credentialAnswers, "PASSED: 10 of 10 items (100%)"),
        ]
        for run in runs {
            let result = try CoachDrillBinary.run(
                ["drill", run.pack, "--as", "Robin", "--results", results],
                input: run.answers.map { $0 + "\n" }.joined())
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains(run.summary), run.pack + "\n" + result.stdout)
            // The drill states its rules itself; a pack's summary repeating them doubles the line.
            XCTAssertEqual(
                result.stdout.components(separatedBy: "Feedback comes at the end").count - 1, 1, run.pack + "\n" + result.stdout)
        }
        XCTAssertEqual(try transcriptFiles().count, 3)
    }

    static let warmupAnswers = [
        "Where are you now, compared with what you wanted from today?",
        "What have you learned about yourself in this conversation?",
        "What do you see differently about the situation between them now?",
        "How will you carry that into next week's forecast call?",
        "What would you like to do between now and our next session?",
        "Who or what could support you, and what might get in the way?",
        "How do you want to hold yourself to that?",
        "What would you like to celebrate about what you did today?",
        "You named something you'd been holding back for months. What would you like to acknowledge in yourself?",
        "How would you like to end our session?",
    ]

    static let closingAnswers = [
        "How will you hold yourself to it this time?",
        "How would you like to hold yourself accountable for the end of the month?",
        "How do you want to keep yourself accountable to three mornings a week?",
        "What would you like to put in place so you follow through before Christmas?",
        "What would you like to acknowledge in yourself about that shift?",
        "You said something out loud today that you'd carried alone. "
            + "What do you want to recognise in yourself for that?",
        "What would you like to celebrate about getting to that decision?",
        "You kept your calm where you used to flare up. What would you like to celebrate in yourself?",
        "How would you like to end our session?",
        "What would you like from the last few minutes before we close?",
        "We have about five minutes. How would you like to use them as we close?",
        "Before we close, is there anything else you'd like to say?",
        "You came in wanting to understand why the writing stopped. Where are you with that now?",
        "How might you use that insight over the next few weeks?",
        "What would a plan look like that still works on your worst writing day?",
        "What might get in the way, and who or what could help you?",
        "You know you write when someone is waiting. How would you like to hold yourself accountable to this?",
        "Six weeks of nothing, and today you worked out how you actually write. "
            + "What would you like to acknowledge about that?",
        "How would you like to close our session today?",
    ]

    static let credentialAnswers = [
        "We have about five minutes left. How would you like to use them as we close the session?",
        "How might you use what you've realised when Derek brings you the next request?",
        "What would you like to do before Thursday?",
        "How will you hold yourself accountable to this, in a way that works for you?",
        "We're at time. How would you like to close?",
        "You came in wanting to understand why you keep jumping in. Where are you with that now?",
        "What are you learning about yourself as you hear yourself say that?",
        "How might you use what you've noticed when that urge to jump in shows up?",
        "What would you like to try between now and our next session?",
        "Who or what could support you with this, and what might get in the way?",
        "How would you like to hold yourself accountable for this, in a way that works for you?",
        "You came in asking for a checklist and you named why you jump in. "
            + "What would you like to celebrate about that?",
        "How would you like to close our session today?",
        "Where are you now with what you came in wanting to decide?",
        "What are you discovering about yourself as you say that?",
        "What looks different to you now about the handovers?",
        "How might you use that the next time a silence opens up in a meeting?",
        "What, if anything, would you like to do about it before we next meet?",
        "Who could support you with the kids, and what might get in the way?",
        "How would you like to hold yourself accountable to that rule?",
        "What would you like from the last few minutes of our session?",
    ]

    // MARK: - Finding packs and folders

    func testResultsGoToTheResultsFolderByDefault() throws {
        let folder = NSTemporaryDirectory() + "coachdrill-cwd-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CoachDrillBinary.run(
            ["drill", library + "/packs/mini-drill.yaml", "--as", "Robin"],
            input: passingAnswers.joined(separator: "\n"),
            directory: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/results")
        XCTAssertEqual(names.count, 1)
        XCTAssertTrue(result.stdout.contains("Results saved to results/" + (names.first ?? "?")), result.stdout)
    }

    func testUnknownPackSuggestsTheNearestId() throws {
        let result = try drill("Robin", [], pack: "mini-dril")
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("no drill pack 'mini-dril' (did you mean 'mini-drill'?)"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: results), "no results folder for a drill that never ran")
    }

    func testBrokenPackIsReportedLikeAScenario() throws {
        let result = try drill("Robin", [], pack: CoachDrillBinary.fixture("packs/broken/unknown-kind.yaml"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("error[CD017]: kind 'quickfire' of item 1"), result.stderr)
    }

    func testANameIsRequired() throws {
        let result = try CoachDrillBinary.run(["drill", "mini-drill", "--as", "  ", "--scenarios", library])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("--as needs a name"), result.stderr)
    }

    // MARK: - Lint

    /// The broken pack fixtures, linted by the binary from a folder laid out as a scenario library with a
    /// `packs/` folder, print exactly their expected output.
    func testLintChecksPacksInAPacksFolder() throws {
        let folder = NSTemporaryDirectory() + "coachdrill-lint-packs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/packs", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(
            atPath: library + "/closing-practice.yaml", toPath: folder + "/closing-practice.yaml")
        let broken = CoachDrillBinary.fixture("packs/broken")
        let names = try FileManager.default.contentsOfDirectory(atPath: broken).filter { $0.hasSuffix(".yaml") }
            .sorted()
        XCTAssertGreaterThanOrEqual(names.count, 20)
        for name in names {
            try FileManager.default.copyItem(atPath: broken + "/" + name, toPath: folder + "/packs/" + name)
            let expected = try String(
                contentsOfFile: broken + "/" + name.replacingOccurrences(of: ".yaml", with: ".expected"),
                encoding: .utf8)
            let result = try CoachDrillBinary.run(["lint", "packs/" + name], directory: folder)
            XCTAssertEqual(result.stdout, expected, name)
            XCTAssertEqual(result.status, expected.contains(": error[") ? 1 : 0, name)
        }
        // The library's scenario keeps the single-reply-set format (it is there for the drills, not for its
        // replies), so the v2 reply warnings are allowed; every other warning still fails --strict.
        let clean = try CoachDrillBinary.run(["lint", "--strict", "--allow", "CD039", "--allow", "CD040", library])
        XCTAssertEqual(clean.status, 0, clean.stdout)
        XCTAssertTrue(clean.stderr.hasPrefix("3 files checked"), clean.stderr)
    }

    // MARK: - Helpers

    private func transcriptFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: results).filter { $0.hasSuffix(".jsonl") }.sorted()
    }

    /// Complete lines written so far to the only transcript, read while its drill is still running.
    private func writtenLines() -> Int {
        guard let file = try? transcriptFiles().first,
            let data = FileManager.default.contents(atPath: results + "/" + file)
        else { return 0 }
        return data.filter { $0 == UInt8(ascii: "\n") }.count
    }

    /// Every line of a transcript, each parsed as a JSON object (a line that does not parse fails the test).
    private func events(_ file: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: results + "/" + file, encoding: .utf8)
        XCTAssertTrue(text.hasSuffix("\n"), "every event ends its line")
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try XCTUnwrap(object as? [String: Any], "not an object: \(line)")
        }
    }

    /// A drill process fed by hand, for runs that overlap or take their time.
    private final class RunningDrill {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()

        func answer(_ lines: [String]) throws {
            try input.fileHandleForWriting.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
        }

        func finish() -> CoachDrillBinary.Result {
            try? input.fileHandleForWriting.close()
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return CoachDrillBinary.Result(
                status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                stderr: String(decoding: err, as: UTF8.self))
        }
    }

    private func startDrill(name: String, pack: String = "mini-drill") throws -> RunningDrill {
        let run = RunningDrill()
        run.process.executableURL = CoachDrillBinary.executable
        run.process.arguments = ["drill", pack, "--as", name, "--results", results, "--scenarios", library]
        run.process.environment = ["HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        run.process.currentDirectoryURL = CoachDrillBinary.packageRoot
        run.process.standardInput = run.input
        run.process.standardOutput = run.output
        run.process.standardError = run.errors
        try run.process.run()
        return run
    }
}
