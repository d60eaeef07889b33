/// A coach line as the engine reads it: its words, its clauses and the catalogue cues it contains. The
/// assessor and the learned model's features start from this one reading.
struct LineReading {
    let bytes: [UInt8]
    let tokens: [Token]
    let clauses: [Clause]
    /// The clause each token is in, by token.
    let clauseOf: [Int]
    let matches: [CueMatch]

    init(_ line: String, index: CueIndex = .shared) {
        bytes = Array(line.utf8)
        tokens = Tokenizer.tokenize(bytes, numberingWith: index.lexicon)
        let split = Clause.split(tokens)
        var clauses = split.clauses
        Focus.reopenLeadInQuestions(&clauses, tokens: tokens, bytes: bytes)
        self.clauses = clauses
        clauseOf = split.clauseOf
        matches = index.matches(in: tokens, clauseOf: split.clauseOf)
    }
}
