/// Telling an acknowledgement ("You named it.") from a past verb that only describes ("the goal you set",
/// "what would you say you found?", "when you recognised it", "you didn't recognise yourself").
extension Reading {
    /// Words after which a "you + past verb" describes rather than acknowledges: openers of subordinate
    /// and relative clauses, and verbs of saying and thinking ("you said you found").
    static let describingLeadIns = WordSet(DeedWords.describingLeadIns)
    static let determiners = WordSet(DeedWords.determiners)
    /// "You didn't back down": a negated verb that is itself the feat.
    static let negatedFeats = WordSet(DeedWords.negatedFeats)

    /// The words of the sets above, for `Lexicon` to number.
    enum DeedWords {
        static let describingLeadIns = [
            "that", "what", "when", "whenever", "where", "how", "which", "who", "whom", "whether", "if", "because",
            "since", "as", "while", "until", "before", "after", "once", "everything", "anything",
            "something", "nothing", "say", "said", "think", "thought", "mentioned", "told", "sure", "certain",
        ]
        static let determiners = [
            "the", "a", "an", "this", "that", "these", "those", "your", "my", "our", "every", "each", "any", "some",
        ]
        static let negatedFeats = [
            "back", "give", "dodge", "hedge", "flinch", "shrink", "hide", "quit", "cave", "blink", "run", "stop",
            "avoid", "panic", "freeze", "fold", "budge", "apologize",
        ]

        static let all = describingLeadIns + determiners + negatedFeats
    }

    /// True when a cue naming what the client did ("you [have] made ...") does not acknowledge a deed: it
    /// sits in a question, inside a subordinate or relative clause, or is negated.
    func deedIsOnlyDescribed(_ match: CueMatch) -> Bool {
        let clause = clauses[match.clause]
        let start = match.range.lowerBound
        guard start < tokens.count, tokens[start].word == "you" else { return false }
        if clause.form == .openQuestion || clause.form == .closedQuestion { return true }
        if start > clause.tokens.lowerBound {
            let before = tokens[start - 1]
            if Reading.describingLeadIns.contains(before) { return true }
            // "the goal you set", "every time you talked": a noun phrase, then its relative clause.
            if start - 2 >= clause.tokens.lowerBound, Reading.determiners.contains(tokens[start - 2]),
                !Clause.auxiliaries.contains(before)
            {
                return true
            }
        }
        let after = match.range.upperBound
        if after < clause.tokens.upperBound, tokens[after].word == "not" || tokens[after].word == "never" {
            let verb = after + 1 < clause.tokens.upperBound ? tokens[after + 1] : .absent
            return !Reading.negatedFeats.contains(verb)
        }
        return false
    }

    /// The cues that name a deed by its form: the acknowledgement phrases that start with "you", and the
    /// celebration topic "something you did".
    static func namesDeed(_ cue: CueReference) -> Bool {
        switch cue.role {
        case .acknowledgement: true
        case .topic(.celebration): cue.name == "something you did"
        default: false
        }
    }
}
