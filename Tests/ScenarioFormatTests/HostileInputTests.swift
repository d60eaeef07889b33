import CoachDrillCore
import Foundation
import Testing

@testable import ScenarioFormat

/// Loading must never crash on any input: every file gives a scenario or at least one error diagnostic, each
/// with a sane location, rendered without raw control characters.
@Suite struct HostileInputTests {
    /// Runs bytes through the same path a file takes (strict UTF-8 first), and checks the invariants.
    static func check(_ bytes: [UInt8], label: String, limits: LoadLimits = .default) {
        let path = "fuzz/\(label).yaml"
        let analysis: ScenarioAnalysis
        switch SourceFile.decode(Data(bytes), path: path) {
        case .success(let text):
            analysis = ScenarioLoader.analyze(yaml: text, path: path, limits: limits)
        case .failure(let unreadable):
            analysis = ScenarioAnalysis(
                scenario: nil, diagnostics: DiagnosticList([unreadable.diagnostic], source: unreadable.partialSource))
        }
        let list = analysis.diagnostics
        if analysis.scenario == nil {
            #expect(list.hasErrors, "\(label): no scenario and no error")
        } else {
            #expect(!list.hasErrors, "\(label): a scenario despite errors")
        }
        let lineCount = bytes.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
        for diagnostic in list.diagnostics {
            #expect(
                diagnostic.location.line >= 0 && diagnostic.location.line <= lineCount + 1, "\(label): \(diagnostic)")
            #expect(diagnostic.location.column >= 0, "\(label): \(diagnostic)")
        }
        let rendered = list.rendered(color: false)
        #expect(TerminalText.isSafe(rendered), "\(label): raw control characters in the rendered output")
    }

    static var example: [UInt8] {
        (try? Array(Fixtures.example.utf8)) ?? []
    }

    @Test func everyTruncationIsHandled() {
        let bytes = Self.example
        #expect(!bytes.isEmpty)
        for length in stride(from: 0, through: bytes.count, by: 5) {
            Self.check(Array(bytes[0..<length]), label: "truncated-\(length)")
        }
    }

    @Test func randomByteFlipsAreHandled() {
        var random = SessionRandom(seed: 20_261_121)  // fixed seed: every run mutates the same way
        let bytes = Self.example
        for round in 0..<400 {
            var mutated = bytes
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let index = Int.random(in: 0..<mutated.count, using: &random)
                mutated[index] = UInt8.random(in: 0...255, using: &random)
            }
            Self.check(mutated, label: "flipped-\(round)")
        }
    }

    @Test func structuralTextMutationsAreHandled() {
        var random = SessionRandom(seed: 7)
        let lines = (try? Fixtures.example.components(separatedBy: "\n")) ?? []
        let pieces = [
            ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "\"", "'", "#", "\t", "? ", "---", "|", ">", "!!int ",
        ]
        for round in 0..<300 {
            var mutated = lines
            switch round % 4 {
            case 0:  // delete a line
                mutated.remove(at: Int.random(in: 0..<mutated.count, using: &random))
            case 1:  // duplicate a line (duplicate keys, beats, branches)
                let index = Int.random(in: 0..<mutated.count, using: &random)
                mutated.insert(mutated[index], at: index)
            case 2:  // insert YAML punctuation
                let index = Int.random(in: 0..<mutated.count, using: &random)
                var line = mutated[index]
                let at = line.index(line.startIndex, offsetBy: Int.random(in: 0...line.count, using: &random))
                line.insert(contentsOf: pieces[Int.random(in: 0..<pieces.count, using: &random)], at: at)
                mutated[index] = line
            default:  // change indentation
                let index = Int.random(in: 0..<mutated.count, using: &random)
                mutated[index] =
                    String(repeating: " ", count: Int.random(in: 0...3, using: &random))
                    + mutated[index].drop(while: { $0 == " " })
            }
            Self.check(Array(mutated.joined(separator: "\n").utf8), label: "structural-\(round)")
        }
    }

    @Test(arguments: [
        ("flow-lists", String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)),
        ("flow-maps", String(repeating: "{a: ", count: 3000) + "b" + String(repeating: "}", count: 3000)),
        ("block-lists", String(repeating: "- ", count: 5000) + "x"),
        ("unclosed", "id: x\nmarkers: " + String(repeating: "[", count: 100_000)),
        (
            "indented-maps",
            (0..<900).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x"
        ),
        ("complex-keys", String(repeating: "? ", count: 3000) + "x"),
    ])
    func deepNestingIsRefused(_ name: String, _ text: String) {
        Self.check(Array(text.utf8), label: "deep-\(name)")
        let result = ScenarioLoader.load(yaml: text, path: "deep.yaml")
        guard case .failure(let list) = result else {
            Issue.record("deep nesting loaded")
            return
        }
        #expect(list.hasErrors)
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let start = ContinuousClock.now
        let list = try #require(ScenarioLoader.load(yaml: text, path: "bomb.yaml").failure)
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(list.errors.map(\.code) == [.aliasExpansion])
    }

    @Test func quadraticBlowupIsRefused() throws {
        // One anchor with many items, used many times: few aliases, many nodes.
        let items = Array(repeating: "x", count: 5_000).joined(separator: ", ")
        let text =
            "big: &big [\(items)]\nuses: [" + Array(repeating: "*big", count: 100).joined(separator: ", ") + "]\n"
        let list = try #require(ScenarioLoader.load(yaml: text, path: "quadratic.yaml").failure)
        #expect(list.errors.map(\.code) == [.aliasExpansion])
        #expect(list.errors.first?.message == "document expands to more than 100000 nodes through its aliases")
    }

    @Test func tooManyAnchorsIsRefused() throws {
        let text = (0..<300).map { "k\($0): &anchor\($0) v" }.joined(separator: "\n")
        let list = try #require(
            ScenarioLoader.load(yaml: text, path: "anchors.yaml", limits: LoadLimits(maxAnchors: 256)).failure)
        #expect(list.errors.map(\.code) == [.aliasExpansion])
    }

    @Test func aFewAliasesAreFine() throws {
        let yaml = try Fixtures.example
            .replacingOccurrences(
                of: "client: Sorry, what do you mean?", with: "client: &sorry Sorry, what do you mean?"
            )
            .replacingOccurrences(of: "client: So... is that it, then?", with: "client: *sorry")
        let scenario = try ScenarioLoader.load(yaml: yaml, path: "new-manager-checklist.yaml").get()
        #expect(scenario.beat("wrap-up-again")?.client == ["Sorry, what do you mean?"])
    }

    @Test func recursiveAndUndefinedAliasesAreErrors() {
        for text in ["a: &a [*a]\n", "a: *nowhere\n", "&a a: *a\n"] {
            Self.check(Array(text.utf8), label: "alias")
        }
    }

    @Test func manyDuplicateKeysDoNotLoopOrCrash() {
        let text = (0..<400).map { _ in "id: x" }.joined(separator: "\n")
        Self.check(Array(text.utf8), label: "duplicates")
        let flow = "{" + (0..<100).map { "k\($0 % 3): v" }.joined(separator: ", ") + "}"
        Self.check(Array(flow.utf8), label: "flow-duplicates")
        let quoted = "\"a\": 1\n'a': 2\na: 3\n\"\": 4\n\"\": 5\n? [x]\n: 6\n? [x]\n: 7\n"
        Self.check(Array(quoted.utf8), label: "quoted-duplicates")
    }

    @Test(
        arguments: [
            [0xFF, 0xFE, 0x69, 0x00, 0x64, 0x00],  // UTF-16 with a byte-order mark
            [0xEF, 0xBB, 0xBF] + Array("id: x\n".utf8),  // UTF-8 byte-order mark
            [0xC0, 0x80],  // overlong NUL
            [0xED, 0xA0, 0x80],  // a surrogate
            [0x69, 0x64, 0x3A, 0x20, 0x00],  // NUL
            [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
            Array("id: x\ntitle: caf".utf8) + [0xE9],  // Latin-1
            Array("id: \u{FEFF}x\u{85}title: \u{2028}y\r\nsummary: z\r".utf8),  // odd breaks and marks
        ] as [[UInt8]])
    func oddEncodingsAreHandled(_ bytes: [UInt8]) {
        Self.check(bytes, label: "encoding")
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeParsing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/huge.yaml"
        try Data(repeating: 0x61, count: (1 << 20) + 10).write(to: URL(fileURLWithPath: path))
        let list = try #require(ScenarioLoader.load(contentsOf: path).failure)
        #expect(list.errors.map(\.code) == [.fileTooLarge])
    }

    @Test func tooManyNodesWithoutAliasesIsRefused() throws {
        let text = "x: [" + Array(repeating: "1", count: 120_000).joined(separator: ",") + "]"
        let list = try #require(ScenarioLoader.load(yaml: text, path: "wide.yaml").failure)
        #expect(list.errors.first?.message == "document has more than 100000 nodes")
    }
}

@Suite struct HostileVolumeTests {
    @Test func aFileOfManyMistakesIsCappedAndQuick() throws {
        let text = (0..<40_000).map { "k\($0): v" }.joined(separator: "\n")
        let start = ContinuousClock.now
        let list = try #require(ScenarioLoader.load(yaml: text, path: "many.yaml").failure)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(list.diagnostics.count == ScenarioAnalyzer.maxDiagnostics)
        #expect(list.omittedCount > 39_000)
        #expect(list.rendered().hasSuffix("more diagnostics not shown\n"))
    }

    @Test func manyDuplicatedKeysInALargeFileStayQuick() throws {
        let filler = (0..<20_000).map { "k\($0): v" }.joined(separator: "\n")
        let text = filler + "\n" + (0..<200).map { _ in "id: x" }.joined(separator: "\n")
        let start = ContinuousClock.now
        _ = ScenarioLoader.load(yaml: text, path: "dups.yaml")
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}
