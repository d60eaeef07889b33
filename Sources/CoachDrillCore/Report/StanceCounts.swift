/// How many answers partnered, advised or were neutral, and the rates derived from them.
///
/// Rates are shares of all answers counted here (neutral ones included), the same definition as the
/// scorecard's "partnered: 2 (67%)", so a report and a session's own scorecard agree.
public struct StanceCounts: Sendable, Equatable, Hashable {
    public var partnered: Int
    public var advised: Int
    public var neutral: Int

    public init(partnered: Int = 0, advised: Int = 0, neutral: Int = 0) {
        self.partnered = partnered
        self.advised = advised
        self.neutral = neutral
    }

    public var total: Int { partnered + advised + neutral }

    /// 0...1; 0 when there are no answers.
    public var partnerRate: Double { total == 0 ? 0 : Double(partnered) / Double(total) }
    public var adviseRate: Double { total == 0 ? 0 : Double(advised) / Double(total) }

    public mutating func add(_ stance: Stance) {
        switch stance {
        case .partner: partnered += 1
        case .advise: advised += 1
        case .neutral: neutral += 1
        }
    }

    public mutating func add(_ other: StanceCounts) {
        partnered += other.partnered
        advised += other.advised
        neutral += other.neutral
    }
}

/// One marker's counts (answers whose primary marker it was).
public struct MarkerCounts: Sendable, Equatable {
    public var marker: Marker
    public var counts: StanceCounts

    public init(marker: Marker, counts: StanceCounts = StanceCounts()) {
        self.marker = marker
        self.counts = counts
    }

    /// All nine markers, zeroed, in catalogue order.
    static var empty: [MarkerCounts] { Marker.allCases.map { MarkerCounts(marker: $0) } }
}

/// How often a trap was hit, and by how many sessions and people.
public struct TrapCount: Sendable, Equatable {
    public var trap: Trap
    public var count: Int
    public var sessions: Int
    public var trainees: Int

    public init(trap: Trap, count: Int, sessions: Int, trainees: Int) {
        self.trap = trap
        self.count = count
        self.sessions = sessions
        self.trainees = trainees
    }
}
