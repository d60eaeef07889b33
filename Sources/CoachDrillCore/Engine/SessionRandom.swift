/// SplitMix64: a small, fast generator whose sequence is the same on every platform and Swift version,
/// so a seed replays the same client variants forever (the standard library's generator promises neither).
public struct SessionRandom: RandomNumberGenerator, Sendable, Equatable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One of `options`, or nil when there are none.
    public mutating func pick(_ options: [String]) -> String? {
        guard !options.isEmpty else { return nil }
        return options[Int(next() % UInt64(options.count))]
    }
}
