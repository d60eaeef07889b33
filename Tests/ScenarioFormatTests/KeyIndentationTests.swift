import Testing

@testable import ScenarioFormat

/// The help for YAML syntax errors that are really indentation mistakes: which line is off, and which key
/// to line it up with. The broken lint fixtures (key-indented-*, first-key-*, list-item-*) show the whole
/// diagnostics; these pin the cases in between.
@Suite struct KeyIndentationTests {
    private func misindented(_ yaml: String, near line: Int) -> KeyIndentation.Misindented? {
        KeyIndentation(source: yaml).misindentedKey(near: line)
    }

    private let beat = """
        beats:
          opening:
            client: I think we're nearly done.
            expects: [8.1]
            hint: Invite Sam to look back.
            branches:
              - when: { marker: 8.1, stance: partner }
                client: I came for clarity.
                effects: { trust: +1 }
                goto: closing
              - default:
                client:
                  - Sorry, what do you mean?
                  - Say that again?
                goto: opening
        """

    private func shifting(line: Int, by spaces: Int) -> String {
        var lines = beat.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if spaces > 0 {
            lines[line - 1] = String(repeating: " ", count: spaces) + lines[line - 1]
        } else {
            lines[line - 1] = String(lines[line - 1].dropFirst(-spaces))
        }
        return lines.joined(separator: "\n")
    }

    @Test func aKeyDeeperThanTheKeyAboveIsTheOneOff() {
        let found = misindented(shifting(line: 9, by: 2), near: 9)
        #expect(found?.line == 9)
        #expect(
            found?.help == "line 9 is indented 10 spaces but the keys around it use 8: line `effects:` up with `client:`")
    }

    @Test func aKeyShallowerThanBothNeighboursIsFoundFromTheLineBelowIt() {
        // libyaml flags `branches:` (read as more words of the hint), not the hint itself.
        let found = misindented(shifting(line: 5, by: -2), near: 6)
        #expect(found?.line == 5)
        #expect(found?.expectedIndent == 4)
        #expect(found?.sibling == "expects")
    }

    @Test func aFirstKeyTooDeepIsFoundFromTheKeyAfterIt() {
        let found = misindented(shifting(line: 3, by: 2), near: 4)
        #expect(found?.line == 3)
        #expect(found?.help == "line 3 is indented 6 spaces but the keys around it use 4: line `client:` up with `expects:`")
    }

    @Test func aListItemIsCountedToItsKey() {
        let found = misindented(shifting(line: 11, by: 1), near: 11)
        #expect(found?.line == 11)
        #expect(
            found?.help == "line 11 is indented 7 spaces, 1 too many for the keys around it: line `default:` up with `goto:`")
    }

    @Test func aListOfSentencesIsTheValueOfTheKeyAboveIt() {
        // `client:` holds a list, so `goto:` two spaces deeper is off, not `client:`.
        let found = misindented(shifting(line: 15, by: 1), near: 15)
        #expect(found?.line == 15)
        #expect(found?.sibling == "client")
    }

    @Test func wellIndentedLinesAreNeverBlamed() {
        for line in 1...15 {
            #expect(misindented(beat, near: line) == nil, "line \(line)")
        }
    }

    @Test func blockTextAndFlowLinesAreNotKeys() {
        let yaml = """
            summary: |
              Sam says: this is text
                  deeper: still text
            state: { trust: 0,
                     ownership: 0 }
            start: opening
            """
        #expect(KeyIndentation.keyLines(in: yaml).map(\.key) == ["summary", "state", "start"])
    }

    @Test func aColonInsideAValueKeepsTheQuotingHelp() {
        let yaml = "beats:\n  opening:\n    client: Honestly: I think we're nearly done.\n    end: true\n"
        let help = YAMLErrorMapping.help(
            forProblem: "mapping values are not allowed in this context", context: nil, line: 3, column: 21,
            source: yaml)
        #expect(help.hasPrefix("a value that contains ': ' must be quoted"))
    }

    @Test func anUnquotedComparisonIsQuotedWithItsKey() {
        let line: Substring = "      - when: { state: { ownership: >= 1 }, stance: partner }"
        let column = 37  // the '>'
        let comparison = YAMLErrorMapping.comparison(in: line, at: column)
        #expect(comparison?.quoted == "ownership: \">= 1\"")
        #expect(comparison?.brackets == "{ }")
        #expect(YAMLErrorMapping.comparison(in: "      - when: [>= 1]", at: 16)?.brackets == "[ ]")
    }
}
