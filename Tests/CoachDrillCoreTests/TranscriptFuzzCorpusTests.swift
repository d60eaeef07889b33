import CoachDrillCore
import Foundation
import XCTest

/// Replays the transcript fuzzer's seed corpus (Fuzz/corpus/transcript-reader: the fixtures of every
/// transcript shape, and a reproducer of each hole in issue 16) on every `make test`. Each input gives
/// sessions or an error with its line, reads the same in blocks as whole, and folds into a report.
final class TranscriptFuzzCorpusTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus/transcript-reader").path

    private func read(_ bytes: [UInt8], blockSize: Int) -> Result<[Transcript], TranscriptError> {
        var stream = TranscriptStream()
        return Result { () throws(TranscriptError) in
            for start in stride(from: 0, to: bytes.count, by: blockSize) {
                try bytes[start..<min(start + blockSize, bytes.count)].withUnsafeBytes { block in
                    Result { () throws(TranscriptError) in try stream.feed(block) }
                }.get()
            }
            return try stream.finish()
        }
    }

    func testEveryCorpusInputReadsTheSameInBlocksAndFoldsIntoAReport() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertGreaterThan(names.count, 20)
        var readable = 0
        for name in names {
            let bytes = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: folder + "/" + name)))
            let whole = read(bytes, blockSize: max(bytes.count, 1))
            XCTAssertEqual(read(bytes, blockSize: 13), whole, name)
            switch whole {
            case .failure(let error):
                XCTAssertGreaterThanOrEqual(error.line, 1, name)
            case .success(let sessions):
                readable += 1
                var builder = ReportBuilder()
                for session in sessions { builder.add(session) }
                XCTAssertEqual(builder.build().sessions.count, sessions.count, name)
            }
        }
        XCTAssertGreaterThan(readable, 10, "the fixtures in the corpus read")
    }

    func testTheReproducersAreRefusedOrCorrected() throws {
        func outcome(_ name: String) throws -> Result<[Transcript], TranscriptError> {
            read([UInt8](try XCTUnwrap(FileManager.default.contents(atPath: folder + "/" + name))), blockSize: 4096)
        }
        for name in [
            "repro-item-int-max.jsonl", "repro-elapsed-1e17.jsonl", "repro-negative-turn.jsonl", "repro-negative-item.jsonl",
            "repro-repeated-item.jsonl", "repro-repeated-end.jsonl", "repro-forged-result-99-of-0.jsonl",
            "repro-osc-title-event.jsonl",
        ] {
            guard case .failure = try outcome(name) else { return XCTFail("\(name) was read") }
        }
        for name in ["repro-forged-passed.jsonl", "repro-forged-result-99-of-99.jsonl"] {
            let sessions = try outcome(name).get()
            XCTAssertNil(sessions.first?.end?.result, name)
            XCTAssertTrue(sessions.first?.notes.contains(where: \.isDisagreement) ?? false, name)
        }
    }
}
