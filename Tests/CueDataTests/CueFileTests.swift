import CueData
import Foundation
import XCTest

@testable import CoachDrillCore

/// The cue catalogue as declared in Resources/cues.yaml: the generated Swift is what the YAML says, and
/// every cue's examples behave when run through the production matcher exactly as the assessor runs it.
final class CueFileTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private static let yamlPath = "Sources/CoachDrillCore/Resources/cues.yaml"
    private static let swiftPath = "Sources/CoachDrillCore/Assessment/CueCatalogue+Generated.swift"

    private static func contents(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    private static func catalogueFile() throws -> CueFile {
        try CueFileReader(path: yamlPath).read(contents(yamlPath))
    }

    func testGeneratedSwiftIsUpToDate() throws {
        let expected = SwiftCatalogue.source(of: try Self.catalogueFile(), yamlPath: Self.yamlPath)
        XCTAssertTrue(
            try Self.contents(Self.swiftPath) == expected,
            "\(Self.swiftPath) is out of date with \(Self.yamlPath): run `make cues`")
    }

    func testTheCompiledCatalogueIsTheFilesInItsOrder() throws {
        let file = try Self.catalogueFile()
        XCTAssertEqual(CueCatalogue.all.map(\.id), file.cues.map(\.id))
        XCTAssertEqual(CueCatalogue.all.map(\.name), file.cues.map(\.label))
        XCTAssertEqual(Clause.Words.questionWords, file.wordLists.first { $0.name == "question_words" }?.words)
    }

    /// The cues whose examples misbehave, one message per example, through `CueIndex` as the assessor
    /// uses it: the line tokenised and numbered with the index's lexicon, split into clauses, matched.
    private func misbehaving(_ cues: [CueEntry], index: CueIndex = .shared) -> [String] {
        var numbers: [String: Int32] = [:]
        for (number, cue) in CueCatalogue.all.enumerated() { numbers[cue.id] = Int32(number) }
        var problems: [String] = []
        for cue in cues {
            guard let number = numbers[cue.id] else {
                problems.append("\(cue.location): cue '\(cue.id)' is not compiled in; run `make cues`")
                continue
            }
            func matches(_ line: String) -> Bool {
                let tokens = Tokenizer.tokenize(Array(line.utf8), numberingWith: index.lexicon)
                return index.matches(in: tokens, clauseOf: Clause.split(tokens).clauseOf).contains { $0.cue.number == number }
            }
            for line in cue.matches where !matches(line) {
                problems.append("\(cue.location): cue '\(cue.id)' (\(cue.pattern)) does not match \"\(line)\"")
            }
            for line in cue.doesNotMatch where matches(line) {
                problems.append("\(cue.location): cue '\(cue.id)' (\(cue.pattern)) matches \"\(line)\", listed under does_not_match")
            }
        }
        return problems
    }

    func testEveryCueExampleBehaves() throws {
        let file = try Self.catalogueFile()
        XCTAssertEqual(file.cues.count, CueCatalogue.all.count)
        let problems = misbehaving(file.cues)
        XCTAssertTrue(problems.isEmpty, problems.joined(separator: "\n"))
    }

    /// The check above can fail: an example swapped to the wrong list is reported, with where the cue is.
    func testAMisplacedExampleIsReported() throws {
        var cue = try XCTUnwrap(try Self.catalogueFile().cues.first { $0.id == "progress" })
        swap(&cue.matches, &cue.doesNotMatch)
        let problems = misbehaving([cue])
        XCTAssertEqual(problems.count, 2, problems.joined(separator: "\n"))
        XCTAssertTrue(problems.allSatisfy { $0.hasPrefix("\(Self.yamlPath):\(cue.location.line):") }, "\(problems)")
    }
}
