import CoachDrillCore
import XCTest

final class JSONReaderTests: XCTestCase {
    func testValuesOfEveryKind() throws {
        let value = try JSONReader.parse(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "e": ""} "#)
        XCTAssertEqual(value["a"], .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        XCTAssertEqual(value["b"]?["c"], .string("d"))
        XCTAssertEqual(value["e"], .string(""))
    }

    func testNumbersKeepTheirTextSoSixtyFourBitSeedsSurvive() throws {
        let value = try JSONReader.parse(#"{"seed":18446744073709551615}"#)
        XCTAssertEqual(value["seed"], .number("18446744073709551615"))
    }

    func testEscapesAndSurrogatePairs() throws {
        let value = try JSONReader.parse(#""q\"b\\s\/n\nt\tu\u00e9 \ud83d\ude00 é""#)
        XCTAssertEqual(value, .string("q\"b\\s/n\nt\tué 😀 é"))
    }

    func testSyntaxErrorsNameTheColumn() {
        let cases: [(String, Int, String)] = [
            (#"{"a":1,}"#, 8, "expected a field name"),
            (#"{"a" 1}"#, 6, "expected ':'"),
            (#"[1 2]"#, 4, "expected ',' or ']'"),
            (#"{"a":tru}"#, 6, "expected 'true'"),
            (#"{"a":01}"#, 7, "expected ',' or '}'"),
            (#"{"a":"b"} x"#, 11, "unexpected text"),
            (#"{"a":"\x"}"#, 8, "unknown escape"),
            (#"{"a":"\ud800"}"#, 13, "high surrogate"),
            (#"{"a":1,"a":2}"#, 13, "appears twice"),
            ("{\"a\":\"\u{01}\"}", 7, "control character"),
        ]
        for (text, column, message) in cases {
            XCTAssertThrowsError(try JSONReader.parse(text), text) { error in
                guard let error = error as? JSONSyntaxError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.column, column, "\(text): \(error)")
                XCTAssertTrue(error.message.contains(message), "\(text): \(error)")
            }
        }
    }

    func testObjectsAreBounded() {
        let text = "{" + (0...256).map { "\"k\($0)\":0" }.joined(separator: ",") + "}"
        XCTAssertThrowsError(try JSONReader.parse(text)) { error in
            XCTAssertEqual(error as? JSONSyntaxError, JSONSyntaxError(column: text.utf8.count, message: "more than 256 fields in one object"))
        }
    }

    func testHugeLinesAreRefused() {
        let text = "\"" + String(repeating: "a", count: JSONReader.maxTextBytes) + "\""
        XCTAssertThrowsError(try JSONReader.parse(text)) { error in
            XCTAssertEqual(error as? JSONSyntaxError, JSONSyntaxError(column: 1, message: "longer than 16 MiB on one line"))
        }
    }

    func testACutOffLineSaysSo() {
        for text in [#"{"event":"coach","turn":1,"assess"#, #"{"a":"unfinished"#, #"{"a":[1,2"#, #"{"a":tr"#] {
            XCTAssertThrowsError(try JSONReader.parse(text)) { error in
                XCTAssertTrue("\(error)".contains("cut off"), "\(text): \(error)")
            }
        }
    }

    func testNestingIsBounded() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        XCTAssertThrowsError(try JSONReader.parse(deep)) { error in
            XCTAssertTrue("\(error)".contains("nested deeper"), "\(error)")
        }
        XCTAssertNoThrow(try JSONReader.parse(String(repeating: "[", count: 60) + String(repeating: "]", count: 60)))
    }
}
