/// One interpretable fact about a coach line that the learned model weighs, with the bytes of the line it
/// came from (nil for facts about the whole line, such as its length or the client's words).
public struct LineFeature: Sendable, Equatable {
    public var name: String
    public var span: Range<Int>?

    public init(_ name: String, span: Range<Int>? = nil) {
        self.name = name
        self.span = span
    }
}

/// The facts the learned model reads from a line. Each is a name with a prefix that says what kind of
/// fact it is, so that a weight can be read by a person (`explain` lists them):
///
/// | prefix | fact | example |
/// | --- | --- | --- |
/// | `w:` `b:` | a word, two words in a row (within a clause) | `w:should`, `b:you should` |
/// | `ask:w:` `ask:b:` | the same, in the clause the turn finally asks or directs (the final-ask rule) | `ask:b:who could` |
/// | `head:` | the first words of a question or instruction, from its head | `head:how will you` |
/// | `form:` `ask:form:` | a clause's form: open or closed question, instruction, statement | `ask:form:open` |
/// | `leading` | a question built to get a yes ("Don't you think...?", "..., right?") | `ask:leading` |
/// | `cue:` `role:` | a catalogue cue, and its role, with the form of the clause it sits in | `role:directive@statement` |
/// | `you+` `i+` `we+` | who acts: a pronoun and the verb after it; `reported:` when told or said | `reported:you+have` |
/// | `client:` | a word of the client's previous line | `client:proud` |
/// | `shape:` | how many sentences and questions, and how long | `shape:questions=2` |
public enum LineFeatures {
    /// The features of `line` as the assessor reads it.
    public static func of(_ line: String, clientLine: String = "") -> [LineFeature] {
        let reading = LineReading(line)
        return of(tokens: reading.tokens, clauses: reading.clauses, matches: reading.matches, clientLine: clientLine)
    }

    static func of(tokens: [Token], clauses: [Clause], matches: [CueMatch], clientLine: String) -> [LineFeature] {
        var named = NamedFeatures()
        collect(tokens: tokens, clauses: clauses, matches: matches, clientLine: clientLine, into: &named)
        return named.features
    }

    /// Finds the line's features and hands each to `sink`: as names for training and for people
    /// (`NamedFeatures`), or straight as the model's feature numbers when judging (`ModelFeatures`), so that
    /// both read a line the same way.
    static func collect<Sink: LineFeatureSink>(
        tokens: [Token], clauses: [Clause], matches: [CueMatch], clientLine: String, into sink: inout Sink
    ) {
        let spoken = clauses.indices.filter { !clauses[$0].tokens.isEmpty }
        // The clause the turn finally asks or directs: its last question or instruction, else its last clause.
        let ask = spoken.last { clauses[$0].form != .statement } ?? spoken.last
        func span(_ range: Range<Int>) -> Range<Int>? {
            guard let first = range.first, let last = range.last else { return nil }
            return tokens[first].start..<tokens[last].end
        }

        for c in spoken {
            let clause = clauses[c]
            let inAsk = c == ask
            let form = name(of: clause.form)
            sink.add("form:" + form, span: span(clause.tokens))
            if inAsk { sink.add("ask:form:" + form, span: span(clause.tokens)) }
            if let leading = clause.leadingRange {
                sink.add("leading", span: span(leading))
                if inAsk { sink.add("ask:leading", span: span(leading)) }
            }
            sink.addWords(of: clause.tokens, in: tokens, inAsk: inAsk)
            if clause.form != .statement {
                let head = clause.head..<min(clause.head + 3, clause.tokens.upperBound)
                if !head.isEmpty {
                    let words = head.map { tokens[$0].word }.joined(separator: " ")
                    sink.add("head:" + words, span: span(head))
                    sink.add("head:" + tokens[clause.head].word, span: span(clause.head..<clause.head + 1))
                    if inAsk { sink.add("ask:head:" + words, span: span(head)) }
                }
            }
            actors(in: clause, tokens: tokens, span: span, into: &sink)
            if let verb = directedVerb(in: clause, tokens: tokens) {
                // The verb itself, and the plain fact that the clause directs an action: the second carries
                // over to verbs the corpus never directed.
                let where_ = span(verb..<verb + 1)
                sink.add("directed:" + tokens[verb].word, span: where_)
                sink.add("directed", span: where_)
                if inAsk {
                    sink.add("ask:directed:" + tokens[verb].word, span: where_)
                    sink.add("ask:directed", span: where_)
                }
            }
        }

        // Where each clause starts to report what someone said, if it does: a cue after that point is
        // reported ("he told you that you have to..."), not said to the client.
        let reportingFrom = clauses.map { clause in clause.tokens.first { reportingWords.contains(tokens[$0]) } }
        for match in matches {
            let reported = reportingFrom[match.clause].map { $0 < match.range.lowerBound } ?? false
            let found = CueFeatures(
                cue: match.cue, reported: reported, form: clauses[match.clause].form, inAsk: match.clause == ask)
            sink.addCue(found, span: span(match.range))
        }

        let questions = spoken.reduce(0) { $0 + (clauses[$1].form == .openQuestion || clauses[$1].form == .closedQuestion ? clauses[$1].questionCount : 0) }
        sink.add("shape:sentences=" + bucket(spoken.count, [1, 2, 3]), span: nil)
        sink.add("shape:questions=" + bucket(questions, [0, 1, 2]), span: nil)
        let words = tokens.reduce(0) { $0 + ($1.isBoundary ? 0 : 1) }
        sink.add("shape:words=" + bucket(words, [3, 8, 20, 40]), span: nil)

        let client = Tokenizer.tokenize(Array(clientLine.utf8)).filter { !$0.isBoundary }
        sink.add(client.isEmpty ? "shape:no-client-line" : "shape:client-line", span: nil)
        let clientWords = Set(client.map(\.word))
        // The client's content words only: "the" or "in" in the client's line says nothing about the turn,
        // and weighed as if it did, it only fits the corpus. (The client's line is not numbered: by name.)
        sink.addClientWords(clientWords.subtracting(Words.functionWords))
        if !client.isEmpty { sink.add("shape:echo=" + echo(tokens, of: clientWords), span: nil) }
    }

