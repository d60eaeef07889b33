import CueData
import XCTest

/// What a coach educator sees when cues.yaml is wrong: file, line and column, and what to do.
final class CueFileReaderTests: XCTestCase {
    private let reader = CueFileReader(path: "cues.yaml")

    private static let wordLists: String = {
        var text = "word_lists:\n"
        for (group, _, names) in CueFileReader.wordListNames {
            text += "  \(group):\n" + names.map { "    \($0): [word]\n" }.joined()
        }
        return text
    }()

    private static func file(_ cues: String) -> String {
        "cues:\n" + cues + wordLists
    }

    private static let goodCue = """
          - id: next-step
            pattern: "next|first step"
            role: topic
            marker: "8.5"
            label: "next step"
            matches: ["What's your next step?"]
            does_not_match: ["Step back for a moment."]

        """

    private func error(_ text: String) -> CueFileError? {
        do {
            _ = try reader.read(text)
            return nil
        } catch {
            return error
        }
    }

    func testAGoodFileReads() throws {
        let file = try reader.read(Self.file(Self.goodCue))
        XCTAssertEqual(file.cues.map(\.id), ["next-step"])
        XCTAssertEqual(file.cues.first?.role, .topic(marker: "8.5"))
        XCTAssertEqual(file.cues.first?.location, CueFileLocation(file: "cues.yaml", line: 2, column: 5))
        XCTAssertEqual(file.wordLists.count, CueFileReader.wordListNames.map(\.names.count).reduce(0, +))
    }

    func testASyntaxErrorGivesLineAndColumn() {
        let broken = Self.file(Self.goodCue.replacingOccurrences(of: #"label: "next step""#, with: #"label: "next step"#))
        let error = error(broken)
        XCTAssertEqual(error?.location.file, "cues.yaml")
        XCTAssertEqual(error?.location.line, 7)
        XCTAssertTrue(error?.description.hasPrefix("cues.yaml:7:") ?? false, error?.description ?? "no error")
        XCTAssertTrue(error?.description.contains("YAML syntax") ?? false, error?.description ?? "no error")
        // Where libyaml stops is after the cause; the mapping it was reading points back to the cue.
        XCTAssertTrue(error?.description.contains("that starts at line 2") ?? false, error?.description ?? "no error")
    }

    func testAnUnknownRoleNamesTheRoles() {
        let error = error(Self.file(Self.goodCue.replacingOccurrences(of: "role: topic", with: "role: advice")))
        XCTAssertEqual(error?.reason, .unknownRole("advice"))
        XCTAssertEqual(error?.location.line, 4)
        XCTAssertEqual(error?.location.column, 11)
        XCTAssertTrue(error?.description.contains("open-invitation") ?? false, error?.description ?? "no error")
    }

    func testACueNeedsBothKindsOfExample() {
        let error = error(Self.file(Self.goodCue.replacingOccurrences(of: "    does_not_match: [\"Step back for a moment.\"]\n", with: "")))
        XCTAssertEqual(error?.reason, .missingExamples(id: "next-step", field: "does_not_match"))
        XCTAssertEqual(error?.location.line, 2)
        let empty = self.error(Self.file(Self.goodCue.replacingOccurrences(of: #"["What's your next step?"]"#, with: "[]")))
        XCTAssertEqual(empty?.reason, .missingExamples(id: "next-step", field: "matches"))
        XCTAssertEqual(empty?.location.line, 7)
    }

    func testIDsAreUniqueSlugs() {
        let twice = error(Self.file(Self.goodCue + Self.goodCue))
        XCTAssertEqual(twice?.reason, .duplicateID("next-step", first: CueFileLocation(file: "cues.yaml", line: 2, column: 5)))
        XCTAssertEqual(twice?.location.line, 9)
        XCTAssertEqual(error(Self.file(Self.goodCue.replacingOccurrences(of: "id: next-step", with: "id: Next Step")))?.reason, .badID("Next Step"))
    }

    func testTopicCuesAndOnlyTopicCuesHaveAMarker() {
        XCTAssertEqual(
            error(Self.file(Self.goodCue.replacingOccurrences(of: "marker: \"8.5\"", with: "marker: \"8.10\"")))?.reason,
            .unknownMarker("8.10"))
        XCTAssertEqual(
            error(Self.file(Self.goodCue.replacingOccurrences(of: "role: topic", with: "role: directive")))?.reason,
            .markerMisplaced(role: "directive"))
    }

    func testAMalformedPatternIsRefused() {
        let error = error(Self.file(Self.goodCue.replacingOccurrences(of: "next|first step", with: "next ~x step")))
        guard case .badPattern(_, let problem)? = error?.reason else { return XCTFail("\(String(describing: error))") }
        XCTAssertTrue(problem.contains("'~x' is not a gap"), problem)
        XCTAssertEqual(error?.location.line, 3)
    }

    func testAnUnknownFieldNamesTheFields() {
        let error = error(Self.file(Self.goodCue.replacingOccurrences(of: "label:", with: "lable:")))
        XCTAssertEqual(error?.reason, .unknownField("lable", allowed: ["id", "pattern", "role", "marker", "label", "matches", "does_not_match"]))
        XCTAssertEqual(error?.location.line, 6)
    }

    func testWordListsMustBeTheOnesTheReadingsUse() {
        let misspelt = error("cues:\n" + Self.goodCue + Self.wordLists.replacingOccurrences(of: "fillers:", with: "filers:"))
        guard case .unknownWordList("clause", "filers", _)? = misspelt?.reason else { return XCTFail("\(String(describing: misspelt))") }
        let badWord = error("cues:\n" + Self.goodCue + Self.wordLists.replacingOccurrences(of: "fillers: [word]", with: "fillers: [Okay]"))
        XCTAssertEqual(badWord?.reason, .badWord("Okay"))
    }

    func testADuplicatedKeyIsReported() {
        let error = error(Self.file(Self.goodCue.replacingOccurrences(of: "    label:", with: "    role: choice\n    label:")))
        guard case .duplicateKey("role")? = error?.reason else { return XCTFail("\(String(describing: error))") }
    }
}
