/// A sentence or clause of a coach line, and what kind of speech act its form suggests.
struct Clause {
    enum Form: Equatable, CaseIterable {
        /// "What have you learned?", "I wonder how you'll use it".
        case openQuestion
        /// "Did you learn anything?", "You'll email her?".
        case closedQuestion
        /// Starts with a bare verb that tells the client what to do: "Send it tonight."
        case imperative
        case statement
    }

    var tokens: Range<Int>
    var form: Form
    /// Where the question or imperative starts (after fillers like "so", "okay", "and").
    var head: Int
    /// A question built to get a yes: a negative opening ("Don't you think...?", "Isn't it...?"), a
    /// negative tag ("..., haven't you?", "..., right?") or "surely". The coach's answer is built in.
    var leadingRange: Range<Int>? = nil
    /// Questions asked in this clause: "What did you learn, and who can help?" asks two.
    var questionCount = 1

    static let whWords = WordSet(Words.questionWords)
    static let auxiliaries = WordSet(Words.auxiliaries)
    static let subjects = WordSet(Words.subjects)
    static let fillers = WordSet(Words.fillers)
    /// Verbs that, first in a clause, give the client an instruction. Verbs that invite talk ("tell me",
    /// "describe", "imagine", "notice") are cues of their own and are not here.
    static let instructionVerbs = WordSet(Words.instructionVerbs)

    /// The words of the sets above and below, for `Lexicon` to number. The lists themselves are data: the
    /// `word_lists:` of Resources/cues.yaml, compiled in by `make cues` (CueCatalogue+Generated.swift).
    enum Words {
        static let all = questionWords + auxiliaries + subjects + fillers + instructionVerbs + pronouns + tagWords
            + tagVerbs + askingFollowers + relativeSubjects + questionJoiners + wonderWords
    }

    /// Splits tokens into clauses at boundaries and classifies each.
    static func split(_ tokens: [Token]) -> (clauses: [Clause], clauseOf: [Int]) {
        var clauses: [Clause] = []
        clauses.reserveCapacity(4)  // most lines have one to four; growing one at a time reallocated each time
        var clauseOf = [Int](filledWith: 0, count: tokens.count)
        var start = 0
        for index in 0...tokens.count {
            let atEnd = index == tokens.count
            guard atEnd || tokens[index].isBoundary else {
                clauseOf[index] = clauses.count
                continue
            }
            if !atEnd { clauseOf[index] = clauses.count }
            if index > start {
                let questionMark = !atEnd && tokens[index].word == "?"
                var clause = classify(tokens, start..<index, questionMark: questionMark)
                if questionMark { clause.leadingRange = leadingShape(tokens, clause) }
                if clause.form == .openQuestion { clause.questionCount = 1 + joinedQuestions(tokens, clause) }
                clauses.append(clause)
            } else if !atEnd, tokens[index].word == "?", let last = clauses.indices.last,
                clauses[last].form == .statement
            {
                clauses[last].form = .closedQuestion
            }
            start = index + 1
        }
        return (clauses, clauseOf)
    }

    private static func classify(_ tokens: [Token], _ range: Range<Int>, questionMark: Bool) -> Clause {
        var head = range.lowerBound
        while head < range.upperBound - 1, fillers.contains(tokens[head]) { head += 1 }
        let first = tokens[head]
        let second = head + 1 < range.upperBound ? tokens[head + 1] : .absent

        // An open question: a question word, possibly after a short lead-in ("as we close, what ...").
        if let wh = firstQuestionWord(tokens, range), wh - range.lowerBound <= 8 {
            let next = wh + 1 < range.upperBound ? tokens[wh + 1] : .absent
            let asks = questionMark || auxiliaries.contains(next) || subjects.contains(next)
                || askingFollowers.contains(next)
            // "what you wanted" inside a statement is a relative clause, not a question.
            // Without a question mark, a question word after the opening words is a relative clause
            // ("Ignore what your dad thinks").
            let relative = wh > range.lowerBound && !questionMark
                && (relativeSubjects.contains(next) || (wh > head && !isWondering(tokens, range)))
            // "I think what matters is ..." is a statement; "I wonder what matters" asks.
            let statedByCoach = (first.word == "i" && !isWondering(tokens, range))
                || (!questionMark && isPseudoCleft(tokens, range, wh: wh))
            if asks, !relative, !statedByCoach {
                return Clause(tokens: range, form: .openQuestion, head: wh)
            }
        }
        if !questionMark, first.word == "do" || first.word == "never", second.word == "not" || first.word == "never" {
            return Clause(tokens: range, form: .imperative, head: head)
        }
        if auxiliaries.contains(first), subjects.contains(second) || second.word == "there" {
            return Clause(tokens: range, form: .closedQuestion, head: head)
        }
        if questionMark {
            return Clause(tokens: range, form: .closedQuestion, head: head)
        }
        if instructionVerbs.contains(first), !isInvitation(tokens, head, range) {
            return Clause(tokens: range, form: .imperative, head: head)
        }
        if first.word == "don't" || (first.word == "do" && second.word == "not") || first.word == "never" {
            return Clause(tokens: range, form: .imperative, head: head)
        }
        return Clause(tokens: range, form: .statement, head: head)
    }

