import Foundation
import LRSDelivery
import XCTest

/// Both sides of the coachdrill / coachdrill-lrs protocol come from LRSHelperProtocol; these check that what
/// one side writes, the other reads back the same. (LRSAnswerTests runs the helper itself.)
final class LRSHelperProtocolTests: XCTestCase {
    private func url(_ text: String) throws -> URL { try XCTUnwrap(URL(string: text)) }

    func testTheArgumentsNameTheRequestButNeverThePassword() throws {
        let request = LRSHelperProtocol.Request(
            statementsURL: try url("https://lrs.example.org/xAPI/statements"), user: "coach", batchSize: 7)
        XCTAssertEqual(request.arguments, ["--user=coach", "--batch=7", "https://lrs.example.org/xAPI/statements"])
        XCTAssertEqual(
            LRSHelperProtocol.Request(statementsURL: try url("http://127.0.0.1:8100/s"), user: nil).arguments,
            ["--batch=100", "http://127.0.0.1:8100/s"])
    }

    func testStatementsGoOneALineAndComeBackTheSame() throws {
        let statements = [#"{"id":"a","text":"two\nlines, escaped"}"#, #"{"id":"b","name":"Zoë 👋"}"#]
        let input = try LRSHelperProtocol.frame(statements).get()
        XCTAssertEqual(String(decoding: input, as: UTF8.self).filter { $0 == "\n" }.count, 2)
        XCTAssertEqual(LRSHelperProtocol.statements(in: input), statements)
        XCTAssertEqual(LRSHelperProtocol.statements(in: Data("\n{\"id\":1}\r\n\n  \n{\"id\":2}".utf8)).count, 2, "blank lines are no statements")
    }

    func testAStatementThatIsNotOneLineIsRefused() {
        XCTAssertEqual(LRSHelperProtocol.frame(["{}", "{\n}"]), .failure(.notOneLine(index: 1)))
        XCTAssertEqual(LRSHelperProtocol.frame([""]), .failure(.notOneLine(index: 0)))
    }

    func testTheFailuresSayWhatToDo() {
        let refused = LRSDelivery.Failure.refused(status: 401, reason: "Invalid", batch: 2, batches: 3, url: "https://l/s")
        XCTAssertEqual(
            refused.description,
            "the LRS at https://l/s refused batch 2 of 3 with HTTP 401: Invalid (check --lrs-user and the password in "
                + "COACHDRILL_LRS_PASSWORD); the batches before it were stored, and sending again will not repeat them")
        XCTAssertFalse(refused.description.contains("\n"), "the helper's outcome is one line")
    }
}
