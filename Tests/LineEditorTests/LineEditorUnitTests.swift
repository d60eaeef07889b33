import XCTest

@testable import LineEditor

final class PromptMarkupTests: XCTestCase {
    private let mark = "\u{1}"

    func testPlainPromptIsUnchanged() {
        XCTAssertEqual(PromptMarkup.libeditPrompt("coach> "), "coach> ")
    }

    func testColourEscapesAreBracketed() {
        let prompt = "\u{1B}[1;36mcoach>\u{1B}[0m "
        XCTAssertEqual(PromptMarkup.libeditPrompt(prompt), "\(mark)\u{1B}[1;36m\(mark)coach>\(mark)\u{1B}[0m\(mark) ")
    }

    func testAdjacentEscapesShareOneBracket() {
        let prompt = "\u{1B}[1m\u{1B}[36mA"
        XCTAssertEqual(PromptMarkup.libeditPrompt(prompt), "\(mark)\u{1B}[1m\u{1B}[36m\(mark)A")
    }

    func testATrailingEscapeMovesBeforeTheLastCharacter() {
        let prompt = "\u{1B}[32mcoach> \u{1B}[0m"
        XCTAssertEqual(PromptMarkup.libeditPrompt(prompt), "\(mark)\u{1B}[32m\(mark)coach>\(mark)\u{1B}[0m\(mark) ")
    }

    func testOSCAndStrayDelimitersAreHandled() {
        let prompt = "\u{1B}]0;title\u{7}x\u{1}y"
        XCTAssertEqual(PromptMarkup.libeditPrompt(prompt), "\(mark)\u{1B}]0;title\u{7}\(mark)xy")
    }

    func testOnlyEscapesGivesAnEmptyPrompt() {
        XCTAssertEqual(PromptMarkup.libeditPrompt("\u{1B}[0m"), "")
    }
}

final class CommandCompletionTests: XCTestCase {
    private let completion = CommandCompletion(words: [":help", ":hint", ":markers", ":score", ":undo", ":restart", ":transcript", ":quit"])

    func testUniquePrefixCompletes() {
        XCTAssertEqual(completion.complete(":he"), .insert("lp"))
        XCTAssertEqual(completion.complete(":q"), .insert("uit"))
    }

    func testAmbiguousPrefixLists() {
        XCTAssertEqual(completion.complete(":h"), .list([":help", ":hint"]))
        XCTAssertEqual(completion.complete(":").description, CommandCompletion.Outcome.list(completion.words).description)
    }

    func testSharedPrefixIsInsertedFirst() {
        let shared = CommandCompletion(words: [":transcript", ":translate"])
        XCTAssertEqual(shared.complete(":t"), .insert("rans"))
        XCTAssertEqual(shared.complete(":trans"), .list([":transcript", ":translate"]))
    }

    func testNothingToDo() {
        XCTAssertEqual(completion.complete("help"), .none, "not a command")
        XCTAssertEqual(completion.complete(":help"), .none, "already complete")
        XCTAssertEqual(completion.complete(":x"), .none, "no match")
        XCTAssertEqual(completion.complete(":help me"), .none, "past the command word")
    }
}

extension CommandCompletion.Outcome: CustomStringConvertible {
    public var description: String {
        switch self {
        case .none: "none"
        case .insert(let text): "insert(\(text))"
        case .list(let words): "list(\(words))"
        }
    }
}

final class UTF8InputDecoderTests: XCTestCase {
    private func decode(_ chunks: [[UInt8]]) -> String {
        var decoder = UTF8InputDecoder()
        var scalars = String.UnicodeScalarView()
        for chunk in chunks {
            chunk.withUnsafeBytes { decoder.append($0) }
            while let scalar = decoder.next() { scalars.append(scalar) }
        }
        while let scalar = decoder.finish() { scalars.append(scalar) }
        return String(scalars)
    }

    func testWholeAndSplitSequences() {
        let bytes = Array("café 🙂".utf8)
        XCTAssertEqual(decode([bytes]), "café 🙂")
        XCTAssertEqual(decode(bytes.map { [$0] }), "café 🙂", "one byte at a time, as a slow terminal sends")
    }

    func testMalformedInputBecomesReplacementCharacters() {
        XCTAssertEqual(decode([[0x61, 0xFF, 0x62]]), "a\u{FFFD}b")
        XCTAssertEqual(decode([[0xC3, 0x41]]), "\u{FFFD}A", "a lead byte without its continuation")
        XCTAssertEqual(decode([[0xED, 0xA0, 0x80]]), "\u{FFFD}\u{FFFD}\u{FFFD}", "surrogates are not scalars")
        XCTAssertEqual(decode([[0xE2, 0x82]]), "\u{FFFD}", "cut off at end of input")
    }

    func testMatchesTheStandardLibrary() {
        let samples: [[UInt8]] = [[0xF0, 0x9F, 0x99], [0xE0, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]]
        for sample in samples {
            XCTAssertEqual(decode([sample]), String(decoding: sample, as: UTF8.self), "\(sample)")
        }
    }
}
