import XCTest

@testable import CoachDrillCore

/// Reading labelled files (columns by header name), the adjudication notes, and the agreement figures.
final class LabelledCorpusTests: XCTestCase {
    private let header = LabelledCorpus.columns.joined(separator: "\t")

    func testReadsTheCorpusColumnsByName() throws {
        let text = header + "\n"
            + "b01-001\ttest\tb01\tmulti,hedged\tI'm stuck.\tIt might be worth asking HR.\t8.6\tadvise\t8.6\tadvise\t\n"
        let lines = try LabelledCorpus.parse(text)
        XCTAssertEqual(lines.count, 1)
        let line = try XCTUnwrap(lines.first)
        XCTAssertEqual(line.id, "b01-001")
        XCTAssertEqual(line.split, .test)
        XCTAssertEqual(line.batch, "b01")
        XCTAssertEqual(line.styles, [.multi, .hedged])
        XCTAssertEqual(line.clientLine, "I'm stuck.")
        XCTAssertEqual(line.label, Label(marker: .resources, stance: .advise))
        XCTAssertEqual(line.secondLabel, Label(marker: .resources, stance: .advise))
        XCTAssertEqual(line.firstLabel, line.label)
        XCTAssertEqual(line.line, 2)
    }

    func testAQuickFileNeedsOnlyMarkerStanceAndText() throws {
        let lines = try LabelledCorpus.parse("text\tmarker\tstance\r\nShall we stop there?\t8.9\tadvise\r\n\r\n")
        XCTAssertEqual(lines.map(\.label), [Label(marker: .closing, stance: .advise)])
        XCTAssertEqual(lines.first?.split, nil)
        XCTAssertEqual(lines.first?.secondLabel, nil)
    }

    /// "first 8.5/advise; reason": the first annotator's label, overturned by the third reading.
    func testAnOverturnedFirstLabelIsKept() throws {
        let text = header + "\n"
            + "x-1\tdev\tx\tplain\t\tWho could help?\t8.6\tpartner\t8.6\tpartner\tfirst 8.5/partner; the question asks for help, not a step\n"
        let line = try XCTUnwrap(LabelledCorpus.parse(text).first)
        XCTAssertEqual(line.firstLabel, Label(marker: .design, stance: .partner))
        XCTAssertEqual(line.label, Label(marker: .resources, stance: .partner))
    }

    func testErrorsNameTheLineAndColumn() {
        let cases: [(String, String)] = [
            ("marker\tstance\ttext\n8.5\tadvice\tGo.\n", "f:2:5: unknown stance 'advice' (use partner, advise or neutral)"),
            ("marker\tstance\ttext\n9.1\tadvise\tGo.\n", "f:2:1: unknown marker '9.1' (use 8.1 to 8.9 or none)"),
            ("marker\tstance\ttext\n8.5\tadvise\n", "f:2:1: expected 3 tab-separated fields (marker stance text), found 2"),
            ("marker\ttext\n", "f:1:1: the header must name the columns stance (tab-separated), as in Corpus/coach-turns.tsv"),
            (header + "\nx\tsometimes\tx\tplain\t\tGo.\t8.5\tadvise\t\t\t\n", "f:2:3: unknown split 'sometimes' (use train, dev or test)"),
            (header + "\nx\tdev\tx\tfancy\t\tGo.\t8.5\tadvise\t\t\t\n", "f:2:9: unknown style 'fancy' (use multi, hedged, speech, regional, looks-advice, looks-invite, plain, legacy, scenario)"),
            (header + "\nx\tdev\tx\tplain\t\tGo.\t8.5\tadvise\t8.5\t\t\n", "f:2:35: unknown stance '' (use partner, advise or neutral)"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try LabelledCorpus.parse(text)) { error in
                XCTAssertEqual((error as? LabelledCorpus.ParseError)?.located(in: "f"), expected)
            }
        }
    }

