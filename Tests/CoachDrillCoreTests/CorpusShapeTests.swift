import Foundation
import XCTest

@testable import CoachDrillCore

/// The shape of Corpus/coach-turns.tsv, as docs/annotation.md and Corpus/README.md define it: columns and
/// values, two labels on every new line, splits that cannot leak, the style mix, the per-marker counts, and
/// no near-duplicates anywhere.
final class CorpusShapeTests: XCTestCase {
    /// The lines written for the corpus: not the two first corpora (tagged `legacy`), nor the scenario
    /// library's check lines (tagged `scenario`), which were not written to the corpus's quotas.
    private func newLines() throws -> [LabelledLine] {
        try CorpusFile.lines().filter { !$0.batch.hasPrefix("legacy-") && $0.batch != Self.scenarioBatch }
    }

    /// The batch of the scenario library's check lines, labelled blind and used for training only.
    static let scenarioBatch = "scenario-checks"

    /// Every shipped scenario file's text, one after another.
    static func scenarioLibraryText() throws -> String {
        let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
        let files = try FileManager.default.contentsOfDirectory(at: scenarios, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
        return try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
    }

    func testColumnsAreTheDocumentedOnes() throws {
        XCTAssertEqual(try CorpusFile.header(), LabelledCorpus.columns)
    }

    func testEveryLineHasAnIdASplitABatchAndStyles() throws {
        var ids: Set<String> = []
        for line in try CorpusFile.lines() {
            let place = "Corpus/coach-turns.tsv:\(line.line)"
            XCTAssertFalse(line.id.isEmpty, "\(place): no id")
            XCTAssertTrue(ids.insert(line.id).inserted, "\(place): id \(line.id) is used twice")
            XCTAssertNotNil(line.split, "\(place): no split")
            XCTAssertFalse(line.batch.isEmpty, "\(place): no batch")
            XCTAssertFalse(line.styles.isEmpty, "\(place): no style")
            XCTAssertEqual(Set(line.styles).count, line.styles.count, "\(place): a style given twice")
            if line.styles.contains(.plain) { XCTAssertEqual(line.styles, [.plain], "\(place): plain goes alone") }
            XCTAssertEqual(line.styles.contains(.legacy), line.batch.hasPrefix("legacy-"), "\(place): legacy tag")
            XCTAssertEqual(line.styles.contains(.scenario), line.batch == Self.scenarioBatch, "\(place): scenario tag")
            XCTAssertEqual(line.text.trimmingCharacters(in: .whitespaces), line.text, "\(place): spaces around the text")
        }
    }

    /// Every line has a blind second label (the first corpora got theirs later, under the same guide); where
    /// the two disagree a third reading decided and wrote its reason; where they agree there is nothing to
    /// adjudicate.
    func testEveryLineIsLabelledTwiceAndDisagreementsAdjudicated() throws {
        for line in try CorpusFile.lines() {
            let place = "Corpus/coach-turns.tsv:\(line.line)"
            guard let second = line.secondLabel else {
                XCTFail("\(place): no second label")
                continue
            }
            if line.firstLabel == second {
                XCTAssertTrue(line.adjudication.isEmpty, "\(place): the annotators agreed, yet there is an adjudication")
                XCTAssertNil(line.overturnedFirstLabel)
            } else {
                // The reason, after the overturned first label when the note starts with one.
                var reason = Substring(line.adjudication)
                if line.overturnedFirstLabel != nil {
                    reason = line.adjudication.split(separator: ";", maxSplits: 1).last ?? ""
                }
                XCTAssertGreaterThanOrEqual(reason.split(separator: " ").count, 4, "\(place): the third reading gives no reason")
            }
            // An overturned first label is recorded only when it really was overturned, and says so in the note.
            if let overturned = line.overturnedFirstLabel {
                XCTAssertNotEqual(overturned, line.label, "\(place): a first label 'overturned' into itself")
                XCTAssertTrue(line.adjudication.hasPrefix("first \(overturned);"), "\(place): note")
            } else {
                XCTAssertFalse(line.adjudication.hasPrefix("first "), "\(place): a 'first' note that was not read")
            }
            // The decided label is one of the two annotators' unless the third reading chose a third one.
            if line.label != second, line.overturnedFirstLabel != nil {
                XCTAssertFalse(line.adjudication.isEmpty, "\(place): a third label needs its reason")
            }
        }
    }

    /// A bare reflection supplies nothing: a neutral line never comes from a hedged or look-alike style.
    func testStyleTagsAgreeWithTheStance() throws {
        for line in try newLines() {
            let place = "Corpus/coach-turns.tsv:\(line.line)"
            if line.styles.contains(.hedged) || line.styles.contains(.looksInvite) {
                XCTAssertEqual(line.stance, .advise, "\(place): hedged advice and advice that looks like an invitation advise")
            }
            if line.styles.contains(.looksAdvice) {
                XCTAssertEqual(line.stance, .partner, "\(place): partnering that looks like advice partners")
            }
        }
    }

    /// A batch goes whole into one split. Test is the five batches drawn before anything was run on them, and
    /// the fresh sets written later to be test sets (named for test before a line was written, never trained
    /// or chosen on): every other batch written since models were tried on dev (b25 on) goes to train.
    func testSplitsAreWholeBatchesInTheRightShares() throws {
        let lines = try CorpusFile.lines()
        var splitOfBatch: [String: CorpusSplit] = [:]
        for line in lines {
            guard let split = line.split else { continue }
            if let earlier = splitOfBatch[line.batch] {
                XCTAssertEqual(earlier, split, "batch \(line.batch) is in two splits (line \(line.line))")
            }
            splitOfBatch[line.batch] = split
        }
        XCTAssertEqual(splitOfBatch["legacy-team"], .train, "the first corpus was tuned on: it is training data")
        XCTAssertEqual(splitOfBatch["legacy-holdout"], .dev, "the old held-out set has been looked at: dev, never test")
        let total = Double(lines.count)
        let share = { (split: CorpusSplit) in Double(lines.filter { $0.split == split }.count) / total }
        // Train grows with every gap-filling batch; dev and test stay big enough to measure on.
        XCTAssertGreaterThanOrEqual(share(.train), 0.70, "train share")
        XCTAssertGreaterThanOrEqual(lines.filter { $0.split == .dev }.count, 600, "dev lines")
        XCTAssertGreaterThanOrEqual(lines.filter { $0.split == .test }.count, 600, "test lines")
        let testBatches = Set(splitOfBatch.filter { $0.value == .test }.keys)
        let drawnFirst: Set<String> = ["b04", "b07", "b11", "b13", "b14"]
        XCTAssertEqual(testBatches, drawnFirst.union(Self.freshTestBatches), "test is the batches drawn first and the declared fresh sets")
        let later = splitOfBatch.filter { batch, _ in
            batch.hasPrefix("b") && (Int(batch.dropFirst()) ?? 0) >= 25 && !Self.freshTestBatches.contains(batch)
        }
        XCTAssertTrue(later.allSatisfy { $0.value == .train }, "batches written after models were tried go to train")
        XCTAssertTrue(lines.filter { $0.split == .test }.allSatisfy { !$0.batch.hasPrefix("legacy-") })
        XCTAssertEqual(splitOfBatch[Self.scenarioBatch], .train, "the scenario library's lines only train")
    }

    /// The scenario batch holds the library's own check lines, each with the client line it answers, and
    /// nothing else: no line of it was written for the corpus.
    func testTheScenarioBatchHoldsTheLibrarysCheckLines() throws {
        let library = try Self.scenarioLibraryText()
        let lines = try CorpusFile.lines().filter { $0.batch == Self.scenarioBatch }
        XCTAssertGreaterThanOrEqual(lines.count, 1000)
        for line in lines {
            XCTAssertEqual(line.styles, [.scenario], "Corpus/coach-turns.tsv:\(line.line)")
            XCTAssertTrue(library.contains("coach: " + line.text) || library.contains("coach: \"" + line.text),
                "Corpus/coach-turns.tsv:\(line.line): not a coach line of the library's checks")
            XCTAssertTrue(library.contains(line.clientLine), "Corpus/coach-turns.tsv:\(line.line): not a client line of the library")
        }
    }

    func testAtLeastThreeThousandNewLinesBesideTheFirstCorpora() throws {
        XCTAssertGreaterThanOrEqual(try newLines().count, 3000)
        XCTAssertGreaterThanOrEqual(try CorpusFile.lines().filter { $0.batch.hasPrefix("legacy-") }.count, 1100)
    }

    /// Batches written to fill a gap the learned model showed (blunt advice, counsellors' reflections, plain
    /// next steps and closings), or written like transcripts of counsellors at work, not to the style quotas
    /// (Corpus/README.md).
    static let gapFillingBatches: Set<String> = [
        "b25", "b26", "b27", "b28", "b29", "b30", "b47", "b48", "b49", "b50", "b51", "b52", "b53", "b54", "b55",
        "b56", "b57", "b58", "b59", "b61", "b65", "b70", "b72", "b91", "b92", "b93", "b94",
    ]

    /// Test sets written after the first engine was measured, each named a test set before a line of it was
    /// written, and read by the engine only once it was final (Corpus/README.md, "Who has looked at test").
    static let freshTestBatches: Set<String> = [
        "b60", "b61", "b62", "b63", "b64", "b71", "b72", "b73", "b74", "b75", "b86", "b87",
        "b95", "b96", "b97", "b98", "b99", "b100", "b101", "b102", "b103", "b104",
    ]

    /// Issue 13's floors for the style mix, over the batches written to the style quotas (a line counts under
    /// each of its tags).
    func testStyleSharesOfTheNewLines() throws {
        let lines = try newLines().filter { !Self.gapFillingBatches.contains($0.batch) }
        XCTAssertGreaterThanOrEqual(lines.count, 3000)
        let floors: [(StyleTag, Double)] = [
            (.multi, 0.30), (.hedged, 0.15), (.speech, 0.10), (.regional, 0.10), (.looksAdvice, 0.10), (.looksInvite, 0.10),
        ]
        for (style, floor) in floors {
            let share = Double(lines.filter { $0.styles.contains(style) }.count) / Double(lines.count)
            XCTAssertGreaterThanOrEqual(share, floor, "share of \(style.rawValue) lines")
        }
        let replies = lines.filter { !$0.clientLine.isEmpty }
        XCTAssertGreaterThanOrEqual(Double(replies.count) / Double(lines.count), 0.25, "replies to a client line")
    }

    /// Some replies answer lines the shipped scenarios' clients really say.
    func testSomeRepliesAnswerTheShippedScenarios() throws {
        let library = try Self.scenarioLibraryText()
        let fromScenarios = try newLines().filter { $0.clientLine.count > 20 && library.contains($0.clientLine) }
        XCTAssertGreaterThanOrEqual(fromScenarios.count, 200, "replies to a scenario's client line")
    }

    /// Each marker has at least 250 new lines, split roughly evenly between partner and advise over the batches
    /// written to the quotas (gap-filling batches lean on purpose); none has 300.
    func testPerMarkerCountsOfTheNewLines() throws {
        let lines = try newLines()
        for marker in Marker.allCases {
            let ofMarker = lines.filter { $0.marker == marker }
            XCTAssertGreaterThanOrEqual(ofMarker.count, 250, "lines for \(marker.id)")
            let quota = ofMarker.filter { !Self.gapFillingBatches.contains($0.batch) }
            let partner = Double(quota.filter { $0.stance == .partner }.count)
            let advise = Double(quota.filter { $0.stance == .advise }.count)
            XCTAssertGreaterThanOrEqual(min(partner, advise) / max(partner + advise, 1), 0.40, "partner/advise balance for \(marker.id)")
        }
        XCTAssertGreaterThanOrEqual(lines.filter { $0.marker == nil }.count, 300, "lines for none")
    }

    /// Lengths from 3 to 80 words (a one- or two-word acknowledgement is allowed for `none`).
    func testLengthsOfTheNewLines() throws {
        for line in try newLines() {
            let words = NearDuplicates.words(line.text).count
            XCTAssertLessThanOrEqual(words, 80, "Corpus/coach-turns.tsv:\(line.line): \(words) words")
            if words < 3 { XCTAssertNil(line.marker, "Corpus/coach-turns.tsv:\(line.line): a short line with a marker") }
        }
    }

    /// No two lines, within a split or across splits, share 80% of their word bigrams.
    func testNoNearDuplicates() throws {
        let lines = try CorpusFile.lines()
        let pairs = NearDuplicates.pairs(lines.map(\.text))
        for (i, j) in pairs.prefix(20) {
            XCTFail("near-duplicates: \(lines[i].id) \"\(lines[i].text)\" and \(lines[j].id) \"\(lines[j].text)\"")
        }
    }

    func testNearDuplicateRuleOnExamples() {
        // Must match: the same line with one word swapped or added; case and punctuation are folded.
        XCTAssertEqual(NearDuplicates.pairs(["Who could support you with this?", "who could support you with this"]).count, 1)
        XCTAssertEqual(NearDuplicates.pairs(["I'm so proud of you.", "Fantastic, I'm so proud of you."]).count, 1)
        XCTAssertEqual(NearDuplicates.pairs(["Mm-hm.", "mm hm"]).count, 1)
        // Must not match: a short question inside a longer turn, or the same frame with a new ending.
        XCTAssertEqual(NearDuplicates.pairs(["What might get in the way?", "What might get in the way, and who could help?"]).count, 0)
        XCTAssertEqual(NearDuplicates.pairs(["Anything else?", "Anything else you want to say before we stop?"]).count, 0)
    }
}

/// The near-duplicate rule of Corpus/README.md: after folding case and punctuation, two lines are
/// near-duplicates when the word bigrams they share are at least 80% of the bigrams of each (that is, of
/// the one with more). A one-word line is compared by its word.
enum NearDuplicates {
    static func words(_ text: String) -> [String] {
        let folded = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        let separated = String(folded.map { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "_" ? $0 : " " })
        return separated.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            .filter { !$0.isEmpty }
    }

    static func bigrams(_ text: String) -> Set<String> {
        let words = words(text)
        if words.count == 1 { return [words[0]] }
        return Set(zip(words, words.dropFirst()).map { $0 + " " + $1 })
    }

    /// Index pairs (i < j) of near-duplicates.
    static func pairs(_ texts: [String]) -> [(Int, Int)] {
        let grams = texts.map(bigrams)
        var linesWith: [String: [Int]] = [:]
        for (i, set) in grams.enumerated() {
            for gram in set { linesWith[gram, default: []].append(i) }
        }
        var found: [(Int, Int)] = []
        for (i, set) in grams.enumerated() where !set.isEmpty {
            var shared: [Int: Int] = [:]
            for gram in set {
                for j in linesWith[gram] ?? [] where j > i { shared[j, default: 0] += 1 }
            }
            for (j, count) in shared where Double(count) >= 0.8 * Double(max(set.count, grams[j].count)) {
                found.append((i, j))
            }
        }
        return found.sorted { $0 < $1 }
    }
}
