import XCTest

/// `coachdrill classify --eval` and `--agreement` on a small labelled file, compared whole with golden
/// outputs, and the messages for files and flags that do not fit.
final class ClassifyCommandTests: XCTestCase {
    private let sample = "Tests/Fixtures/corpus/sample.tsv"

    private func assertGolden(_ arguments: [String], _ golden: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try CoachDrillBinary.run(arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        let expected = try String(contentsOfFile: CoachDrillBinary.fixture("golden/" + golden), encoding: .utf8)
        XCTAssertEqual(result.stdout, expected, file: file, line: line)
    }

    /// The dev split by default: seven of the nine lines; per-style rows; the misses with their labels (s-09,
    /// "That sounds really hard." after the client's long nights, is a reflection the engine reads as advice:
    /// docs/feedback.md, Known limits).
    func testEvalReadsTheDevSplitByDefault() throws {
        try assertGolden(["classify", "--eval", sample, "--show-misses"], "classify-eval-dev.txt")
    }

    /// Three of nine lines disagreed (two on the marker, one on the stance): 88.9% and 77.8%.
    func testAgreementOverEverySplit() throws {
        try assertGolden(["classify", "--agreement", sample, "--split", "all"], "classify-agreement.txt")
    }

    func testEachSplitIsChosenAlone() throws {
        let test = try CoachDrillBinary.run(["classify", "--eval", sample, "--split", "test"])
        XCTAssertTrue(test.stdout.hasPrefix("Tests/Fixtures/corpus/sample.tsv, split test: 1 lines\n"), test.stdout)
        let all = try CoachDrillBinary.run(["classify", "--eval", sample, "--split", "all"])
        XCTAssertTrue(all.stdout.hasPrefix("Tests/Fixtures/corpus/sample.tsv, split all: 9 lines\n"), all.stdout)
    }

    /// With no file, the team's corpus is read from the checkout.
    func testEvalWithoutAFileReadsTheTeamCorpus() throws {
        let result = try CoachDrillBinary.run(["classify", "--eval"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Corpus/coach-turns.tsv, split dev: "), result.stdout)
    }

    func testMessagesForWhatDoesNotFit() throws {
        let cases: [([String], String, String)] = [
            (["classify", "--eval", "-", "--split", "dev"], "marker\tstance\ttext\n8.5\tadvise\tGo.\n",
             "coachdrill: <stdin> has no split column, so --split dev has nothing to choose\n"),
            (["classify", "--agreement", "-"], "marker\tstance\ttext\n8.5\tadvise\tGo.\n",
             "coachdrill: no line of <stdin> was labelled twice (its marker_b and stance_b are empty)\n"),
            (["classify", "--eval", "-"], "marker\tstance\ttext\n8.5\tadvice\u{1b}]0;x\u{7}\tGo.\n",
             "coachdrill: <stdin>:2:5: unknown stance 'advice\\u{1B}]0;x\\u{7}' (use partner, advise or neutral)\n"),
            (["classify", "--eval", sample, "--split", "test", "--show-misses", "--agreement"], "",
             "Error: --eval and --agreement are two different reports: choose one\n"),
            (["classify", "--eval", sample, "--format", "jsonl"], "",
             "Error: --format chooses how judged lines are printed; --eval and --agreement print a report as text\n"),
            (["classify", "--split", "dev"], "", "Error: --split goes with --eval or --agreement\n"),
        ]
        for (arguments, input, expected) in cases {
            let result = try CoachDrillBinary.run(arguments, input: input)
            XCTAssertNotEqual(result.status, 0, "\(arguments)")
            XCTAssertTrue(result.stderr.hasPrefix(expected), "\(arguments): \(result.stderr)")
        }
    }
}

/// docs/annotation.md quotes the corpus's agreement figures; they must be the ones the corpus gives now.
final class AnnotationGuideTests: XCTestCase {
    func testTheGuideQuotesTheCorpusAgreement() throws {
        let guide = try String(
            contentsOf: CoachDrillBinary.packageRoot.appendingPathComponent("docs/annotation.md"), encoding: .utf8)
        for split in ["all", "test"] {
            let result = try CoachDrillBinary.run(["classify", "--agreement", "--split", split])
            XCTAssertEqual(result.status, 0, result.stderr)
            // The heading and the two headline lines: counts, percentages and kappas.
            let headline = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).prefix(4)
            XCTAssertTrue(guide.contains(headline.joined(separator: "\n")), "docs/annotation.md should quote:\n\(headline.joined(separator: "\n"))")
        }
    }
}