    /// A cue found in a clause, as the features know it: which cue, whether the clause reports it, the
    /// clause's form, and whether the clause is the turn's final ask. Its names are the same whichever line
    /// it is in, so the model numbers them once per cue (`Vocabulary.cueFeatures`) instead of per line.
    struct CueFeatures: Hashable, Sendable {
        let cue: Int32
        let reported: Bool
        let form: Clause.Form
        let inAsk: Bool

        init(cue: CueReference, reported: Bool, form: Clause.Form, inAsk: Bool) {
            self.cue = cue.number
            self.reported = reported
            self.form = form
            self.inAsk = inAsk
        }

        /// The features' names, in the order a line has them: the cue, its role, its role in a clause of
        /// this form and, in the final ask, the role and the cue again (`ask:`).
        func names(of catalogue: [Cue]) -> [String] {
            precondition(catalogue.indices.contains(Int(cue)), "a cue number from another catalogue")
            let entry = catalogue[Int(cue)]
            let role = (reported ? "reported-" : "") + LineFeatures.name(of: entry.role)
            let cueName = (reported ? "reported-cue:" : "cue:") + entry.name
            var names = [cueName, "role:" + role, "role:" + role + "@" + LineFeatures.name(of: form)]
            if inAsk { names += ["ask:role:" + role, "ask:" + cueName] }
            return names
        }
    }

    /// How much of the turn's own content repeats the client's words: a reflection says the client's
    /// words back ("You need to stop lending Ade money" after "I need to stop lending Ade money"), advice
    /// brings new ones. "none", "some" (under a third), "half" (under two thirds) or "most".
    private static func echo(_ tokens: [Token], of clientWords: Set<String>) -> String {
        let content = tokens.filter { !$0.isBoundary && !functionWords.contains($0) }
        guard !content.isEmpty else { return "none" }
        let echoed = content.filter { clientWords.contains($0.word) || clientWords.contains(stem($0.word)) }.count
        switch Double(echoed) / Double(content.count) {
        case 0: return "none"
        case ..<(1.0 / 3): return "some"
        case ..<(2.0 / 3): return "half"
        default: return "most"
        }
    }

    /// The word lists the features read (declared in cues.yaml under `word_lists: features:`, generated
    /// into `CueCatalogue+Generated.swift`), each tested by the word's number (`WordSet`).
    enum Words {
        static let all = reportingWords + actorWords + directingWords + skippedBeforeVerb + functionWords
    }

    /// Words that carry no content of their own, left out when measuring an echo.
    static let functionWords = WordSet(Words.functionWords)

    /// Who acts, and how: a pronoun and the word after it ("you should", "i would", "we could"). When the
    /// clause reports what someone said or was told ("your landlord told you that you have to..."), the
    /// fact is marked `reported:`: it mirrors, it does not direct.
    private static func actors<Sink: LineFeatureSink>(
        in clause: Clause, tokens: [Token], span: (Range<Int>) -> Range<Int>?, into sink: inout Sink
    ) {
        var reported = false
        for t in clause.tokens {
            let word = tokens[t].word
            if reportingWords.contains(tokens[t]) { reported = true }
            guard actorWords.contains(tokens[t]), t + 1 < clause.tokens.upperBound else { continue }
            let name = word + "+" + tokens[t + 1].word
            sink.add((reported ? "reported:" : "") + name, span: span(t..<t + 2))
        }
    }

    /// The verb the coach tells the client to do, if the clause tells them: the head of an instruction
    /// ("Book the room"), or the verb after an obligation or a suggestion addressed to them ("you should
    /// also start...", "you need to ask...", "I want you to write...", "make sure you send..."). Adverbs
    /// between are skipped. "Said you should..." is reported, not directed: no verb.
    private static func directedVerb(in clause: Clause, tokens: [Token]) -> Int? {
        let range = clause.tokens
        if clause.form == .imperative, range.contains(clause.head) { return clause.head }
        var t = range.lowerBound
        while t < range.upperBound {
            let word = tokens[t].word
            if reportingWords.contains(tokens[t]) { return nil }
            if word == "you" || word == "yourself", t + 1 < range.upperBound, directingWords.contains(tokens[t + 1]) {
                var verb = t + 2
                while verb < range.upperBound, skippedBeforeVerb.contains(tokens[verb]) { verb += 1 }
                return verb < range.upperBound ? verb : nil
            }
            t += 1
        }
        return nil
    }

