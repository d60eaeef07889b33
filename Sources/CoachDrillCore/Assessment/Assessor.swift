/// The feedback engine: judges one coach line against competency 8.
///
/// The stance and the marker come from the learned model (`LearnedModel`) over the line's features
/// (`LineFeatures`): words and word pairs, clause forms, who acts, catalogue cues, the client's words. The
/// evidence quoted is the words whose features weighed most for the verdict. Traps (`TrapRules`) read that
/// verdict to name how a line advised. See docs/feedback.md.
public struct Assessor: Sendable {
    private let index: CueIndex

    public init() {
        index = CueIndex.shared
    }

    /// Compiles the cue catalogue and loads the model's weights now (otherwise the first line judged
    /// waits for them, about a tenth of a second), so a caller can do it off the main thread while the
    /// first prompt is on screen. Safe to call from any thread, once or many times.
    public static func prepare() {
        _ = CueIndex.shared
        _ = LearnedModel.shared
    }

    public func assess(_ line: String, context: AssessmentContext = AssessmentContext()) -> Assessment {
        judge(line, context: context).assessment
    }

    /// The judgement with its reasons: every feature that counted, what it added, and where it is in the line.
    public func explain(_ line: String, context: AssessmentContext = AssessmentContext()) -> Explanation {
        let judgement = judge(line, context: context)
        return Explanation(
            assessment: judgement.assessment,
            stance: Explanation.Reasoning(judgement.stance, quotes: judgement.quotes),
            marker: Explanation.Reasoning(judgement.marker, quotes: judgement.quotes))
    }

    private func judge(_ line: String, context: AssessmentContext)
        -> (assessment: Assessment, stance: LearnedModel.Decision, marker: LearnedModel.Decision, quotes: EvidenceQuotes)
    {
        let read = LineReading(line, index: index)
        let model = LearnedModel.shared
        var features = ModelFeatures(vocabulary: model.vocabulary)
        LineFeatures.collect(
            tokens: read.tokens, clauses: read.clauses, matches: read.matches, clientLine: context.clientLine,
            into: &features)
        let known = features.numbers
        let stanceDecision = model.decide(model.stance, features: known)
        let markerDecision = model.decide(model.marker, features: known)
        let stance = Stance(rawValue: stanceDecision.label) ?? .neutral
        let primary = Marker(id: markerDecision.label)
        let quotes = EvidenceQuotes(bytes: read.bytes, found: features.found, model: model)
        var hits: [MarkerHit] = []
        if let primary {
            let top = markerDecision.probabilities.first { $0.label == primary.id }?.probability ?? 1
            hits.append(
                MarkerHit(
                    marker: primary, stance: stance, score: 1,
                    evidence: quotes.evidence(markerDecision)))
            // A marker the model also finds likely is a secondary reading (scenario branches may test it).
            for (label, probability) in markerDecision.probabilities.sorted(by: { $0.probability > $1.probability })
            where label != primary.id && probability >= LearnedModel.secondaryProbability {
                guard let marker = Marker(id: label) else { continue }
                let against = model.contributions(
                    model.marker, features: known, as: label, against: primary.id, atLeast: EvidenceQuotes.minimum)
                hits.append(
                    MarkerHit(
                        marker: marker, stance: stance, score: (probability / top * 100).rounded() / 100,
                        evidence: quotes.evidence(against)))
            }
        }
        let traps = TrapRules.traps(in: read, stance: stance, primary: primary, hits: hits, context: context)
        let assessment = Assessment(
            text: line, marker: primary, stance: stance, hits: hits, traps: traps,
            stanceEvidence: quotes.evidence(stanceDecision),
            suggestion: suggestion(for: primary, context: context))
        return (assessment, stanceDecision, markerDecision, quotes)
    }

    private func suggestion(for marker: Marker?, context: AssessmentContext) -> String {
        if let exemplar = context.exemplar, !exemplar.isEmpty { return exemplar }
        if let marker = marker ?? context.expects.first { return marker.defaultExemplar }
        return "What would be most useful to look at as we start to close?"
    }
}

