import TerminalOutput
import XCTest

final class StyleTests: XCTestCase {
    func testColourFollowsTheTerminalAndNO_COLOR() {
        XCTAssertTrue(Style.colorEnabled(environment: [:], isTTY: true))
        XCTAssertFalse(Style.colorEnabled(environment: [:], isTTY: false))
        XCTAssertFalse(Style.colorEnabled(environment: ["NO_COLOR": "1"], isTTY: true))
        XCTAssertTrue(Style.colorEnabled(environment: ["NO_COLOR": ""], isTTY: true), "empty means unset")
        XCTAssertFalse(Style.colorEnabled(environment: ["TERM": "dumb"], isTTY: true))
    }

    func testStylingIsPlainTextWhenOff() {
        XCTAssertEqual(Style(enabled: true).bold("x"), "\u{1B}[1mx\u{1B}[0m")
        XCTAssertEqual(Style(enabled: true).apply(Style.boldRed, to: "error"), "\u{1B}[1;31merror\u{1B}[0m")
        XCTAssertEqual(Style.plain.red("x"), "x")
    }
}
