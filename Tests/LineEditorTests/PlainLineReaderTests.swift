import Foundation
import LineEditor
import XCTest

final class PlainLineReaderTests: XCTestCase {
    /// A reader over `bytes` written into a pipe (closed, so EOF follows).
    private func reader(_ bytes: [UInt8], maxLineBytes: Int = 64 * 1024) throws -> PlainLineReader {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let writer = FileHandle(fileDescriptor: fds[1], closeOnDealloc: true)
        DispatchQueue.global().async {
            writer.write(Data(bytes))
            try? writer.close()
        }
        return PlainLineReader(fileDescriptor: fds[0], maxLineBytes: maxLineBytes)
    }

    private func lines(_ reader: PlainLineReader) -> [String] {
        var out: [String] = []
        while case .line(let line) = reader.readLine(prompt: "ignored> ") { out.append(line) }
        return out
    }

    func testLinesCRLFAndAFinalLineWithoutNewline() throws {
        XCTAssertEqual(lines(try reader(Array("one\r\ntwo\n\nthree".utf8))), ["one", "two", "", "three"])
    }

    func testEmptyInputIsEndOfInput() throws {
        XCTAssertEqual(try reader([]).readLine(prompt: ""), .endOfInput)
    }

    func testInvalidUTF8IsRepairedNotFatal() throws {
        let got = lines(try reader([0x63, 0x61, 0x66, 0xC3, 0xA9, 0x20, 0xFF, 0xFE, 0x0A, 0x00, 0x41, 0x0A]))
        XCTAssertEqual(got, ["café \u{FFFD}\u{FFFD}", "\u{0}A"])
    }

    func testHugeLineIsBoundedAndTheNextLineStillReads() throws {
        let huge = [UInt8](repeating: UInt8(ascii: "x"), count: 3_000_000) + Array("\nnext\n".utf8)
        let reader = try reader(huge, maxLineBytes: 1000)
        guard case .line(let first) = reader.readLine(prompt: "") else { return XCTFail("expected a line") }
        XCTAssertEqual(first.utf8.count, 1000)
        XCTAssertTrue(reader.lastLineWasTruncated)
        XCTAssertEqual(reader.readLine(prompt: ""), .line("next"))
        XCTAssertFalse(reader.lastLineWasTruncated)
        XCTAssertEqual(reader.readLine(prompt: ""), .endOfInput)
    }

    func testPromptEscapesAreMarkedForLibedit() {
        XCTAssertEqual(EditLineReader.markEscapes("\u{1B}[1mcoach> \u{1B}[0m"), "\u{01}\u{1B}[1m\u{01}coach> \u{01}\u{1B}[0m\u{01}")
        XCTAssertEqual(EditLineReader.markEscapes("coach> "), "coach> ")
    }

    func testDefaultHistoryPathFollowsXDGStateHome() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("cd-state-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        XCTAssertEqual(EditLineReader.defaultHistoryPath(environment: ["XDG_STATE_HOME": base]), base + "/coachdrill/history")
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: base + "/coachdrill", isDirectory: &isDirectory) && isDirectory.boolValue)
        XCTAssertEqual(EditLineReader.defaultHistoryPath(environment: ["HOME": "/home/x", "XDG_STATE_HOME": ""])?.hasPrefix("/home/x/.local/state/coachdrill"), true)
    }
}