/// One line, tokenised, split into clauses and matched against the catalogue: the facts every part of
/// the verdict is computed from.
struct Reading {
    /// Cues the readings find by the form of a clause or by tests of their own, not by a pattern. They are
    /// numbered after the catalogue's (`CueIndex`), so their matches name them like any other.
    enum FormCue: Int, CaseIterable {
        case imperative, leadingShape, pastAction, remainingTime, namedLesson, directedAction

        var cue: Cue {
            switch self {
            case .imperative: Cue("", .directive, 1.3, "an instruction to the client")
            case .leadingShape: Cue("", .leading, 1.5, "a question that expects yes")
            case .pastAction: Cue("", .acknowledgement, 0.8, "names something the client did")
            case .remainingTime: Cue("", .topic(.closing), 1.2, "using the time left")
            case .namedLesson: Cue("", .directive, Reading.namedLessonWeight, "the coach states the lesson")
            case .directedAction: Cue("", .topic(.design), Reading.directedActionWeight, "an action the coach directs")
            }
        }
    }

    /// The form of a clause is found by `Clause`.
    static let imperativeCue = CueIndex.shared.reference(to: .imperative)
    static let leadingShapeCue = CueIndex.shared.reference(to: .leadingShape)
    static let pastActionCue = CueIndex.shared.reference(to: .pastAction)

    static func isLearningMarker(_ marker: Marker) -> Bool {
        switch marker {
        case .progress, .learningSelf, .learningSituation, .application: true
        default: false
        }
    }

    /// What a statement acknowledging a deed may mention without being about it ("You stayed with it and
    /// found your own answer" celebrates; it does not review progress or plan).
    static func isDeedContentMarker(_ marker: Marker) -> Bool {
        switch marker {
        case .progress, .design, .resources, .accountability: true
        default: false
        }
    }
    static let actionObjectFactor = 0.5
    static let deedContentFactor = 0.5
    /// Names of the catalogue's clock cues (a test holds that they exist).
    static let clockCues: Set<String> = ["minutes left", "the clock", "out of time", "time is up", "remaining time"]
    static let spendVerbs = WordSet(Words.spendVerbs)
    static let remainingTimeCue = CueIndex.shared.reference(to: .remainingTime)
    static let relativeHeads = WordSet(Words.relativeHeads)
    static let namedLessonWeight = 1.4
    static let namedLessonCue = CueIndex.shared.reference(to: .namedLesson)
    static let directedActionCue = CueIndex.shared.reference(to: .directedAction)

    /// Below this, the words are too weak to name a marker: the line is about none.
    static let markerThreshold = 0.5
    /// A second marker is reported only when it scores at least this share of the first.
    static let secondaryShare = 0.2
    /// How much a topic cue counts by where it stands (see `Focus`).
    static let questionFocusFactor = 2.5
    static let directiveFocusFactor = 1.5
    static let questionRestFactor = 1.0
    static let preambleFactor = 0.8
    static let directedActionWeight = 0.6
    static let timeFactor = 0.75
    /// Invitations that ask the client to choose among options rather than respond to an offer.
    static let choosingAmong: Set<String> = ["'which, if any, fits'"]
    static let anaphoric = WordSet(Words.anaphoric)

