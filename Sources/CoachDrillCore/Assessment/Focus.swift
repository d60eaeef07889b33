/// What a clause is actually asking or telling about: its *focus*.
///
/// A coach line often carries a frame ("As we close, ...", "You said earlier that ...") and then the
/// thing it asks or directs. The marker follows the thing asked or directed, so topic words there count
/// far more than topic words elsewhere in the line:
/// - in a question, the head phrase: the question word (or the auxiliary of a yes/no question), its
///   verb and object, up to a comma or a subordinating word ("when", "before", "so that" ...):
///   "what have you LEARNED about YOURSELF", "how will you KNOW you did it";
/// - in a directive ("you should", "you need to", "I suggest", an imperative), the directed phrase: what
///   the client is told to do. When that is a concrete action ("book", "send", "ask"...), the line is
///   about next steps (8.5) unless its object is about something else (support, reporting to the coach,
///   feelings, the ending), which the topic words in the same phrase decide.
struct Focus {
    enum Kind: Equatable {
        case question
        case directive
    }

    var kind: Kind
    /// Tokens of the head phrase or directed phrase.
    var range: Range<Int>
    /// The verb the coach directs, when it is an action verb ("send" in "You need to send Ilse an invite").
    var action: Int?

    /// Words that open a subordinate clause: the head phrase stops before them.
    static let subordinators = WordSet(Words.subordinators)
    /// Subordinators that are adverbs when no clause follows ("done this before that you...").
    static let timeWords = WordSet(Words.timeWords)
    /// Concrete actions a coach can direct: doing one of these is a next step (8.5).
    static let actionVerbs = WordSet(Words.actionVerbs)
    /// Words that sit between the directive and its verb: "you should JUST send", "you need to GO AND ask".
    static let verbLeadIns = WordSet(Words.verbLeadIns)

    /// The words of the sets above and below, for `Lexicon` to number. The lists themselves are data: the
    /// `word_lists:` of Resources/cues.yaml, compiled in by `make cues` (CueCatalogue+Generated.swift).
    enum Words {
        static let all = subordinators + timeWords + actionVerbs + verbLeadIns + proposalLeadIns + proposalVerbLeads
            + leadIns + forwardWords + backWords + clauseOpeners
    }

    /// The focus of each clause, or nil when it neither asks nor directs.
    static func find(in reading: Reading) -> [Focus?] {
        let tokens = reading.tokens
        var result = [Focus?](filledWith: nil, count: reading.clauses.count)
        // Each clause's matches, in the line's order, gathered in one pass. Searching all the line's
        // matches for every clause made a line of many sentences quadratic (a 2 MB line of short
        // sentences has tens of thousands of each); this way the whole function is linear in the line.
        var matchesOf = [[CueMatch]](filledWith: [], count: reading.clauses.count)
        for match in reading.matches where matchesOf.indices.contains(match.clause) {
            matchesOf[match.clause].append(match)
        }
        for (index, clause) in reading.clauses.enumerated() {
            let matches = matchesOf[index]
            switch clause.form {
            case .openQuestion, .closedQuestion:
                // "Why don't you share it on LinkedIn?": a leading question directs what it proposes.
                if clause.leadingRange != nil || matches.contains(where: { $0.cue.role == .leading }) {
                    if let directed = directedPhrase(reading, clause: index, matches: matches, roles: [.leading, .directive])
                        ?? proposedPhrase(reading, clause: index)
                    {
                        result[index] = directed
                        continue
                    }
                }
                // "Does this learning apply to how you handle her?" asks from its auxiliary, not from "how".
                var start = clause.head
                var opening = clause.tokens.lowerBound
                while opening < clause.head, Clause.fillers.contains(tokens[opening]) { opening += 1 }
                if opening < clause.head, Clause.auxiliaries.contains(tokens[opening]) { start = opening }
                // "As we come to the end of the session, who could support you?": a lead-in before a comma
                // frames the question that follows it.
                if leadIns.contains(tokens[start]), let asked = askedAfterPause(reading, in: clause.tokens, from: start) {
                    start = asked
                }
                let end = phraseEnd(reading, from: start, in: clause.tokens, minimum: 3)
                result[index] = Focus(kind: .question, range: start..<end, action: nil)
            case .imperative where matches.contains { $0.cue.role == .directive && $0.range.lowerBound == clause.head }:
                // "Make sure you have a backup", "Remember to send it": what is directed follows the directive.
                result[index] = directedPhrase(reading, clause: index, matches: matches, roles: [.directive])
            case .imperative:
                // "Don't take it personally", "Never sign without reading": a prohibition is general
                // advice about the topic, not a step to take.
                let verb = tokens[clause.head]
                let prohibition = isProhibition(tokens, at: clause.head, in: clause.tokens)
                let end = clause.tokens.upperBound
                var action = !prohibition && actionVerbs.contains(verb) ? clause.head : nil
                // "Stop opening their pull requests": stopping an action is a step too.
                if verb.word == "stop" || verb.word == "quit", clause.head + 1 < end, isAction(tokens[clause.head + 1]) {
                    action = clause.head + 1
                }
                result[index] = Focus(kind: .directive, range: clause.head..<end, action: action)
            case .statement:
                result[index] = directedPhrase(reading, clause: index, matches: matches, roles: [.directive])
            }
        }
        return result
    }

