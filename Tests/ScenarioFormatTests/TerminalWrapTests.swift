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