    /// The words of the word sets of `Reading`, for `Lexicon` to number (those of its extensions are
    /// with them: `DeedWords`, `LessonWords`).
    enum Words {
        static let spendVerbs = ["use", "spend", "fill"]
        static let relativeHeads = ["anything", "something", "everything", "nothing", "whatever"]
        static let anaphoric = ["it", "that", "this", "them", "those", "these"]
        static let pastLeadIns = ["have", "just", "really", "actually", "finally", "did", "not", "then", "also", "still"]
        static let irregularPast = [
            "did", "made", "took", "found", "went", "got", "gave", "held", "kept", "spoke", "stood", "chose", "drew",
            "let", "put", "brought", "caught", "faced", "sat", "stuck", "wrote", "written", "saw", "heard", "knew",
            "began", "begun", "built", "won", "fought", "led", "met", "paid", "sent", "spent", "understood", "done",
            "gone", "taken", "given", "chosen", "drawn", "dodge", "hedge", "shrink", "flinch", "back", "give", "run",
            "ran", "turned", "told", "held", "shown", "showed", "grew", "grown", "broke", "broken", "rose", "risen",
        ]
        static let notAnAction = [
            "said", "mentioned", "told", "described", "called", "wanted", "asked", "seemed", "sounded", "started",
            "needed", "hoped", "used", "supposed", "expected", "talked", "sighed", "nodded", "described", "named",
            "decided", "learned", "realized", "noticed", "discovered", "knew", "heard", "saw", "tried", "got",
            "went",
        ]
        static let reportingVerbs = ["said", "mentioned", "told", "described", "called", "say", "talked"]
        static let aboutAskers = ["how", "what"]

        static let all = spendVerbs + relativeHeads + anaphoric + pastLeadIns + irregularPast + notAnAction
            + reportingVerbs + aboutAskers
    }

    let bytes: [UInt8]
    let tokens: [Token]
    let clauses: [Clause]
    let matches: [CueMatch]

    func text(_ range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last, last < tokens.count else { return "" }
        return String(decoding: bytes[tokens[first].start..<tokens[last].end], as: UTF8.self)
    }

    func evidence(_ match: CueMatch) -> Evidence {
        Evidence(text: text(match.range), cue: match.cue.name)
    }

    // MARK: Acknowledgement by form

    /// "You named it", "Today you drew one", "You didn't dodge it": the client as the subject of a
    /// past action in a statement names something they did (reporting verbs like "said" only mirror).
    static func pastActions(_ tokens: [Token], clauses: [Clause], clauseOf: [Int]) -> [CueMatch] {
        var found: [CueMatch] = []
        for (index, clause) in clauses.enumerated() where clause.form == .statement {
            var position = clause.tokens.lowerBound
            while position < clause.tokens.upperBound - 1 {
                defer { position += 1 }
                guard tokens[position].word == "you" else { continue }
                var verb = position + 1
                while verb < clause.tokens.upperBound - 1, pastLeadIns.contains(tokens[verb]) { verb += 1 }
                if isPastAction(tokens[verb]) {
                    found.append(CueMatch(cue: pastActionCue, range: position..<(verb + 1), clause: index))
                    break
                }
            }
        }
        return found
    }

    static let pastLeadIns = WordSet(Words.pastLeadIns)
    static let irregularPast = WordSet(Words.irregularPast)
    static let notAnAction = WordSet(Words.notAnAction)

    private static func isPastAction(_ token: Token) -> Bool {
        if notAnAction.contains(token) { return false }
        if irregularPast.contains(token) { return true }
        return token.word.count > 4 && token.word.hasSuffix("ed")
    }

    // MARK: Stance

    struct StanceVerdict {
        var stance: Stance
        var evidence: [Evidence]
    }

    /// The line's stance, with the words that decided it.
    func stance() -> StanceVerdict {
        let all = ClauseSet(below: clauses.count)
        let (stance, side) = weighStance(inClauses: all)
        return StanceVerdict(stance: stance, evidence: stanceEvidence(side, inClauses: all))
    }

    /// The stance of some clauses only (a secondary marker's), without its evidence.
    func stance(inClauses included: ClauseSet) -> Stance {
        weighStance(inClauses: included).stance
    }

    /// Which side of the stance a match counts for.
    private enum StanceSide {
        case directing, inviting, reflecting, neither
    }

