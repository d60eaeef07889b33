import Foundation
import XCTest

@testable import LineEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class PlainLineReaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("PlainLineReaderTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// All lines `bytes` yields, read from a file, until end of input.
    private func lines(
        of bytes: [UInt8], maxLineBytes: Int = PlainLineReader.defaultMaxLineBytes, blockSize: Int = 64 * 1024
    ) throws -> [String] {
        try read(bytes, maxLineBytes: maxLineBytes, blockSize: blockSize).map(\.text)
    }

    private func read(
        _ bytes: [UInt8], maxLineBytes: Int = PlainLineReader.defaultMaxLineBytes, blockSize: Int = 64 * 1024
    ) throws -> [(text: String, truncated: Bool)] {
        let file = folder.appendingPathComponent(UUID().uuidString)
        try Data(bytes).write(to: file)
        let descriptor = open(file.path, O_RDONLY)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        defer { close(descriptor) }
        let reader = PlainLineReader(
            fileDescriptor: descriptor, maxLineBytes: maxLineBytes, handlesSignals: false, blockSize: blockSize
        )
        var result: [(String, Bool)] = []
        while case .line(let text) = reader.readLine(prompt: "coach> "), result.count <= 100_000 {
            result.append((text, reader.lastLineWasTruncated))
        }
        XCTAssertEqual(reader.readLine(prompt: ""), .endOfInput, "end of input is for good")
        return result
    }

    func testEmptyInputEndsAtOnce() throws {
        XCTAssertEqual(try lines(of: []), [])
    }

    func testLinesLoseTheirNewline() throws {
        XCTAssertEqual(try lines(of: Array("one\ntwo\n\nfour\n".utf8)), ["one", "two", "", "four"])
    }

    func testCRLFLineEndingsAreStripped() throws {
        XCTAssertEqual(try lines(of: Array("one\r\ntwo\r\n\r\n".utf8)), ["one", "two", ""])
    }

    func testAFinalLineWithoutNewlineIsStillReturned() throws {
        XCTAssertEqual(try lines(of: Array("one\nlast".utf8)), ["one", "last"])
        XCTAssertEqual(try lines(of: Array("last\r".utf8)), ["last"])
    }

    func testInvalidUTF8IsRepairedNotFatal() throws {
        let bytes: [UInt8] = [0x63, 0x61, 0x66, 0xC3, 0x0A] + [0xFF, 0xFE, 0x41, 0x0A] + Array("café\n".utf8)
        XCTAssertEqual(try lines(of: bytes), ["caf\u{FFFD}", "\u{FFFD}\u{FFFD}A", "café"])
    }

    func testNULBytesAreDeliveredNotTreatedAsTheEndOfTheLine() throws {
        XCTAssertEqual(try lines(of: [0x61, 0x00, 0x62, 0x0A, 0x00, 0x41, 0x0A]), ["a\u{0}b", "\u{0}A"])
    }

    func testHugeLineIsConsumedWholeButReturnedTruncated() throws {
        let huge = [UInt8](repeating: 0x78, count: 200_000)
        let result = try read(huge + Array("\r\nnext\n".utf8), maxLineBytes: 64 * 1024, blockSize: 4096)
        XCTAssertEqual(result.count, 2)
        XCTAssertEqual(result.first?.text.utf8.count, 64 * 1024)
        XCTAssertEqual(result.first?.truncated, true)
        XCTAssertEqual(result.last?.text, "next", "the rest of the long line was skipped, not read as lines")
        XCTAssertEqual(result.last?.truncated, false, "the flag is per line")
    }

    func testHugeLineThroughAPipeIsBoundedAndTheNextLineStillReads() throws {
        var ends: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&ends), 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 3_000_000) + Array("\nnext\n".utf8)
        let writer = Thread {
            var pending = bytes[...]
            while !pending.isEmpty {
                let written = pending.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
                guard written > 0 else { break }
                pending = pending.dropFirst(written)
            }
            close(writeEnd)
        }
        writer.start()
        let reader = PlainLineReader(fileDescriptor: readEnd, maxLineBytes: 1000, handlesSignals: false)
        guard case .line(let first) = reader.readLine(prompt: "") else { return XCTFail("expected a line") }
        XCTAssertEqual(first.utf8.count, 1000)
        XCTAssertTrue(reader.lastLineWasTruncated)
        XCTAssertEqual(reader.readLine(prompt: ""), .line("next"))
        XCTAssertFalse(reader.lastLineWasTruncated)
        XCTAssertEqual(reader.readLine(prompt: ""), .endOfInput)
    }

    func testALineOfExactlyTheLimitIsNotTruncated() throws {
        let result = try read(Array("abcd\r\nabcde\n".utf8), maxLineBytes: 4, blockSize: 3)
        XCTAssertEqual(result.map(\.text), ["abcd", "abcd"])
        XCTAssertEqual(result.map(\.truncated), [false, true])
    }

    func testTruncationDoesNotSplitACharacter() throws {
        // "éé" is four bytes; a limit of three must keep one whole "é", not one and a half.
        let result = try read(Array("éé\n".utf8), maxLineBytes: 3)
        XCTAssertEqual(result.map(\.text), ["é"])
        XCTAssertEqual(result.map(\.truncated), [true])
    }

    func testLinesSpanningReadBlocksAreJoined() throws {
        let text = "a line longer than the block\nand another one\n"
        XCTAssertEqual(try lines(of: Array(text.utf8), blockSize: 5), ["a line longer than the block", "and another one"])
        XCTAssertEqual(try lines(of: Array("é\n".utf8), blockSize: 1), ["é"], "a character split across blocks")
    }

    func testManyLinesReadQuickly() throws {
        let text = String(repeating: "Where are you now with what you wanted from today?\n", count: 50_000)
        let start = Date()
        XCTAssertEqual(try lines(of: Array(text.utf8)).count, 50_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "buffered reads, not a system call per byte")
    }

    func testPipeInputArrivingInPieces() throws {
        var ends: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&ends), 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        let writer = Thread {
            for piece in ["hel", "lo\nwor", "ld", "\n", "tail"] {
                _ = piece.utf8CString.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count - 1) }
                usleep(2000)
            }
            close(writeEnd)
        }
        writer.start()
        let reader = PlainLineReader(fileDescriptor: readEnd)
        XCTAssertEqual(reader.readLine(prompt: ""), .line("hello"))
        XCTAssertEqual(reader.readLine(prompt: ""), .line("world"))
        XCTAssertEqual(reader.readLine(prompt: ""), .line("tail"))
        XCTAssertEqual(reader.readLine(prompt: ""), .endOfInput)
    }

    func testSIGTERMWhileWaitingOnAPipeReturnsTerminated() throws {
        var ends: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&ends), 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        withHarmlessHandler(for: SIGTERM) {
            let answered = DispatchSemaphore(value: 0)
            let senderStopped = DispatchSemaphore(value: 0)
            // Keep signalling until the reader answers; close the pipe after a while so a broken trap
            // fails the test instead of hanging it.
            let sender = Thread {
                let deadline = Date(timeIntervalSinceNow: 10)
                while answered.wait(timeout: .now() + .milliseconds(20)) == .timedOut, Date() < deadline {
                    kill(getpid(), SIGTERM)
                }
                close(writeEnd)
                senderStopped.signal()
            }
            sender.start()
            let reader = PlainLineReader(fileDescriptor: readEnd)
            XCTAssertEqual(reader.readLine(prompt: ""), .terminated(signal: SIGTERM))
            answered.signal()
            senderStopped.wait()  // no SIGTERM may follow once the harmless handler is gone
        }
    }
}
