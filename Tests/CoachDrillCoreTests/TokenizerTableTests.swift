import XCTest

@testable import CoachDrillCore

/// Every entry of the tokenizer's tables, run through the tokenizer as a line would be, and the English
/// words that look like a table entry but must be read as written.
final class TokenizerTableTests: XCTestCase {
    private func words(_ text: String) -> [String] {
        Tokenizer.tokenize(Array(text.utf8)).map(\.word)
    }

    func testEveryContractionExpandsAsDeclared() {
        for (written, expansion) in Tokenizer.contractions {
            XCTAssertEqual(words(written), expansion, written)
            XCTAssertEqual(words(written.uppercased()), expansion, written.uppercased())
        }
    }

    func testEveryTypingSlipReadsAsTheWordMeant() {
        for (slip, meant) in TypingSlips.words {
            XCTAssertEqual(words(slip), [meant], slip)
        }
    }

    /// Words of their own that a careless table would expand: "You seem ill" is not "you seem i will".
    func testEnglishWordsAreReadAsWritten() {
        XCTAssertEqual(words("You seem ill"), ["you", "seem", "ill"])
        XCTAssertEqual(words("She lets it slide"), ["she", "lets", "it", "slide"])
        XCTAssertEqual(words("as is his wont"), ["as", "is", "his", "wont"])
        for word in ["ill", "lets", "wont", "were", "well", "hell", "shell", "its", "id", "hat", "wen", "nod"] {
            XCTAssertEqual(words(word), [word], word)
        }
    }

    /// An apostrophe still expands the contraction the word-without-apostrophe no longer does.
    func testTheApostropheFormsStillExpand() {
        XCTAssertEqual(words("I'll"), ["i", "will"])
        XCTAssertEqual(words("let's"), ["let", "us"])
        XCTAssertEqual(words("won't"), ["will", "not"])
    }
}