    private func stanceSide(of match: CueMatch) -> StanceSide {
        let clause = clauses[match.clause]
        switch match.cue.role {
        case let role where role.isDirecting && clause.form == .openQuestion && match.range.lowerBound > clause.head:
            // "What do you think you need to do?" asks; the modal is inside the client's answer.
            return .neither
        case let role where role.isDirecting && match.range.lowerBound > clause.tokens.lowerBound
            && Reading.relativeHeads.contains(tokens[match.range.lowerBound - 1]):
            // "Is there anything you need to say before we stop?": the modal is in a relative clause.
            return .neither
        case .acknowledgement where isReflection(clause):
            // "So you've made one." mirrors; it does not celebrate.
            return .reflecting
        case .coachClosing where clause.form == .openQuestion || clause.form == .closedQuestion:
            // "Shall we stop there?" / "How would you like to close, given we're nearly out of time?"
            return .neither
        case let role where role.isDirecting:
            return .directing
        case let role where role.isInviting:
            return .inviting
        case .reflection:
            return .reflecting
        default:
            return .neither
        }
    }

    /// Partner, advise or neutral over the given clauses, and the side whose words decided it. The sides are
    /// weighed without quoting any words: quoting makes Strings, and only the deciding side's are shown.
    private func weighStance(inClauses included: ClauseSet) -> (stance: Stance, side: StanceSide) {
        var directingWeight = 0.0
        var invitingWeight = 0.0
        var directs = false
        // Every directing cue is only a suggestion ("you could", "I suggest"), not an instruction.
        var onlySuggestions = true
        // The coach taking over accountability, the ending or the client's feelings decides the line even
        // when a question follows ("Email me Friday. Sound good?").
        var coachOwns = false
        var invitesResponse = false
        var asksPermission = false
        var offersChoice = false
        for match in matches where included.contains(match.clause) {
            switch stanceSide(of: match) {
            case .directing:
                directingWeight += match.cue.weight
                directs = true
                if match.cue.role != .directive { onlySuggestions = false }
                switch match.cue.role {
                case .coachAccountability, .feelingsDirective, .leading: coachOwns = true
                default: break
                }
            case .inviting:
                invitingWeight += match.cue.weight
                switch match.cue.role {
                case .invitationToRespond: invitesResponse = true
                case .permission: asksPermission = true
                case .choice: offersChoice = true
                default: break
                }
            case .reflecting, .neither:
                break
            }
        }
        for index in included {
            let clause = clauses[index]
            if clause.leadingRange != nil {
                // A leading question directs, and owns the answer (`Reading.leadingShapeCue`).
                directingWeight += 1.5
                directs = true
                onlySuggestions = false
                coachOwns = true
                continue
            }
            switch clause.form {
            case .openQuestion:
                invitingWeight += 1.2
            case .closedQuestion:
                invitingWeight += 0.5
            case .imperative:
                // An instruction (`Reading.imperativeCue`, a directive).
                directingWeight += 1.3
                directs = true
            case .statement:
                break
            }
        }

        // An idea offered with permission or an invitation to respond is partnering, not advice.
        let offered = invitesResponse || (asksPermission && offersChoice)
        if directs, offered, onlySuggestions {
            return (.partner, .inviting)
        }
        if directs, !offered {
            // "Can I offer something? Book the room." Asking leave and then instructing is still advice:
            // the permission (and the yes/no question it is asked in) does not count as an invitation.
            for match in matches where included.contains(match.clause) && match.cue.role == .permission {
                invitingWeight -= match.cue.weight
                if clauses[match.clause].form == .closedQuestion { invitingWeight -= 0.5 }
            }
        }
        if directingWeight > 0, directingWeight >= invitingWeight * 0.75 || coachOwns {
            return (.advise, .directing)
        }
        if invitingWeight > 0.4 {
            return (.partner, .inviting)
        }
        if directingWeight > 0 {
            return (.advise, .directing)
        }
        return (.neutral, .reflecting)
    }

