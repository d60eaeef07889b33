import CoachDrillCore
import Foundation
import XCTest

/// Checks a transcript the binary wrote against the one transcript model: every line decodes to an event
/// and, written again, is the same bytes (file -> model -> file), and the whole reads as sessions with
/// nothing to note. Returns the sessions for the test to look into.
enum WrittenTranscript {
    @discardableResult
    static func check(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Transcript] {
        for (index, written) in text.split(separator: "\n").enumerated() {
            let event = try JSONDecoder().decode(TranscriptEvent.self, from: Data(written.utf8))
            XCTAssertEqual(
                String(decoding: try event.jsonLine(), as: UTF8.self), String(written), "line \(index + 1)", file: file, line: line)
        }
        let sessions = try TranscriptReader.sessions(in: text)
        XCTAssertEqual(sessions.flatMap(\.notes), [], file: file, line: line)
        return sessions
    }
}
