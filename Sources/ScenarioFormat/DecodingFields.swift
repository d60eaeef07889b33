/// The keys of one YAML mapping, checked against what the format allows there.
struct DecodingFields {
    /// The mapping itself.
    var node: SourceNode
    /// First occurrence of each key.
    private var pairs: [String: SourceNode.Pair] = [:]

    init(node: SourceNode) {
        self.node = node
    }

    subscript(key: String) -> SourceNode? {
        pairs[key]?.value
    }

    func keyNode(_ key: String) -> SourceNode? {
        pairs[key]?.key
    }

    func has(_ key: String) -> Bool {
        pairs[key] != nil
    }

    mutating func set(_ key: String, _ pair: SourceNode.Pair) {
        pairs[key] = pair
    }
}

/// What a mapping in the format may hold.
struct FieldRules {
    /// Used in messages: "the scenario", "beat 'wrap-up'", "a branch".
    var what: String
    var allowed: [String]
    var required: [String] = []
    /// Keys that belong somewhere else, with the help to show for them.
    var misplaced: [String: String] = [:]
    /// The document that describes these keys, named in help lines.
    var reference = "docs/authoring.md"
}