    /// The words of one side: its matches in order, then its clause shapes in clause order (a leading
    /// question or an instruction directs; an open or closed question invites).
    private func stanceEvidence(_ side: StanceSide, inClauses included: ClauseSet) -> [Evidence] {
        var found: [Evidence] = []
        found.reserveCapacity(4)
        for match in matches where included.contains(match.clause) && stanceSide(of: match) == side {
            found.append(evidence(match))
        }
        for index in included where side != .reflecting {
            let clause = clauses[index]
            if let leading = clause.leadingRange {
                if side == .directing {
                    found.append(evidence(CueMatch(cue: Reading.leadingShapeCue, range: leading, clause: index)))
                }
                continue
            }
            switch (side, clause.form) {
            case (.directing, .imperative):
                let range = clause.head..<min(clause.head + 4, clause.tokens.upperBound)
                found.append(evidence(CueMatch(cue: Reading.imperativeCue, range: range, clause: index)))
            case (.inviting, .openQuestion):
                found.append(Evidence(text: text(clause.head..<clause.tokens.upperBound), cue: "open question"))
            case (.inviting, .closedQuestion):
                found.append(Evidence(text: text(clause.tokens), cue: "closed question"))
            default:
                break
            }
        }
        return found
    }

    /// A statement that opens with "so" or reports the client's words ("you said") mirrors them.
    func isReflection(_ clause: Clause) -> Bool {
        guard clause.form == .statement, let first = clause.tokens.first else { return false }
        let word = tokens[first].word
        let next = first + 1 < clause.tokens.upperBound ? tokens[first + 1] : .absent
        return word == "so" || (word == "you" && Reading.reportingVerbs.contains(next))
    }

    static let reportingVerbs = WordSet(Words.reportingVerbs)
    /// "How about ...", "What about ...": proposals, not questions about the client.
    static let aboutAskers = WordSet(Words.aboutAskers)

    // MARK: Markers

    struct MarkerScore {
        var marker: Marker
        var score: Double
        /// The matches that scored, in order. Their words are quoted (`evidence(of:)`) only for the markers
        /// that are reported: most lines score several markers that never are.
        var sources: [CueMatch]
        var clauses: ClauseSet
    }

    /// The scores of the markers a line's cues name, in the order first named, with each marker's place
    /// kept by its ordinal (a `[Marker: MarkerScore]` hashed the marker for every cue that scored).
    struct MarkerScores {
        private(set) var scored: [MarkerScore] = []
        /// For each marker (by ordinal), its place in `scored`, or -1.
        private var place = SIMD16<Int8>(repeating: -1)

        mutating func add(_ marker: Marker, _ points: Double, for match: CueMatch) {
            var index = Int(place[marker.ordinal])
            if index < 0 {
                // Room for a few from the start: growing one element at a time reallocated each time.
                if scored.isEmpty { scored.reserveCapacity(4) }
                index = scored.count
                place[marker.ordinal] = Int8(index)
                var sources: [CueMatch] = []
                sources.reserveCapacity(4)
                scored.append(MarkerScore(marker: marker, score: 0, sources: sources, clauses: ClauseSet()))
            }
            scored[index].score += points
            scored[index].sources.append(match)
            scored[index].clauses.insert(match.clause)
        }

        func score(of marker: Marker) -> Double? {
            let index = Int(place[marker.ordinal])
            return index < 0 ? nil : scored[index].score
        }

        mutating func scale(_ marker: Marker, by factor: Double) {
            let index = Int(place[marker.ordinal])
            if index >= 0 { scored[index].score *= factor }
        }

        mutating func raise(_ marker: Marker, by points: Double) {
            let index = Int(place[marker.ordinal])
            if index >= 0 { scored[index].score += points }
        }
    }

    /// The quoted evidence of a marker's matches, each text-and-cue pair once, in order.
    func evidence(of sources: [CueMatch]) -> [Evidence] {
        var found: [Evidence] = []
        found.reserveCapacity(sources.count)
        for match in sources {
            let quoted = evidence(match)
            if !found.contains(quoted) { found.append(quoted) }
        }
        return found
    }

