import Foundation

/// A short fingerprint of a scenario file, recorded in transcripts so `replay` can tell when the scenario
/// changed. FNV-1a 64: not cryptographic, only a change detector, and it needs no dependency.
enum ContentHash {
    static func of(file path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return of(bytes: data)
    }

    static func of(bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
