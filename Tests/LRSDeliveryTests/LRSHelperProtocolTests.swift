import Foundation
import LRSDelivery
import XCTest

/// Both sides of the coachdrill / coachdrill-lrs protocol come from LRSHelperProtocol; these check that what
/// one side writes, the other reads back the same, and that the helper refuses what coachdrill would.
final class LRSHelperProtocolTests: XCTestCase {
    private func url(_ text: String) throws -> URL { try XCTUnwrap(URL(string: text)) }

    func testARequestSurvivesItsArguments() throws {
        let requests = [
            LRSHelperProtocol.Request(statementsURL: try url("https://lrs.example.org/xAPI/statements"), user: "coach"),
            LRSHelperProtocol.Request(statementsURL: try url("http://127.0.0.1:8100/xAPI/statements"), user: nil, batchSize: 7),
            // A name that looks like an option is still the name.
            LRSHelperProtocol.Request(statementsURL: try url("https://lrs.example.org/s"), user: "--batch", batchSize: 1000),
        ]
        for request in requests {
            XCTAssertEqual(try LRSHelperProtocol.Request(arguments: request.arguments), request)
        }
        XCTAssertFalse(
            requests[0].arguments.contains { $0.contains("COACHDRILL_LRS_PASSWORD") },
            "the password is never an argument")
    }

    func testTheHelperRefusesWhatCoachdrillWouldNot() {
        for arguments in [
            [],
            ["--batch", "0", "https://lrs.example.org/s"],
            ["--batch", "1001", "https://lrs.example.org/s"],
            ["--user"],
            ["ftp://lrs.example.org/s"],
            ["https://coach:secret@lrs.example.org/s"],
            ["https://lrs.example.org/s", "https://other.example.org/s"],
            ["--password", "secret", "https://lrs.example.org/s"],
            // Basic auth over plain http only to this machine.
            ["--user", "coach", "http://lrs.example.org/s"],
        ] {
            XCTAssertThrowsError(try LRSHelperProtocol.Request(arguments: arguments), "\(arguments)")
        }
        XCTAssertNoThrow(try LRSHelperProtocol.Request(arguments: ["--user", "coach", "http://[::1]:8100/xAPI/statements"]))
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
