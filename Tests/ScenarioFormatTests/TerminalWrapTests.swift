import XCTest
@testable import ScenarioFormat

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

    func testAWordWiderThanTheLineIsLeftWholeAndNarrowWidthsAreIgnored() {
        let url = "see https://example.org/" + String(repeating: "x", count: 40) + " now"
        XCTAssertEqual(TerminalText.wrap(url, width: 30), "see\nhttps://example.org/" + String(repeating: "x", count: 40) + "\nnow")
        XCTAssertEqual(TerminalText.wrap(url, width: 10), url)
    }
}