    func markerScores(context: AssessmentContext) -> [MarkerScore] {
        var scores = MarkerScores()
        let focus = Focus.find(in: self)
        var exploring = ClauseSet()
        var acknowledged = ClauseSet()
        // "What do you make of that?" asks about what was offered before it: the offer carries the topic.
        var respondsTo = ClauseSet()
        for match in matches {
            switch match.cue.role {
            case .exploration:
                exploring.insert(match.clause)
            case .acknowledgement where Reading.namesDeed(match.cue) && clauses[match.clause].form == .statement
                && !deedIsOnlyDescribed(match):
                acknowledged.insert(match.clause)
            case .invitationToRespond where !Reading.choosingAmong.contains(match.cue.name)
                && focus[match.clause].map({ $0.kind == .question && $0.range.overlaps(match.range) }) == true:
                respondsTo.insert(match.clause)
            default:
                break
            }
        }
        let asks = clauses.contains { $0.form == .openQuestion }
        func add(_ marker: Marker, _ weight: Double, _ match: CueMatch) {
            // What the line asks or directs is what it is about; a frame or preamble counts for less.
            let form = clauses[match.clause].form
            var factor: Double
            if let phrase = focus[match.clause], phrase.range.overlaps(match.range) {
                factor = phrase.kind == .question
                    ? (respondsTo.contains(match.clause) ? Reading.questionRestFactor : Reading.questionFocusFactor)
                    : Reading.directiveFocusFactor
                // "Ignore what your dad thinks", "Stop comparing yourself": a prohibition's words are the
                // topic of general advice, not the step the line is about.
                if phrase.kind == .directive, phrase.action == nil, form == .imperative,
                    Focus.isProhibition(tokens, at: clauses[match.clause].head, in: clauses[match.clause].tokens)
                {
                    factor = 1
                }
                // "You should have dinner with your family", "take some of your annual leave": the object of
                // a directed action is not a learning to explore or apply; the action is the step.
                if phrase.kind == .directive, let verb = phrase.action, match.range.lowerBound > verb,
                    Reading.isLearningMarker(marker)
                {
                    factor = Reading.actionObjectFactor
                }
            } else if form == .openQuestion || form == .closedQuestion {
                factor = Reading.questionRestFactor
            } else {
                factor = asks && respondsTo.isEmpty ? Reading.preambleFactor : 1
            }
            // Exploring the topic mid-session: its words are the client's story, not a closing marker.
            if exploring.contains(match.clause) { factor = min(factor, 1) * 0.3 }
            // "You kept your promise to yourself": the plan words are what the client did; the deed decides.
            if acknowledged.contains(match.clause), Reading.isDeedContentMarker(marker) { factor *= Reading.deedContentFactor }
            scores.add(marker, weight * factor, for: match)
        }
        let lessons = namedLessons()
        for match in matches {
            let weight = match.cue.weight
            if Reading.namesDeed(match.cue), deedIsOnlyDescribed(match) { continue }
            switch match.cue.role {
            case .topic(.application) where lessons.contains(where: { match.range.contains($0.noun) }):
                // "The takeaway is that ...": the lesson itself, not its use (see `namedLessons`).
                continue
            case .topic(.learningSelf) where match.range.lowerBound > 0
                && Reading.aboutAskers.contains(tokens[match.range.lowerBound - 1])
                && tokens[match.range.lowerBound].word == "about":
                // "How about you just quit?" proposes; it is not about the client.
                continue
            case .topic(let marker): add(marker, weight, match)
            case .coachAccountability: add(.accountability, 1.2, match)
            case .coachClosing where match.range.upperBound < tokens.count && tokens[match.range.upperBound].word.hasSuffix("ing"):
                // "You must stop saying yes": stopping a habit, not the session.
                break
            case .coachClosing: add(.closing, 1.2, match)
            case .evaluativePraise, .feelingsDirective: add(.celebration, 1.2, match)
            case .acknowledgement: add(.celebration, weight * 0.9, match)
            case .rushing, .overambitious: add(.design, 1.0, match)
            default: break
            }
        }
        // "We've got about five minutes. How would you like to use them?": with the clock named, using
        // or spending "them" or "it" is about the rest of the session.
        if matches.contains(where: { $0.cue.role == .topic(.closing) && Reading.clockCues.contains($0.cue.name) }) {
            for (index, phrase) in focus.enumerated() {
                guard let phrase, phrase.kind == .question else { continue }
                for position in phrase.range.dropLast()
                where Reading.spendVerbs.contains(tokens[position])
                    && Reading.anaphoric.contains(tokens[position + 1])
                {
                    add(.closing, 1.2, CueMatch(cue: Reading.remainingTimeCue, range: position..<(position + 2), clause: index))
                }
            }
        }
        for lesson in lessons {
            add(lesson.aboutSelf ? .learningSelf : .learningSituation, Reading.namedLessonWeight,
                CueMatch(cue: Reading.namedLessonCue, range: lesson.noun..<(lesson.noun + 1), clause: lesson.clause))
        }
        // A bare instruction with no other topic is about what to do next.
        for (index, clause) in clauses.enumerated() where clause.form == .imperative {
            // "Never sign without reading", "Ignore what he thinks": a prohibition is general advice
            // about the topic, not a step to take.
            guard !Focus.isProhibition(tokens, at: clause.head, in: clause.tokens) else { continue }
            let range = clause.head..<min(clause.head + 3, clause.tokens.upperBound)
            add(.design, 0.5, CueMatch(cue: Reading.imperativeCue, range: range, clause: index))
        }
        // The coach directs a concrete action ("You need to send Ilse an invite"): a next step, unless
        // the words of the directed phrase are about something else.
        for (index, phrase) in focus.enumerated() {
            guard let phrase, let verb = phrase.action else { continue }
            // "Put it in your calendar and set reminders", "Tell your wife so she can keep you honest":
            // the words of the directed phrase name another marker, and they decide.
            let elsewhere = matches.contains {
                guard $0.clause == index, case .topic(let marker) = $0.cue.role else { return false }
                return marker != .design && $0.cue.weight >= 0.8 && $0.range.lowerBound >= verb
                    && $0.range.lowerBound < phrase.range.upperBound
            }
            if elsewhere { continue }
            // "Write that down", "Push through it": the object points back at what the line already said.
            let next = verb + 1 < phrase.range.upperBound ? tokens[verb + 1] : .absent
            // Only a short phrase counts: "read it out word for word so you don't lose your nerve" is a step.
            let pointsBack = Reading.anaphoric.contains(next) && phrase.range.upperBound - verb <= 4
            let weight = pointsBack ? Reading.directedActionWeight * 0.4 : Reading.directedActionWeight
            let range = verb..<min(verb + 3, phrase.range.upperBound)
            add(.design, weight, CueMatch(cue: Reading.directedActionCue, range: range, clause: index))
            // "Ask for fewer shifts, start therapy and book a holiday": a list of actions is a plan.
            for position in listItems(after: verb, in: phrase) {
                add(.design, Reading.directedActionWeight * 0.5,
                    CueMatch(cue: Reading.directedActionCue, range: position..<(position + 1), clause: index))
            }
        }
        // Looking back (what you have learned, today) or looking forward (what you will do, this week):
        // the time the question asks about separates the learning markers from the action markers.
        switch Focus.timeReference(in: self, focus: focus) {
        case .back?:
            for marker in [Marker.application, .design, .resources, .accountability] {
                scores.scale(marker, by: Reading.timeFactor)
            }
        case .forward?:
            for marker in [Marker.progress, .learningSelf, .learningSituation] {
                scores.scale(marker, by: Reading.timeFactor)
            }
        case nil: break
        }
        // What the beat is looking for breaks near-ties; it never creates a marker on its own.
        for marker in context.expects where (scores.score(of: marker) ?? 0) >= Reading.markerThreshold {
            scores.raise(marker, by: 0.3)
        }
        return scores.scored
    }

