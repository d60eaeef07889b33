/// The keys of one YAML mapping, checked against what the format allows there.
struct DecodingFields {
    /// The mapping itself.
    var node: SourceNode
    /// First occurrence of each key, in file order. A format mapping has a handful of keys, so they are found
    /// by a linear search (no hashing, no dictionary to allocate); past `indexThreshold` keys (only in
    /// malformed files) a dictionary takes over, so a mapping of thousands of keys stays linear.
    private var keys: [String] = []
    private var pairs: [SourceNode.Pair] = []
    private var index: [String: Int]?
    private static let indexThreshold = 16

    init(node: SourceNode) {
        self.node = node
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    subscript(key: String) -> SourceNode? {
        position(of: key).map { pairs[$0].value }
    }

    func keyNode(_ key: String) -> SourceNode? {
        position(of: key).map { pairs[$0].key }
    }

    func has(_ key: String) -> Bool {
        position(of: key) != nil
    }

    mutating func set(_ key: String, _ pair: SourceNode.Pair) {
        if let existing = position(of: key) {
            pairs[existing] = pair
            return
        }
        keys.append(key)
        pairs.append(pair)
        if index != nil {
            index?[key] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
            index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
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
