/// Where a question really starts. "As we come to the end of the session, who could support you?" is an
/// open question even though its question word comes late: a lead-in ("As we...", "Before you go..."), a
/// comma, then the question. The clause splitter sees the lead-in's first word; this moves the clause's
/// head to the question word, so the line's features read it as the open question it is.
enum Focus {
    /// Words that open a lead-in rather than the question itself.
    static let leadIns = WordSet(Words.leadIns)

    /// The words of the list above, for `Lexicon` to number. The list itself is data: the `word_lists:` of
    /// Resources/cues.yaml, compiled in by `make cues` (CueCatalogue+Generated.swift).
    enum Words {
        static let all = leadIns
    }

    /// A comma, dash or bracket between token `index - 1` and token `index`.
    static func pause(before index: Int, tokens: [Token], bytes: [UInt8]) -> Bool {
        // Tokens expanded from one contraction share their bytes.
        guard index > 0, index < tokens.count, tokens[index - 1].end < tokens[index].start else { return false }
        let gap = bytes[tokens[index - 1].end..<tokens[index].start]
        return gap.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "-") || $0 == 0x94 }
    }

    static func reopenLeadInQuestions(_ clauses: inout [Clause], tokens: [Token], bytes: [UInt8]) {
        for index in clauses.indices where clauses[index].form == .closedQuestion {
            let range = clauses[index].tokens
            guard leadIns.contains(tokens[clauses[index].head]) else { continue }
            var position = clauses[index].head + 2
            while position < range.upperBound - 1 {
                if pause(before: position, tokens: tokens, bytes: bytes), Clause.whWords.contains(tokens[position]) {
                    clauses[index].form = .openQuestion
                    clauses[index].head = position
                    break
                }
                position += 1
            }
        }
    }
}
