/// A set of words the readings test tokens against (question words, auxiliaries, action verbs...), as
/// bits over the words' numbers in the lexicon.
///
/// A token carries its word's number from tokenising, so a test is a shift and a mask, where a
/// `Set<String>` hashed the whole word for every test of every token.
struct WordSet: Sendable {
    private let bits: [UInt64]

    /// Every word must be numbered: listed in `Lexicon.readingWords` (a word missing there could never
    /// be found, so it stops the program at once rather than quietly changing a verdict).
    init(_ words: [String], in lexicon: Lexicon = .shared) {
        var bits: [UInt64] = []
        for word in words {
            let id = lexicon.id(of: word)
            precondition(id >= 0, "'\(word)' is not numbered: add its list to Lexicon.readingWords")
            let index = Int(id) >> 6
            if index >= bits.count { bits += [UInt64](repeating: 0, count: index + 1 - bits.count) }
            bits[index] |= 1 << UInt64(id & 63)
        }
        self.bits = bits
    }

    func contains(_ id: Int32) -> Bool {
        // Unknown words and boundaries have negative numbers, and are in no set.
        let index = Int(id) >> 6
        guard index >= 0, index < bits.count else { return false }
        return bits[index] & (1 << UInt64(id & 63)) != 0
    }

    func contains(_ token: Token) -> Bool {
        contains(token.id)
    }
}