    /// "You should book a call with an adviser before Friday": the phrase after the directive cue.
    /// `matches` are the clause's own, so the cost is the clause's, not the line's.
    private static func directedPhrase(_ reading: Reading, clause index: Int, matches: [CueMatch], roles: [CueRole])
        -> Focus?
    {
        let tokens = reading.tokens
        let clause = reading.clauses[index]
        guard let directive = matches.first(where: { roles.contains($0.cue.role) }) else { return nil }
        var verb = directive.range.upperBound
        // "you should" then "not"/"never": a prohibition directs no step.
        while verb < clause.tokens.upperBound, verbLeadIns.contains(tokens[verb]) { verb += 1 }
        guard verb < clause.tokens.upperBound else { return nil }
        let start = directive.range.lowerBound
        // What is directed runs to the end of the clause: its purpose ("so she can keep you honest")
        // says what the action is for.
        let end = clause.tokens.upperBound
        let word = tokens[verb].word
        let negated = directive.range.contains { tokens[$0].word == "not" || tokens[$0].word == "never" }
            || word == "not" || word == "never"
        var action = !negated && isAction(tokens[verb]) ? verb : nil
        if word == "stop" || word == "quit", verb + 1 < clause.tokens.upperBound, isAction(tokens[verb + 1]) {
            action = verb + 1
        }
        return Focus(kind: .directive, range: start..<max(end, verb + 1), action: action)
    }

    /// "Wouldn't it be better to start with the easier one?", "Shouldn't you be speaking to a solicitor?":
    /// a negative question proposes the action after its opening, like a directive.
    private static func proposedPhrase(_ reading: Reading, clause index: Int) -> Focus? {
        let tokens = reading.tokens
        let clause = reading.clauses[index]
        guard let leading = clause.leadingRange, leading.lowerBound == clause.head else { return nil }
        var verb = leading.upperBound
        while verb < clause.tokens.upperBound, proposalLeadIns.contains(tokens[verb]) { verb += 1 }
        // "better TO start", "be SPEAKING", "you CALL"; not "Isn't it clear ...", where no action follows.
        guard verb < clause.tokens.upperBound, proposalVerbLeads.contains(tokens[verb - 1]), isAction(tokens[verb])
        else { return nil }
        return Focus(kind: .directive, range: leading.lowerBound..<clause.tokens.upperBound, action: verb)
    }

    static let proposalLeadIns = WordSet(Words.proposalLeadIns)
    /// Before the verb of a proposal: "better TO start", "be SPEAKING", "you CALL".
    static let proposalVerbLeads = WordSet(Words.proposalVerbLeads)

    /// Words that open a lead-in rather than the question itself.
    static let leadIns = WordSet(Words.leadIns)