    /// The later actions of a directed list: action verbs after a comma, "and" or "then".
    func listItems(after verb: Int, in phrase: Focus) -> [Int] {
        var items: [Int] = []
        var position = verb + 2
        while position < phrase.range.upperBound {
            if pauseBefore(position) || tokens[position - 1].word == "and" || tokens[position - 1].word == "then",
                Focus.isAction(tokens[position])
            {
                items.append(position)
            }
            position += 1
        }
        return items
    }

    // MARK: Traps

    func traps(stance: Stance, primary: Marker?, hits: [MarkerHit], context: AssessmentContext) -> [Trap] {
        var traps: [Trap] = []
        func has(_ role: CueRole) -> Bool { matches.contains { $0.cue.role == role } }
        let advised = stance == .advise
        let hasImperative = clauses.contains { $0.form == .imperative }
        let leading = advised && (has(.leading) || clauses.contains(where: { $0.leadingRange != nil }))
        let coachOwned = advised && has(.coachAccountability)
        let closing = advised && has(.coachClosing)
        let praise = advised && has(.evaluativePraise)
        // Advice with no more particular name (hedged, or in words no cue knows) is still advice.
        if advised, has(.directive) || hasImperative || !(leading || coachOwned || closing || praise) {
            traps.append(.adviceGiving)
        }
        if leading { traps.append(.leadingQuestion) }
        if coachOwned { traps.append(.coachOwnedAccountability) }
        if has(.rushing) || rushesPastLearning(primary: primary, context: context) {
            traps.append(.rushingToAction)
        }
        if has(.overambitious) { traps.append(.overambitiousPlan) }
        if hits.contains(where: { $0.marker == .celebration }), celebratesTooSoon(context) {
            traps.append(.prematureCelebration)
        }
        if praise { traps.append(.evaluativePraise) }
        if closing { traps.append(.coachClosedSession) }
        let questions = clauses.filter { $0.form == .openQuestion || $0.form == .closedQuestion }
        // Asking leave ("Can I offer an idea?") and checking how an offer lands ("How does that sit with
        // you?") are about the conversation, not more questions for the client to hold: they don't stack.
        var aboutTheConversation = ClauseSet()
        for match in matches where match.cue.role == .permission || match.cue.role == .invitationToRespond {
            aboutTheConversation.insert(match.clause)
        }
        let stacking = clauses.indices.filter { index in
            (clauses[index].form == .openQuestion || clauses[index].form == .closedQuestion)
                && !aboutTheConversation.contains(index)
        }
        let asked = stacking.reduce(0) { $0 + clauses[$1].questionCount }
        if asked >= 2, stacking.contains(where: { clauses[$0].form == .openQuestion }) {
            traps.append(.stackedQuestions)
        }
        if stance == .partner, !questions.isEmpty, questions.allSatisfy({ $0.form == .closedQuestion }),
            !has(.choice), !has(.permission), !has(.invitationToRespond),
            primary != .closing
        {
            traps.append(.closedQuestion)
        }
        return traps
    }

    /// Designing actions before the client has named any learning or progress in this session.
    private func rushesPastLearning(primary: Marker?, context: AssessmentContext) -> Bool {
        guard let primary, [.design, .accountability].contains(primary), !context.clientLine.isEmpty else {
            return false
        }
        return context.evidenced.isDisjoint(with: [.progress, .learningSelf, .learningSituation, .application])
    }

    /// Celebrating while the client has named no progress: nothing evidenced yet and the client sounds stuck.
    private func celebratesTooSoon(_ context: AssessmentContext) -> Bool {
        guard !context.clientLine.isEmpty else { return false }
        let client = Tokenizer.tokenize(Array(context.clientLine.utf8)).map(\.word)
        let stuck = Reading.stuckWords.contains { client.contains($0) }
        let nothingYet = context.evidenced.isDisjoint(with: [.progress, .learningSelf, .learningSituation])
        return stuck || nothingYet
    }

    static let stuckWords = [
        "stuck", "confused", "lost", "nothing", "worse", "failed", "unsure", "overwhelmed", "hopeless", "pointless",
    ]
}
