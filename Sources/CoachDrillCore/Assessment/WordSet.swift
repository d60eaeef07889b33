/// A set of words the readings test tokens against (question words, auxiliaries, action verbs...), by the
/// words' numbers in the lexicon.
///
/// A token carries its word's number from tokenising, so a test is one array look-up, where a
/// `Set<String>` hashed the whole word for every test of every token.
struct WordSet: Sendable {
    /// `isMember[n]`: whether the word numbered `n` is in the set (numbers past the end are not).
    private let isMember: [Bool]

    /// Every word must be numbered: listed in `Lexicon.readingWords` (a word missing there could never
    /// be found, so it stops the program at once rather than quietly changing a verdict).
    init(_ words: [String], in lexicon: Lexicon = .shared) {
        var isMember: [Bool] = []
        for word in words {
            let id = Int(lexicon.id(of: word))
            precondition(id >= 0, "'\(word)' is not numbered: add its list to Lexicon.readingWords")
            if id >= isMember.count { isMember += repeatElement(false, count: id + 1 - isMember.count) }
            isMember[id] = true
        }
        self.isMember = isMember
    }

    func contains(_ id: Int32) -> Bool {
        // Unknown words and boundaries have negative numbers, and are in no set.
        isMember.indices.contains(Int(id)) && isMember[Int(id)]
    }

    func contains(_ token: Token) -> Bool {
        contains(token.id)
    }
}