    static let pronouns = WordSet(Words.pronouns)
    static let tagWords = WordSet(Words.tagWords)

    /// The span that makes a question leading, or nil.
    private static func leadingShape(_ tokens: [Token], _ clause: Clause) -> Range<Int>? {
        let range = clause.tokens
        let head = clause.head
        // "Don't you think...", "Isn't it...", "Wouldn't you say...", "Shouldn't you..."
        if head + 1 < range.upperBound, auxiliaries.contains(tokens[head]), tokens[head + 1].word == "not" {
            return head..<min(head + 3, range.upperBound)
        }
        // "..., haven't you?", "..., isn't it?", "..., don't you think?"
        let end = range.upperBound
        if end - range.lowerBound >= 4 {
            for tail in [3, 4] where end - tail > range.lowerBound {
                let a = end - tail
                // "..., haven't you?" ends on the pronoun; "..., don't you think?" on one verb after it
                // ("... that you didn't this morning?" is no tag).
                if tail == 4, !tagVerbs.contains(tokens[end - 1]) { continue }
                if auxiliaries.contains(tokens[a]), tokens[a + 1].word == "not", pronouns.contains(tokens[a + 2]) {
                    return a..<end
                }
            }
            if tagWords.contains(tokens[end - 1]) { return (end - 1)..<end }
            // "Let's finish on a high, shall we?"
            if tokens[end - 2].word == "shall", tokens[end - 1].word == "we" { return (end - 2)..<end }
        }
        // "Surely you can see...?"
        if let surely = range.first(where: { tokens[$0].word == "surely" }) { return surely..<(surely + 1) }
        return nil
    }

    /// Further questions joined on with "and"/"or": "..., and who could support you?"
    private static func joinedQuestions(_ tokens: [Token], _ clause: Clause) -> Int {
        var count = 0
        var index = clause.head + 2
        while index + 1 < clause.tokens.upperBound {
            // "Who or what could support you?" is one question with two question words.
            if whWords.contains(tokens[index]), questionJoiners.contains(tokens[index - 1]),
                !whWords.contains(tokens[index - 2]),
                auxiliaries.contains(tokens[index + 1]) || subjects.contains(tokens[index + 1])
            {
                count += 1
            }
            index += 1
        }
        return count
    }

    static let tagVerbs = WordSet(Words.tagVerbs)
    /// After a question word, words that make it ask ("what else", "what matters", "who would").
    static let askingFollowers = WordSet(Words.askingFollowers)
    /// After a question word, subjects that make it a relative clause in a statement ("what you wanted").
    static let relativeSubjects = WordSet(Words.relativeSubjects)
    /// Words that join a further question on: "..., and who could support you?"
    static let questionJoiners = WordSet(Words.questionJoiners)
    static let wonderWords = WordSet(Words.wonderWords)

    /// "What this shows is that you're too hard on yourself.": a statement built on "what", with no
    /// question mark and its verb "is" well after the question word.
    private static func isPseudoCleft(_ tokens: [Token], _ range: Range<Int>, wh: Int) -> Bool {
        guard tokens[wh].word == "what", wh + 3 < range.upperBound else { return false }
        return (wh + 2..<range.upperBound - 1).contains { index in
            (tokens[index].word == "is" || tokens[index].word == "was")
                && ["that", "you", "your", "the", "to", "how", "what"].contains(tokens[index + 1].word)
        }
    }

    private static func firstQuestionWord(_ tokens: [Token], _ range: Range<Int>) -> Int? {
        range.first { whWords.contains(tokens[$0]) }
    }

    private static func isWondering(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        range.prefix(6).contains { wonderWords.contains(tokens[$0]) }
    }

    /// "tell me", "share with me", "talk me through", "take a moment": verbs that invite, not instruct.
    private static func isInvitation(_ tokens: [Token], _ head: Int, _ range: Range<Int>) -> Bool {
        let next = head + 1 < range.upperBound ? tokens[head + 1].word : ""
        switch tokens[head].word {
        case "tell", "talk", "walk", "say", "give": return ["me", "us"].contains(next) || next == "more"
        // "Take a moment", "Take your time": the client is given room, not a task.
        case "take":
            return next == "a" || next == "some" || next == "time"
                || (next == "your" && head + 2 < range.upperBound && tokens[head + 2].word == "time")
        // "Keep going." is "go on"; "keep going to the gym" directs.
        case "keep": return next == "going" && head + 2 >= range.upperBound
        case "think": return next == "back"
        // "Go on.", "Carry on": the client is invited to keep talking (a longer "go on holiday" directs).
        case "go", "carry": return (next == "on" || (next == "ahead" && tokens[head].word == "go")) && head + 2 >= range.upperBound
        case "let": return next == "us" || next == "me"
        default: return false
        }
    }
}
