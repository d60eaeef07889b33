import XCTest
@testable import TerminalOutput

final class TerminalWrapTests: XCTestCase {
    func testLongLinesBreakBetweenWordsAndKeepTheirIndent() {
        let text = "Niamh: I said it to a patient's daughter last week while I was crying in the sluice room.\n"
            + "  trap advice-giving: The coach supplied the answer, so the client has nothing to own."
        XCTAssertEqual(
            TerminalText.wrap(text, width: 40),
            """
            Niamh: I said it to a patient's daughter
            last week while I was crying in the
            sluice room.
              trap advice-giving: The coach supplied
              the answer, so the client has nothing
              to own.
            """)
    }

    /// The drill's results list items as "2. id · kind · ... · status"; a wrapped one hangs under its text.
    func testANumberedItemContinuesUnderItsText() {
        let text = "2. close-on-the-clock · rewrite · 8.9 closing · not answered · 0:00 of 0:30\n"
            + "   1. \"Where are you now with what you wanted from today?\"\n"
            + "2.5 litres of water is not a numbered item, so it does not hang"
        XCTAssertEqual(
            TerminalText.wrap(text, width: 40),
            """
            2. close-on-the-clock · rewrite · 8.9
               closing · not answered · 0:00 of 0:30
               1. "Where are you now with what you
                  wanted from today?"
            2.5 litres of water is not a numbered
            item, so it does not hang
            """)
    }

    func testStylingTakesNoColumnsAndShortLinesAreUntouched() {
        let styled = "\u{1B}[1mDana\u{1B}[0m: " + String(repeating: "word ", count: 7) + "end"
        XCTAssertEqual(TerminalText.columns(of: styled[...]), 44)
        XCTAssertEqual(TerminalText.wrap(styled, width: 44), styled)
        XCTAssertEqual(TerminalText.wrap(styled, width: 43), "\u{1B}[1mDana\u{1B}[0m: word word word word word word word\nend")
        XCTAssertEqual(TerminalText.wrap("\nblank lines stay\n\n", width: 30), "\nblank lines stay\n\n")
    }

    /// `:markers` dims a whole indented line, so the styling comes before the indentation: the continued
    /// lines still keep it, exactly as they do without colour.
    func testStylingBeforeTheIndentKeepsTheHangingIndent() {
        let words = "Partnering: Invite them to name what they discovered about themselves."
        let plain = TerminalText.wrap("  " + words, width: 30)
        XCTAssertEqual(plain, "  Partnering: Invite them to\n  name what they discovered\n  about themselves.")
        let dimmed = TerminalText.wrap("\u{1B}[2m  " + words + "\u{1B}[0m", width: 30)
        XCTAssertEqual(dimmed, "\u{1B}[2m  Partnering: Invite them to\n  name what they discovered\n  about themselves.\u{1B}[0m")
        XCTAssertEqual(
            TerminalText.wrap("  \u{1B}[2m" + words + "\u{1B}[0m", width: 30),
            "  \u{1B}[2mPartnering: Invite them to\n  name what they discovered\n  about themselves.\u{1B}[0m")
    }

    func testAWordWiderThanTheLineIsLeftWholeAndNarrowWidthsAreIgnored() {
        let url = "see https://example.org/" + String(repeating: "x", count: 40) + " now"
        XCTAssertEqual(TerminalText.wrap(url, width: 30), "see\nhttps://example.org/" + String(repeating: "x", count: 40) + "\nnow")
        XCTAssertEqual(TerminalText.wrap(url, width: 10), url)
    }
}
