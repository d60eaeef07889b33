/// A judgement with its reasons, for `coachdrill explain`: for the stance and for the marker, the label
/// chosen, the runner-up, and every feature of the line that moved the choice between them.
public struct Explanation: Sendable {
    /// One feature's part in a decision.
    public struct Contribution: Sendable, Equatable {
        /// The feature as the model names it ("ask:b:who could").
        public var feature: String
        /// The same, for a person ("the words 'who could', in what the turn finally asks").
        public var description: String
        /// The feature's weight for the chosen label minus its weight for the runner-up: positive amounts
        /// pushed towards the verdict, negative ones against it.
        public var amount: Double
        /// The words of the line it came from, exactly as typed (none for facts about the whole line).
        public var quotes: [String]
    }

    /// One decision (the stance, or the marker) and why.
    public struct Reasoning: Sendable {
        public var chosen: String
        public var runnerUp: String
        /// Largest first; features that weigh the same for both labels are left out.
        public var contributions: [Contribution]

        init(_ decision: LearnedModel.Decision, quotes: EvidenceQuotes) {
            chosen = decision.label
            runnerUp = decision.runnerUp
            contributions = decision.contributions().filter { $0.amount != 0 }.map { contribution in
                let name = quotes.model.featureNames[contribution.feature]
                return Contribution(
                    feature: name, description: LineFeatures.describe(name), amount: contribution.amount,
                    quotes: quotes.texts(of: contribution.feature))
            }
        }
    }

    public var assessment: Assessment
    public var stance: Reasoning
    public var marker: Reasoning
}
