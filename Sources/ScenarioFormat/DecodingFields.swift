/// The keys of one YAML mapping, checked against what the format allows there.
struct DecodingFields {
    /// The mapping itself.
    var node: SourceNode
    /// The mapping's pairs, shared with `node` (no copy).
    private let all: [SourceNode.Pair]
    /// First occurrence of each key, in file order, with its pair's index in `all`. A format mapping has a
    /// handful of keys, so they are found by a linear search (no hashing, no dictionary to allocate); past
    /// `indexThreshold` keys (only in malformed files) a dictionary takes over, so a mapping of thousands of
    /// keys stays linear.
    private var keys: [String] = []
    private var positions: [Int] = []
    private var index: [String: Int]?
    private static let indexThreshold = 16

    /// Fields of `node`, which must be a mapping (see `ScenarioDecoder.fields(of:_:missingAt:)`).
    init(node: SourceNode) {
        self.node = node
        self.all = node.mapping ?? []
        keys.reserveCapacity(min(all.count, Self.indexThreshold + 1))
        positions.reserveCapacity(min(all.count, Self.indexThreshold + 1))
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key).map { positions[$0] }
    }

    subscript(key: String) -> SourceNode? {
        position(of: key).map { all[$0].value }
    }

    func keyNode(_ key: String) -> SourceNode? {
        position(of: key).map { all[$0].key }
    }

    func has(_ key: String) -> Bool {
        position(of: key) != nil
    }

    /// Records the pair at `offset` in the mapping as the one for `key` (the first, unless set again).
    mutating func set(_ key: String, at offset: Int) {
        if index != nil {
            index?[key] = offset
            return
        }
        if let existing = keys.firstIndex(of: key) {
            positions[existing] = offset
            return
        }
        keys.append(key)
        positions.append(offset)
        if keys.count > Self.indexThreshold {
            index = Dictionary(zip(keys, positions), uniquingKeysWith: { first, _ in first })
        }
    }
}

/// What a mapping in the format may hold.
struct FieldRules {
    /// Used in messages: "the scenario", "beat 'wrap-up'", "a branch".
    var what: String
    var allowed: [String]
    var required: [String]
    /// Keys that belong somewhere else, with the help to show for them. Built only when an unknown key needs
    /// it: the rules are made for every mapping decoded, and unknown keys are rare.
    var misplaced: () -> [String: String]
    /// The document that describes these keys, named in help lines.
    var reference: String

    init(
        what: String, allowed: [String], required: [String] = [],
        misplaced: @autoclosure @escaping () -> [String: String] = [:], reference: String = "docs/authoring.md"
    ) {
        self.what = what
        self.allowed = allowed
        self.required = required
        self.misplaced = misplaced
        self.reference = reference
    }
}
