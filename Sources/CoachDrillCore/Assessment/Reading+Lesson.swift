/// The coach naming the lesson for the client: "The takeaway is that your co-founder was never committed",
/// "Isn't the insight really that your team's burnt out?", "She's scared. That's the insight here."
///
/// Words like "insight" and "takeaway" otherwise count toward using the learning (8.4); when the coach
/// states what the lesson *is*, the line is about the learning itself, and what the lesson is about decides
/// between the client (8.2) and the situation (8.3).
extension Reading {
    static let lessonNouns = WordSet(LessonWords.lessonNouns)
    static let copulas = WordSet(LessonWords.copulas)
    static let selfWords = WordSet(LessonWords.selfWords)
    /// "the THING to take away", "the POINT to remember".
    static let lessonPhraseHeads = WordSet(LessonWords.lessonPhraseHeads)
    static let lessonVerbs = WordSet(LessonWords.lessonVerbs)

    /// The words of the sets above, for `Lexicon` to number.
    enum LessonWords {
        static let lessonNouns = [
            "insight", "lesson", "takeaway", "learning", "moral", "realization", "truth", "message",
        ]
        static let copulas = ["is", "was", "here", "really", "surely"]
        static let selfWords = ["you", "yourself"]
        static let lessonPhraseHeads = ["thing", "point"]
        static let lessonVerbs = ["take", "remember", "learn", "notice", "see", "realize", "hold"]

        static let all = lessonNouns + copulas + selfWords + lessonPhraseHeads + lessonVerbs
    }

    struct NamedLesson {
        /// The lesson noun, so the "learning as something to use" cues on it can be set aside.
        var noun: Int
        var clause: Int
        var aboutSelf: Bool
    }

    /// "the [real] lesson is|was|here", "that is the lesson": the coach voices what the lesson is.
    func namedLessons() -> [NamedLesson] {
        var found: [NamedLesson] = []
        for index in tokens.indices where Reading.lessonNouns.contains(tokens[index]) || isLessonPhrase(at: index) {
            guard let clauseIndex = clauseContaining(index) else { continue }
            let clause = clauses[clauseIndex]
            let previous = index > clause.tokens.lowerBound ? tokens[index - 1].word : ""
            let beforeThat = index - 1 > clause.tokens.lowerBound ? tokens[index - 2].word : ""
            let determined = previous == "the" || beforeThat == "the"
            guard determined else { continue }
            // "the lesson is", "the thing to take away about you is": the copula follows within a few words.
            let copula = (index + 1..<min(index + 7, clause.tokens.upperBound)).first {
                Reading.copulas.contains(tokens[$0])
            }
            let statedAfter = copula != nil
            // "That's the insight here": the lesson was the clause before.
            let statedBefore = clause.tokens.lowerBound + 2 <= index
                && tokens[clause.tokens.lowerBound].word == "that" && tokens[clause.tokens.lowerBound + 1].word == "is"
            guard statedAfter || statedBefore else { continue }
            // What the lesson is about: the words after the noun, or the clause before "That's the insight
            // (here)."
            var content = ((copula ?? index) + 1)..<clause.tokens.upperBound
            if content.count < 3, clauseIndex > 0 { content = clauses[clauseIndex - 1].tokens }
            let aboutSelf = content.contains { Reading.selfWords.contains(tokens[$0]) }
            found.append(NamedLesson(noun: index, clause: clauseIndex, aboutSelf: aboutSelf))
        }
        return found
    }

    /// "the thing to take away", "the point to remember": a lesson named by what to do with it.
    private func isLessonPhrase(at index: Int) -> Bool {
        guard Reading.lessonPhraseHeads.contains(tokens[index]), index + 2 < tokens.count else { return false }
        return tokens[index + 1].word == "to" && Reading.lessonVerbs.contains(tokens[index + 2])
    }

    private func clauseContaining(_ token: Int) -> Int? {
        clauses.firstIndex { $0.tokens.contains(token) }
    }
}
