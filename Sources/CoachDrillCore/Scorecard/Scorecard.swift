/// A session's results: per-marker partnered/advised counts, traps, and the best and weakest moments.
public struct Scorecard: Sendable, Equatable {
    public struct MarkerTally: Sendable, Equatable {
        public var marker: Marker
        public var partnered: Int
        public var advised: Int
        public var neutral: Int

        public var evidenced: Bool { partnered + advised + neutral > 0 }
    }

    public struct Moment: Sendable, Equatable {
        public var turn: Int
        public var assessment: Assessment
    }

    public private(set) var tallies: [MarkerTally]
    /// Trap counts in first-seen order.
    public private(set) var traps: [(trap: Trap, count: Int)]
    public private(set) var turns: Int
    public private(set) var partneredTurns: Int
    public private(set) var advisedTurns: Int
    public private(set) var best: Moment?
    public private(set) var weakest: Moment?

    public init() {
        tallies = Marker.allCases.map { MarkerTally(marker: $0, partnered: 0, advised: 0, neutral: 0) }
        traps = []
        turns = 0
        partneredTurns = 0
        advisedTurns = 0
    }

    public init(assessments: [Assessment]) {
        self.init()
        for assessment in assessments { record(assessment) }
    }

    /// Share of answers that partnered, 0...1.
    public var partnerRate: Double {
        turns == 0 ? 0 : Double(partneredTurns) / Double(turns)
    }

    public mutating func record(_ assessment: Assessment) {
        turns += 1
        switch assessment.stance {
        case .partner: partneredTurns += 1
        case .advise: advisedTurns += 1
        case .neutral: break
        }
        if let marker = assessment.marker, let index = tallies.firstIndex(where: { $0.marker == marker }) {
            switch assessment.stance {
            case .partner: tallies[index].partnered += 1
            case .advise: tallies[index].advised += 1
            case .neutral: tallies[index].neutral += 1
            }
        }
        for trap in assessment.traps {
            if let index = traps.firstIndex(where: { $0.trap == trap }) {
                traps[index].count += 1
            } else {
                traps.append((trap, 1))
            }
        }
        let moment = Moment(turn: turns, assessment: assessment)
        if Self.strength(assessment) > (best.map { Self.strength($0.assessment) } ?? -.infinity) { best = moment }
        if Self.strength(assessment) < (weakest.map { Self.strength($0.assessment) } ?? .infinity) { weakest = moment }
    }

    /// How good a moment is: partnering on a marker beats partnering on none; advising with traps is worst.
    private static func strength(_ assessment: Assessment) -> Double {
        let stance: Double = switch assessment.stance {
        case .partner: 2
        case .neutral: 0
        case .advise: -2
        }
        let marker = assessment.marker == nil ? 0 : (assessment.hits.first?.score ?? 0)
        return stance + (assessment.stance == .advise ? -marker : marker) - Double(assessment.traps.count) * 0.5
    }

    public static func == (lhs: Scorecard, rhs: Scorecard) -> Bool {
        lhs.tallies == rhs.tallies && lhs.turns == rhs.turns && lhs.partneredTurns == rhs.partneredTurns
            && lhs.advisedTurns == rhs.advisedTurns && lhs.traps.map(\.trap) == rhs.traps.map(\.trap)
            && lhs.traps.map(\.count) == rhs.traps.map(\.count) && lhs.best == rhs.best && lhs.weakest == rhs.weakest
    }
}
