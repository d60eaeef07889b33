/// The traps a coach line falls into. They are rules, one idea each, but they read the learned model's
/// verdict (the stance and the marker) rather than deciding anything themselves: a trap names *how* the
/// line advised or fell short, never *whether* it did.
enum TrapRules {
    static func traps(
        in line: LineReading, stance: Stance, primary: Marker?, hits: [MarkerHit], context: AssessmentContext
    ) -> [Trap] {
        let clauses = line.clauses
        func has(_ role: CueRole) -> Bool { line.matches.contains { $0.cue.role == role } }
        let advised = stance == .advise
        var traps: [Trap] = []

        // Advice, named as particularly as the words allow; advice with no more particular name (hedged,
        // or in words no cue knows) is still advice.
        let leading = advised && (has(.leading) || clauses.contains { $0.leadingRange != nil })
        let coachOwned = advised && (has(.coachAccountability) || (primary == .accountability && coachRunsIt(line)))
        let closing = advised && has(.coachClosing)
        let praise = advised && has(.evaluativePraise)
        let instructs = has(.directive) || clauses.contains { $0.form == .imperative }
        if advised, instructs || !(leading || coachOwned || closing || praise) { traps.append(.adviceGiving) }
        if leading { traps.append(.leadingQuestion) }
        if coachOwned { traps.append(.coachOwnedAccountability) }

        // A beat that expects the line's marker has made it the moment for that move (its hint says so):
        // neither the words of rushing nor the session so far make it a rush, nor a stuck client a celebration
        // too soon.
        let expected = primary.map(context.expects.contains) ?? false
        if !expected, has(.rushing) || rushesPastLearning(primary: primary, context: context) {
            traps.append(.rushingToAction)
        }
        if has(.overambitious) { traps.append(.overambitiousPlan) }
        if hits.contains(where: { $0.marker == .celebration }), celebratesTooSoon(primary: primary, context) {
            traps.append(.prematureCelebration)
        }
        if praise { traps.append(.evaluativePraise) }
        if closing { traps.append(.coachClosedSession) }

        // Asking leave ("Can I offer an idea?") and checking how an offer lands ("How does that sit with
        // you?") are about the conversation, not more questions for the client to hold: they don't stack.
        let aboutTheConversation = Set(
            line.matches.filter { $0.cue.role == .permission || $0.cue.role == .invitationToRespond }.map(\.clause))
        let isQuestion = { (clause: Clause) in clause.form == .openQuestion || clause.form == .closedQuestion }
        let stacking = clauses.indices.filter { isQuestion(clauses[$0]) && !aboutTheConversation.contains($0) }
        let asked = stacking.reduce(0) { $0 + clauses[$1].questionCount }
        if asked >= 2, stacking.contains(where: { clauses[$0].form == .openQuestion }) {
            traps.append(.stackedQuestions)
        }

        let questions = clauses.filter(isQuestion)
        if stance == .partner, !questions.isEmpty, questions.allSatisfy({ $0.form == .closedQuestion }),
            !has(.choice), !has(.permission), !has(.invitationToRespond), primary != .closing
        {
            traps.append(.closedQuestion)
        }
        return traps
    }

    /// Accountability the coach runs, in words no cue names ("I'll give you a ring on Monday to see if you
    /// did it."): the coach offers to act ("I will", "I'll", "I can", "I could", "I am going to") or is the
    /// one told ("me"), unless the line says the client does not need the coach ("You don't need me"), which
    /// hands the check back. Read only once the model has judged the line advice on accountability, so an
    /// opinion ("I think you should track it") or someone else keeping the client honest does not count.
    static func coachRunsIt(_ line: LineReading) -> Bool {
        let words = line.tokens.map(\.word)
        return words.indices.contains { index in
            if words[index] == "me" { return !saysTheClientNeedsNoCoach(words, before: index) }
            guard words[index] == "i", index + 1 < words.count else { return false }
            let next = words[index + 1]
            if coachOffers.contains(next) { return true }
            return next == "am" && index + 2 < words.count && words[index + 2] == "going"
        }
    }

    /// "You don't need me": the coach hands the check back rather than running it.
    private static func saysTheClientNeedsNoCoach(_ words: [String], before index: Int) -> Bool {
        guard index >= 2, needWords.contains(words[index - 1]) else { return false }
        return negations.contains(words[index - 2])
    }

    private static let needWords: Set<String> = ["need", "needs"]
    /// "Don't" and "doesn't" reach here as "do not" and "does not" (`Tokenizer`).
    private static let negations: Set<String> = ["not", "never"]

    /// The verbs after "I" that offer the coach's own action.
    static let coachOffers: Set<String> = ["will", "can", "could", "shall"]

    /// Designing actions before the client has named any learning or progress in this session. Not when the
    /// beat expects the line's marker: the scenario has made it the moment for that move (its hint says so).
    private static func rushesPastLearning(primary: Marker?, context: AssessmentContext) -> Bool {
        guard let primary, [.design, .accountability].contains(primary), !context.clientLine.isEmpty,
            !context.expects.contains(primary)
        else {
            return false
        }
        return context.evidenced.isDisjoint(with: [.progress, .learningSelf, .learningSituation, .application])
    }

    /// Celebrating while the client has named no progress: the client sounds stuck, or nothing is evidenced
    /// yet; never when the beat expects the line's marker (the scenario has made it the moment).
    private static func celebratesTooSoon(primary: Marker?, _ context: AssessmentContext) -> Bool {
        guard !context.clientLine.isEmpty else { return false }
        let client = Set(Tokenizer.tokenize(Array(context.clientLine.utf8)).map(\.word))
        let stuck = !client.isDisjoint(with: stuckWords)
        let expected = primary.map(context.expects.contains) ?? false
        let nothingYet = context.evidenced.isDisjoint(with: [.progress, .learningSelf, .learningSituation])
        return !expected && (stuck || nothingYet)
    }

    /// Words of a client who has not moved yet.
    static let stuckWords: Set<String> = [
        "stuck", "confused", "lost", "nothing", "worse", "failed", "unsure", "overwhelmed", "hopeless", "pointless",
    ]
}