    func testLabelText() {
        XCTAssertEqual(Label("8.7/partner"), Label(marker: .accountability, stance: .partner))
        XCTAssertEqual(Label("none/neutral"), Label(marker: nil, stance: .neutral))
        XCTAssertNil(Label("8.7"))
        XCTAssertNil(Label("8.10/advise"))
        XCTAssertEqual(Label(marker: nil, stance: .advise).description, "none/advise")
    }

    /// A worked example: 50 lines, 35 agreed (0.7); by chance 0.5 x 0.6 + 0.5 x 0.4 = 0.5; kappa 0.4.
    func testCohensKappa() {
        var matrix = ConfusionMatrix(labels: ["yes", "no"])
        for _ in 0..<20 { matrix.record(expected: "yes", predicted: "yes") }
        for _ in 0..<5 { matrix.record(expected: "yes", predicted: "no") }
        for _ in 0..<10 { matrix.record(expected: "no", predicted: "yes") }
        for _ in 0..<15 { matrix.record(expected: "no", predicted: "no") }
        XCTAssertEqual(matrix.accuracy, 0.7, accuracy: 1e-9)
        XCTAssertEqual(matrix.kappa, 0.4, accuracy: 1e-9)
        XCTAssertEqual(ConfusionMatrix(labels: ["a"]).kappa, 0)
    }

    func testAgreementCountsOnlyLinesLabelledTwice() throws {
        let text = header + "\n"
            + "a\tdev\tx\tplain\t\tWho could help?\t8.6\tpartner\t8.6\tpartner\t\n"
            + "b\tdev\tx\tplain\t\tEmail me Friday.\t8.7\tadvise\t8.7\tadvise\tfirst 8.5/advise; reporting to the coach is accountability\n"
            + "c\ttrain\tlegacy-team\tlegacy\t\tMm.\tnone\tneutral\t\t\t\n"
        let agreement = Agreement(lines: try LabelledCorpus.parse(text))
        XCTAssertEqual(agreement.stance.total, 2, "c was labelled once")
        XCTAssertEqual(agreement.stance.accuracy, 1)
        XCTAssertEqual(agreement.marker.accuracy, 0.5, "b: the first said 8.5, the second 8.7")
        XCTAssertEqual(agreement.marker.counts[4][6], 1, "8.5 (row) against 8.7 (column)")
        XCTAssertEqual(agreement.adjudicated, 1)
    }

    func testEvaluationFiguresAndStyles() throws {
        let text = header + "\n"
            + "a\tdev\tx\thedged\t\tIt might be worth emailing me on Friday to say how it went.\t8.7\tadvise\t8.7\tadvise\t\n"
            + "b\tdev\tx\tplain\t\tHow would you like to hold yourself to this?\t8.7\tpartner\t8.7\tpartner\t\n"
        // A judge that calls everything partnered, on the same marker: the hedged advice is missed.
        let evaluation = Evaluation(lines: try LabelledCorpus.parse(text)) { Label(marker: $0.marker, stance: .partner) }
        XCTAssertEqual(evaluation.stance.total, 2)
        XCTAssertEqual(evaluation.stance.accuracy, 0.5)
        XCTAssertEqual(evaluation.marker.accuracy, 1)
        XCTAssertEqual(evaluation.adviseRecall, 0)
        XCTAssertEqual(evaluation.partnerCalledAdvised, 0)
        XCTAssertEqual(evaluation.byStyle.map(\.style), [.hedged, .plain])
        XCTAssertEqual(evaluation.byStyle.map(\.stance.accuracy), [0, 1])
        XCTAssertEqual(evaluation.misses.map(\.line.id), ["a"])
        // And one that calls everything advised: every partnering line is called advised.
        let harsh = Evaluation(lines: try LabelledCorpus.parse(text)) { Label(marker: $0.marker, stance: .advise) }
        XCTAssertEqual(harsh.adviseRecall, 1)
        XCTAssertEqual(harsh.partnerCalledAdvised, 1)
    }
}
