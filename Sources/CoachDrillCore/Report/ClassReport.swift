/// The workshop view over drill transcripts: who evidenced which marker, which items were hard, which
/// traps the room fell into (with anonymised example lines), and how many passed.
///
/// A participant who ran a pack more than once counts with one run of it: their latest scored run (one
/// with a pass/fail result), or their latest run when none was scored. That keeps "share of participants"
/// honest when people retry.
public struct ClassReport: Sendable, Equatable {
    /// By name; `number` is the position (1-based) and matches "Participant N" in anonymised text.
    public var participants: [Participant]
    /// By pack id.
    public var packs: [PackReport]
    /// Most frequent first.
    public var traps: [ClassTrap]

    public struct Participant: Sendable, Equatable {
        public var number: Int
        public var name: String
        public var markers: [MarkerCounts]
        public var totals: StanceCounts
        /// Packs run (one run each, see above), scored (the run has a pass/fail result), and passed.
        public var packs: Int
        public var scored: Int
        public var passed: Int
        /// Items passed over those runs, of the items their packs hold (4 of 10), so a near miss and a
        /// blank run do not look the same.
        public var itemsPassed: Int
        public var items: Int
        /// The runs counted, by pack id.
        public var runs: [ClassRun]
    }

    public struct PackReport: Sendable, Equatable {
        public var id: String
        public var participants: Int
        /// Runs with a pass/fail result (the others were killed before they could write one).
        public var scored: Int
        public var passed: Int
        /// In pack order.
        public var items: [ItemReport]

        /// passed / scored; nil when no run has a result.
        public var passRate: Double? { scored == 0 ? nil : Double(passed) / Double(scored) }
    }

    public struct ItemReport: Sendable, Equatable {
        /// 0-based position in the pack.
        public var index: Int
        public var id: String
        public var kind: TranscriptItem.Kind?
        public var target: Marker?
        /// Participants who finished the item (it has an item event): answered it, skipped it, or were on it
        /// when the drill ended.
        public var attempts: Int
        /// Participants who gave it at least one answer.
        public var answered: Int
        /// Participants who moved on from it (`:skip`) without answering. The others of the pack's
        /// participants who did not answer never got to answer: the drill ended on the item or before it.
        public var skipped: Int
        public var passed: Int
        public var overtime: Int
        /// Every answer given on the item.
        public var answers: StanceCounts

        /// passed / attempts; nil when nobody finished the item.
        public var passRate: Double? { attempts == 0 ? nil : Double(passed) / Double(attempts) }
    }

    public struct ClassTrap: Sendable, Equatable {
        public var trap: Trap
        public var count: Int
        public var participants: Int
        /// Up to three distinct answers that hit the trap, with names and contact details taken out.
        public var examples: [String]
    }
}
