/// Where the parts of a decoded scenario are written, for the checks that run after decoding
/// (reachability, expects) and for graph export.
struct ScenarioSourceMap: Sendable, Equatable {
    struct BeatPlaces: Sendable, Equatable {
        /// The beat's id, as a key under `beats:`.
        var key: SourceLocation
        var keyLength: Int
        /// Each marker of `expects`, in order.
        var expects: [SourceLocation] = []
        /// Each branch item, in order.
        var branches: [SourceLocation] = []
    }

    var beats: [String: BeatPlaces] = [:]
}