    /// A comma, dash or bracket between token `index - 1` and token `index`.
    static func pause(before index: Int, tokens: [Token], bytes: [UInt8]) -> Bool {
        // Tokens expanded from one contraction share their bytes.
        guard index > 0, index < tokens.count, tokens[index - 1].end < tokens[index].start else { return false }
        let gap = bytes[tokens[index - 1].end..<tokens[index].start]
        return gap.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "-") || $0 == 0x94 }
    }

    /// "As we come to the end of the session, who could support you?" is an open question even though
    /// its question word comes late: a long lead-in, a comma, then the question.
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

    /// The first question word, or auxiliary followed by a subject, right after a comma.
    private static func askedAfterPause(_ reading: Reading, in range: Range<Int>, from start: Int) -> Int? {
        var position = start + 1
        while position < range.upperBound - 1 {
            if reading.pauseBefore(position) {
                let word = reading.tokens[position]
                let next = reading.tokens[position + 1]
                if Clause.whWords.contains(word) || (Clause.auxiliaries.contains(word) && Clause.subjects.contains(next)) {
                    return position
                }
            }
            position += 1
        }
        return nil
    }

    /// "Don't take it personally", "Never sign without reading", "Ignore him", "Stop comparing yourself":
    /// a prohibition or a call to disregard, not a step.
    static func isProhibition(_ tokens: [Token], at head: Int, in range: Range<Int>) -> Bool {
        let next = head + 1 < range.upperBound ? tokens[head + 1] : .absent
        switch tokens[head].word {
        case "do": return next.word == "not"
        case "never", "ignore", "forget", "avoid": return true
        case "stop", "quit": return !isAction(next)
        default: return false
        }
    }

    enum Time {
        case back
        case forward
    }

    static let forwardWords = WordSet(Words.forwardWords)
    static let backWords = WordSet(Words.backWords)
    /// After a time word, words that make it open a clause: "before WE close", "after NEXT week".
    static let clauseOpeners = WordSet(Words.clauseOpeners)

    /// Whether the questions of a line look back over the session or forward from it.
    static func timeReference(in reading: Reading, focus: [Focus?]) -> Time? {
        var back = 0
        var forward = 0
        for phrase in focus {
            guard let phrase, phrase.kind == .question else { continue }
            for position in phrase.range {
                let token = reading.tokens[position]
                if forwardWords.contains(token) { forward += 1 }
                if backWords.contains(token) { back += 1 }
            }
        }
        if back > forward { return .back }
        if forward > back { return .forward }
        return nil
    }

    /// "send", "sending", "booked": an action verb in any common form.
    static func isAction(_ token: Token) -> Bool {
        if actionVerbs.contains(token) { return true }
        let word = token.word
        if word.hasSuffix("ing"), word.count > 5 {
            // The stem is not a token, so it is numbered here (rarely: only "-ing" words get this far).
            func isActionVerb(_ stem: String) -> Bool { actionVerbs.contains(Lexicon.shared.id(of: stem)) }
            let stem = String(word.dropLast(3))
            return isActionVerb(stem) || isActionVerb(stem + "e")
                || (stem.count > 3 && stem.last == stem.dropLast().last && isActionVerb(String(stem.dropLast())))
        }
        return false
    }

    /// Where the phrase starting at `start` ends: the first comma or subordinating word after at least
    /// `minimum` words, or the end of the clause.
    private static func phraseEnd(_ reading: Reading, from start: Int, in range: Range<Int>, minimum: Int) -> Int {
        var position = start + 1
        while position < range.upperBound {
            if position - start >= minimum {
                let token = reading.tokens[position]
                // "Would you like to use them on that, or close as we are?": both alternatives are asked.
                if reading.pauseBefore(position), token.word != "or" { return position }
                if subordinators.contains(token) {
                    let next = position + 1 < range.upperBound ? reading.tokens[position + 1] : .absent
                    if !timeWords.contains(token) || Clause.subjects.contains(next) || clauseOpeners.contains(next),
                        next.word != "that"
                    {
                        return position
                    }
                }
            }
            position += 1
        }
        return range.upperBound
    }
}

extension Reading {
    /// A comma, dash or bracket between token `index - 1` and token `index`.
    func pauseBefore(_ index: Int) -> Bool {
        Focus.pause(before: index, tokens: tokens, bytes: bytes)
    }
}