    /// Words after "you" that make what follows the coach's instruction ("you should", "you need to").
    static let directingWords = WordSet(Words.directingWords)
    /// Words between those and the verb ("you should *also* start").
    static let skippedBeforeVerb = WordSet(Words.skippedBeforeVerb)
    /// Who can act in a clause: a pronoun ("you should", "we could"), or "let" ("let me...").
    static let actorWords = WordSet(Words.actorWords)
    /// Words that report what someone said, thought or was told.
    static let reportingWords = WordSet(Words.reportingWords)

    static func name(of form: Clause.Form) -> String {
        switch form {
        case .openQuestion: "open"
        case .closedQuestion: "closed"
        case .imperative: "instruction"
        case .statement: "statement"
        }
    }

    static func name(of role: CueRole) -> String {
        switch role {
        case .topic(let marker): "topic-" + marker.id
        case .directive: "directive"
        case .leading: "leading"
        case .coachAccountability: "coach-accountability"
        case .coachClosing: "coach-closing"
        case .evaluativePraise: "praise"
        case .feelingsDirective: "feelings"
        case .invitationToRespond: "invitation"
        case .permission: "permission"
        case .choice: "choice"
        case .openInvitation: "open-invitation"
        case .acknowledgement: "acknowledgement"
        case .reflection: "reflection"
        case .rushing: "rushing"
        case .overambitious: "bigger-plan"
        case .exploration: "exploration"
        }
    }

    /// A word without its commonest English endings ("supported", "supporting", "supports" all give
    /// "support"), so that a form the corpus never showed still weighs like the ones it did. Crude on
    /// purpose: it only has to group forms, not find dictionary roots.
    static func stem(_ word: String) -> String {
        for suffix in ["ingly", "ing", "edly", "ed", "ies", "es", "s", "ly"] where word.hasSuffix(suffix) {
            let root = word.dropLast(suffix.count)
            if root.count >= 3 { return suffix == "ies" ? root + "y" : String(root) }
        }
        return word
    }

    /// "0", "1", "2", "3+" style buckets: the first bound the value is at or under, else the last with "+".
    static func bucket(_ value: Int, _ bounds: [Int]) -> String {
        for bound in bounds where value <= bound { return "<=\(bound)" }
        return ">\(bounds.last ?? 0)"
    }
}

extension LineFeatures {
    /// A feature's name as a person reads it, for evidence and `explain`.
    public static func describe(_ name: String) -> String {
        let inAsk = name.hasPrefix("ask:")
        let rest = inAsk ? String(name.dropFirst(4)) : name
        let finally = inAsk ? ", in what the turn finally asks" : ""
        func after(_ prefix: String) -> String { String(rest.dropFirst(prefix.count)) }
        if rest.hasPrefix("w:") || rest.hasPrefix("b:") { return "the words '\(after("w:"))'\(finally)" }
        if rest.hasPrefix("s:") { return "a form of '\(after("s:"))'\(finally)" }
        if rest.hasPrefix("directed:") { return "the action the coach directs: '\(after("directed:"))'\(finally)" }
        if rest == "directed" { return "an action the coach directs\(finally)" }
        if rest.hasPrefix("head:") { return "a question or instruction opening '\(after("head:"))'" }
        if rest.hasPrefix("form:") { return "\(formDescription(after("form:")))\(finally)" }
        if rest == "leading" { return "a question built to get a yes\(finally)" }
        if rest.hasPrefix("cue:") { return "the cue \(after("cue:"))" }
        if rest.hasPrefix("reported-cue:") { return "the cue \(after("reported-cue:")), in reported speech" }
        if rest.hasPrefix("role:") {
            // `role:directive@statement`: a role, and the form of the clause it is in.
            let role = after("role:")
            guard let at = role.firstIndex(of: "@") else { return "a \(role) cue\(finally)" }
            let form = formDescription(String(role[role.index(after: at)...]))
            return "a \(role[..<at]) cue in \(form)\(finally)"
        }
        if rest.hasPrefix("reported:") { return "'\(spaced(after("reported:")))' in reported speech" }
        if let plus = rest.firstIndex(of: "+"), Words.actorWords.contains(String(rest[..<plus])) {
            return "who acts: '\(spaced(rest))'"
        }
        if rest.hasPrefix("client:") { return "the client's word '\(after("client:"))'" }
        if rest.hasPrefix("shape:") { return "the turn's shape (\(after("shape:")))" }
        return name
    }

    /// `you+have` as "you have".
    private static func spaced(_ actor: String) -> String {
        String(actor.map { $0 == "+" ? " " : $0 })
    }

    private static func formDescription(_ form: String) -> String {
        switch form {
        case "open": "an open question"
        case "closed": "a closed question"
        case "instruction": "an instruction"
        default: "a statement"
        }
    }
}
