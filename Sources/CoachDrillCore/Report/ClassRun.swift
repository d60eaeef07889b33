/// One participant's run of one pack, item by item: the gradebook's rows. The run is the one the class
/// report counts for that participant and pack (see `ClassReport`).
public struct ClassRun: Sendable, Equatable {
    public var pack: String
    /// The run's pass/fail, when it was written (a run killed before its end has none).
    public var passed: Bool?
    public var itemsPassed: Int
    /// Items in the pack: from the run's result, else as many as the class saw of it.
    public var items: Int
    /// Seconds over every item the run reached.
    public var seconds: Double
    /// One per item of the pack, in pack order; items the run never reached say so.
    public var rows: [Row]

    public struct Row: Sendable, Equatable {
        /// 0-based position in the pack.
        public var index: Int
        public var id: String
        public var kind: TranscriptItem.Kind?
        /// The marker the item asks for (quick-fire and rewrite).
        public var target: Marker?
        /// The answer's stance for a one-answer item; nil for a scenario or an item with no answer.
        public var stance: Stance?
        /// Answers given on the item (a scenario takes several).
        public var answers: Int
        public var passed: Bool
        /// Nil when the run never reached the item, or did not record its time.
        public var seconds: Double?
        public var overtime: Bool
        /// The run got to the item (it has an item event).
        public var reached: Bool
    }
}
