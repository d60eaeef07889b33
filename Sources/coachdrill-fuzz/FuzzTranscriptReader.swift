import CoachDrillCore
import Foundation

/// Feeds one input to everything that reads transcripts from a shared results folder: the streaming
/// reader (whole, and in blocks of odd sizes, which must agree) and the report built from what it read.
/// Any crash is a bug; every input must give sessions or a `TranscriptError` with a line.
func fuzzTranscriptText(_ bytes: UnsafeRawBufferPointer) {
    var whole = TranscriptStream()
    let read: Result<[Transcript], TranscriptError> = Result { () throws(TranscriptError) in
        try whole.feed(bytes)
        return try whole.finish()
    }
    var blocks = TranscriptStream()
    let size = bytes.isEmpty ? 1 : Int(bytes[0] % 61) + 1
    let readInBlocks: Result<[Transcript], TranscriptError> = Result { () throws(TranscriptError) in
        for start in stride(from: 0, to: bytes.count, by: size) {
            try blocks.feed(UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + size, bytes.count)]))
        }
        return try blocks.finish()
    }
    precondition(read == readInBlocks, "reading in blocks of \(size) disagrees with reading whole")
    switch read {
    case .failure(let error):
        precondition(error.line >= 1, "an error without a line")
        _ = error.description
    case .success(let sessions):
        var builder = ReportBuilder()
        for session in sessions {
            _ = session.scorecard
            _ = session.notes.map(\.description)
            builder.add(session)
        }
        _ = builder.build()
    }
}
