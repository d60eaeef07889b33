/// Decides what passed in a drill: each item, and the pack as a whole. Pure: the executable records the
/// answers and the clock, this judges them, so `report` and tests reach the same verdicts.
public enum DrillGrading {
    /// The context a one-answer item is assessed in. The item stands for the moment of the session its
    /// marker belongs to, so the markers before it (8.1 up to the target) count as already explored: an
    /// 8.5 answer is not "rushing to action" merely because the drill began with it.
    public static func context(target: Marker, clientLine: String?, exemplar: String?) -> AssessmentContext {
        var context = AssessmentContext(
            clientLine: clientLine ?? "", expects: [target],
            evidenced: Set(Marker.allCases.filter { $0 < target }), turn: 1, exemplar: exemplar)
        // An item asks for its target marker, so its exemplar is the line to try whatever the answer served.
        context.exemplarServesTheTask = true
        return context
    }

    /// The least score of a secondary reading that counts for an item (see `ItemReading`). Half of the
    /// scale: a reading the words point at clearly, not a passing mention.
    public static let strongReadingScore = 0.5

    /// The pass rule for a quick-fire answer or a rewrite, in words (two lines), for the result.
    public static let ruleText =
        "An answer passes its item when it partners on the item's marker,\n"
        + "as the primary verdict or as a strong secondary reading (score 0.50 or more)."

    /// How the answer met the target marker, partnering; nil when it did not. The answer as a whole must
    /// partner, and so must the reading of the target marker.
    public static func reading(_ assessment: Assessment, target: Marker) -> ItemReading? {
        guard assessment.stance == .partner else { return nil }
        if assessment.marker == target { return .primary }
        let strong = assessment.hits.dropFirst().first {
            $0.marker == target && $0.stance == .partner && $0.score >= strongReadingScore
        }
        return strong.map { .strong(score: $0.score) }
    }

    /// A quick-fire answer or a rewrite passes when it partners and serves the target marker, as the
    /// primary verdict or as a strong secondary reading (`reading(_:target:)`).
    public static func passes(_ assessment: Assessment, target: Marker) -> Bool {
        reading(assessment, target: target) != nil
    }

    /// A scenario passes when it reached an end and every criterion the item gives holds (see `ScenarioTask`).
    public static func passes(_ task: ScenarioTask, answers: [Assessment], endedOn endBeat: String?) -> Bool {
        guard let endBeat else { return false }
        if !task.endBeats.isEmpty, !task.endBeats.contains(endBeat) { return false }
        let rate = task.minimumPartnerRate ?? (task.endBeats.isEmpty ? ScenarioTask.defaultPartnerRate : nil)
        if let rate {
            let card = AnswerLog(answers).scorecard
            guard card.turns > 0, card.partnerRate >= rate else { return false }
        }
        return true
    }
}

/// What happened in one item.
public struct DrillItemOutcome: Sendable, Equatable {
    /// 0-based index in the pack.
    public var index: Int
    public var answers: [Assessment]
    /// The end beat a scenario item reached; nil when it was left before its end (or is not a scenario).
    public var endBeat: String?
    public var elapsedSeconds: Double
    public var passed: Bool
    /// The participant moved on without finishing (`:skip`), or the drill ended first.
    public var unfinished: Bool

    public init(
        index: Int, answers: [Assessment], endBeat: String? = nil, elapsedSeconds: Double, passed: Bool,
        unfinished: Bool = false
    ) {
        self.index = index
        self.answers = answers
        self.endBeat = endBeat
        self.elapsedSeconds = elapsedSeconds
        self.passed = passed
        self.unfinished = unfinished
    }

    public func overtime(limit: Int) -> Bool {
        elapsedSeconds > Double(limit)
    }
}

/// A participant's result over the whole pack. Items never reached count as not passed.
public struct DrillResult: Sendable, Equatable {
    public struct MarkerSummary: Sendable, Equatable {
        public var marker: Marker
        /// Items aimed at this marker (quick-fire and rewrite), and how many of them passed.
        public var items: Int
        public var itemsPassed: Int
        /// Answers anywhere in the drill judged to serve this marker.
        public var partnered: Int
        public var advised: Int
        public var neutral: Int
    }

    public let pack: DrillPack
    /// One per item reached, in pack order.
    public let outcomes: [DrillItemOutcome]

    public init(pack: DrillPack, outcomes: [DrillItemOutcome]) {
        self.pack = pack
        self.outcomes = outcomes
    }

    public var itemCount: Int { pack.items.count }
    public var itemsPassed: Int { outcomes.filter(\.passed).count }

    public var itemShare: Double {
        itemCount == 0 ? 0 : Double(itemsPassed) / Double(itemCount)
    }

    /// Every answer of the drill, in order.
    public var scorecard: Scorecard {
        AnswerLog(outcomes.flatMap(\.answers)).scorecard
    }

    /// Required markers the participant never partnered on.
    public var missingMarkers: [Marker] {
        let partnered = Set(outcomes.flatMap(\.answers).filter { $0.stance == .partner }.compactMap(\.marker))
        return pack.pass.requiredMarkers.filter { !partnered.contains($0) }
    }

    /// Small tolerance so 7 of 10 meets 70% despite floating point.
    public var passed: Bool {
        itemShare + 1e-9 >= pack.pass.minimumItemShare && missingMarkers.isEmpty
    }

    /// Markers that an item aims at or an answer served, in marker order.
    public var markerSummaries: [MarkerSummary] {
        let tallies = scorecard.tallies
        return Marker.allCases.compactMap { marker in
            let aimed = pack.items.indices.filter { pack.items[$0].target == marker }
            let passedCount = outcomes.filter { aimed.contains($0.index) && $0.passed }.count
            let tally = tallies.first { $0.marker == marker }
            let summary = MarkerSummary(
                marker: marker, items: aimed.count, itemsPassed: passedCount, partnered: tally?.partnered ?? 0,
                advised: tally?.advised ?? 0, neutral: tally?.neutral ?? 0)
            return summary.items + summary.partnered + summary.advised + summary.neutral > 0 ? summary : nil
        }
    }
}
