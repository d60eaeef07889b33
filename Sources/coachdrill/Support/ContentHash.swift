import Foundation
import ScenarioFormat

/// A short fingerprint of a scenario file, recorded in transcripts so `replay` can tell when the scenario
/// changed. FNV-1a 64: not cryptographic, only a change detector, and it needs no dependency.
enum ContentHash {
    /// The hash of a regular file's bytes; "" when it cannot be read (or is a FIFO or device).
    static func of(file path: String) -> String {
        guard case .success(let fd) = RegularFile.openForReading(path) else { return "" }
        defer { close(fd) }
        var hash = Self.offsetBasis
        let failure = RegularFile.forEachBlock(of: fd) { (block: UnsafeRawBufferPointer) throws(Never) in
            hash = fold(block, into: hash)
        }
        return failure == nil ? text(hash) : ""
    }

    static func of(bytes: some Sequence<UInt8>) -> String {
        text(fold(bytes, into: offsetBasis))
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    private static func fold(_ bytes: some Sequence<UInt8>, into start: UInt64) -> UInt64 {
        var hash = start
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func text(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
