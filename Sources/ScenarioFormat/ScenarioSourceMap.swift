/// Where the parts of a decoded scenario are written, for the checks that run after decoding
/// (reachability, expects) and for graph export.
struct ScenarioSourceMap: Sendable, Equatable {
    struct BeatPlaces: Sendable, Equatable {
        /// The beat's id, as a key under `beats:`.
        var key: SourceLocation
        var keyLength: Int
        /// The `exemplar:` value.
        var exemplar: ExemplarPlace?
        /// Each marker of `expects`, in order.
        var expects: [SourceLocation] = []
        /// Each branch item, in order.
        var branches: [SourceLocation] = []
        /// For each branch, where each of its reply sets is written: a key of a reply mapping, or a plain
        /// `client:` value.
        var replies: [[SourceLocation]] = []
    }

    var beats: [String: BeatPlaces] = [:]
}

/// Where a beat's exemplar is written, and how wide a caret under it is.
struct ExemplarPlace: Sendable, Equatable {
    var location: SourceLocation
    var length: Int
}
