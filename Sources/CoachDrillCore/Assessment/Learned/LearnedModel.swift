import Foundation

/// The feedback engine's decision: two linear models over a line's features (`LineFeatures`), one for the
/// stance and one for the marker, with weights learned from the corpus by `make train` (Training/train.py)
/// and compiled in (`ModelWeights`). No weight is set by hand.
///
/// A class's score is its intercept plus the weights of the features the line has; the highest score wins.
/// Every verdict can be traced to the features that decided it: `Decision.contributions` lists, for the
/// winning class against the runner-up, what each feature added.
struct LearnedModel: Sendable {
    /// One multinomial logistic regression: per class an intercept, and per feature a weight for each class.
    struct Linear: Sendable, Decodable {
        let classes: [String]
        let intercepts: [Double]
        /// One row per feature, one weight per class in the row, rows in the file's feature order: the
        /// weight of feature f for class k is `weights[f * classes.count + k]` ten-thousandths (one flat
        /// array, so summing a line's rows touches no nested arrays).
        ///
        /// Whole ten-thousandths, as the file writes them, rather than decimals: a line's score is then an
        /// exact integer sum, whatever the order of its features, and the rows take half the memory.
        let weights: [Int32]
        let regularisationC: Double

        enum CodingKeys: String, CodingKey {
            case classes, intercepts, weights
            case regularisationC = "regularisation_c"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            classes = try container.decode([String].self, forKey: .classes)
            intercepts = try container.decode([Double].self, forKey: .intercepts)
            regularisationC = try container.decode(Double.self, forKey: .regularisationC)
            guard !classes.isEmpty, intercepts.count == classes.count else {
                throw DecodingError.dataCorruptedError(
                    forKey: .intercepts, in: container, debugDescription: "every class needs one intercept")
            }
            // One string a feature, its weight for each class in ten-thousandths, separated by one space:
            // the trainer rounds to four decimals (`DECIMALS` in Training/train.py), so this is exact, and
            // the rows of both models (about 88,000 strings) decode in a fraction of the time their 570,000
            // weights take as JSON numbers.
            let rows = try container.decode([String].self, forKey: .weights)
            var weights: [Int32] = []
            weights.reserveCapacity(rows.count * classes.count)
            for (feature, row) in rows.enumerated() {
                // Split as bytes: the rows are ASCII, and splitting by `Character` cost most of the load.
                let parts = row.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
                let values = parts.compactMap { Int32(Substring($0)) }
                guard parts.count == classes.count, values.count == parts.count else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .weights, in: container,
                        debugDescription: "feature \(feature + 1) needs one whole number of ten-thousandths per class")
                }
                weights += values
            }
            self.weights = weights
            scaledIntercepts = intercepts.map { Int(($0 * Self.scale).rounded()) }
        }

        /// Weights are stored in units of 1 / `scale` (`DECIMALS` in Training/train.py).
        static let scale = 10_000.0

        /// The intercepts in ten-thousandths, as the weights are (the file writes them to four decimals).
        let scaledIntercepts: [Int]

        /// The weight of feature `f` for class `k`, in ten-thousandths.
        func scaledWeight(_ f: Int, _ k: Int) -> Int {
            Int(weights[f * classes.count + k])
        }

        var featureCount: Int { classes.isEmpty ? 0 : weights.count / classes.count }
    }

    /// What the weights gave on the dev split when they were trained, recorded beside them (a test checks
    /// that the engine still gives exactly these).
    struct DevFigures: Sendable, Decodable, Equatable {
        let lines: Int
        let stanceAccuracy: Double
        let markerAccuracy: Double
        let adviseRecall: Double
        let partnerCalledAdvised: Double

        enum CodingKeys: String, CodingKey {
            case lines
            case stanceAccuracy = "stance_accuracy"
            case markerAccuracy = "marker_accuracy"
            case adviseRecall = "advise_recall"
            case partnerCalledAdvised = "partner_called_advised"
        }
    }

    private struct File: Decodable {
        let features: [String]
        let stance: Linear
        let marker: Linear
        let dev: DevFigures
        let trainingLines: Int

        enum CodingKeys: String, CodingKey {
            case features, stance, marker, dev
            case trainingLines = "training_lines"
        }
    }

    let vocabulary: Vocabulary
    let featureNames: [String]
    /// Whether each feature is about particular words, which a quote can show (`EvidenceQuotes.isWording`).
    let isWording: [Bool]
    let stance: Linear
    let marker: Linear
    let dev: DevFigures
    let trainingLines: Int

    static let shared = LearnedModel(json: ModelWeights.json)

    init(json: String) {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(json.utf8))
        } catch {
            // The weights are compiled in and checked by a test: a failure here is a build made wrong.
            preconditionFailure("the compiled-in model weights do not decode: \(error)")
        }
        featureNames = file.features
        vocabulary = Vocabulary(names: file.features)
        isWording = file.features.map(EvidenceQuotes.isWording)
        stance = file.stance
        marker = file.marker
        dev = file.dev
        trainingLines = file.trainingLines
    }

    /// One model's verdict on a line: the winning class, every class's probability, and, on demand, what
    /// each of the line's features added to the winner against the runner-up.
    struct Decision {
        let label: String
        let runnerUp: String
        /// Softmax of the scores, by class, in the model's class order.
        let probabilities: [(label: String, probability: Double)]
        fileprivate let winner: Int
        fileprivate let second: Int
        fileprivate let features: [Int]
        fileprivate let model: Linear

        /// The line's features (by number) that added at least `minimum` to the winner against the
        /// runner-up (their weight for the one minus their weight for the other), largest first. A feature
        /// the line has several times is listed once: the model counts it once. Worked out only when asked
        /// (a feedback line needs the few strongest; `explain` wants them all).
        func contributions(atLeast minimum: Double = -.infinity) -> [Contribution] {
            unsortedContributions(atLeast: minimum).sorted { $0.comesBefore($1) }
        }

        /// The same, in the order of the line's features: for evidence, which needs only the strongest few.
        func unsortedContributions(atLeast minimum: Double) -> [Contribution] {
            LearnedModel.contributions(model, features: features, for: winner, against: second, atLeast: minimum)
        }
    }

    /// What one feature did in a decision.
    struct Contribution {
        let feature: Int
        let amount: Double

        /// Whether this one is listed before `other`: the larger amount first, then the lower feature number,
        /// so that the order never depends on the order the features were found in.
        func comesBefore(_ other: Contribution) -> Bool {
            amount != other.amount ? amount > other.amount : feature < other.feature
        }
    }

    /// `features`: the line's known features, by number, without repeats (`ModelFeatures.numbers`).
    func decide(_ model: Linear, features: [Int]) -> Decision {
        // Whole ten-thousandths, summed exactly, as the trainer measured the dev figures (`predict` in
        // Training/train.py). Each weight fits `Int32`, so any line's sum fits `Int`. A class at a time, so the
        // running sum stays a local.
        let sums = model.classes.indices.map { k in
            features.reduce(model.scaledIntercepts[k]) { $0 + model.scaledWeight($1, k) }
        }
        let scores = sums.map { Double($0) / Linear.scale }
        // Ties go to the earlier class (the file's order is sorted), so the verdict never depends on chance.
        var ranked = Array(sums.indices)
        ranked.sort { sums[$0] != sums[$1] ? sums[$0] > sums[$1] : $0 < $1 }
        let winner = ranked[0]
        let second = ranked.count > 1 ? ranked[1] : winner
        let top = scores[winner]
        let exponentials = scores.map { Foundation.exp($0 - top) }
        let total = exponentials.reduce(0, +)
        return Decision(
            label: model.classes[winner], runnerUp: model.classes[second],
            probabilities: scores.indices.map { (model.classes[$0], exponentials[$0] / total) },
            winner: winner, second: second, features: features, model: model)
    }

    /// What each feature adds to `label` against `other` (for a secondary marker: why it, rather than the
    /// primary one, was also likely), in the order of the line's features.
    func contributions(
        _ model: Linear, features: [Int], as label: String, against other: String, atLeast minimum: Double = -.infinity
    ) -> [Contribution] {
        guard let k = model.classes.firstIndex(of: label), let r = model.classes.firstIndex(of: other) else { return [] }
        return Self.contributions(model, features: features, for: k, against: r, atLeast: minimum)
    }

    private static func contributions(
        _ model: Linear, features: [Int], for k: Int, against r: Int, atLeast minimum: Double
    ) -> [Contribution] {
        var found: [Contribution] = []
        for feature in features {
            let amount = Double(model.scaledWeight(feature, k) - model.scaledWeight(feature, r)) / Linear.scale
            if amount >= minimum { found.append(Contribution(feature: feature, amount: amount)) }
        }
        return found
    }

    /// A marker other than the primary one is reported as a secondary reading from this probability up.
    static let secondaryProbability = 0.25

    /// The model's verdict on a line on its own, from the line's features.
    func judge(_ line: String, clientLine: String = "") -> Label {
        let known = features(of: line, clientLine: clientLine).numbers
        let stance = decide(self.stance, features: known).label
        return Label(marker: Marker(id: decide(marker, features: known).label), stance: Stance(rawValue: stance) ?? .neutral)
    }

    /// The features of `line` the model knows.
    func features(of line: String, clientLine: String = "") -> ModelFeatures {
        let reading = LineReading(line)
        var found = ModelFeatures(vocabulary: vocabulary)
        LineFeatures.collect(
            tokens: reading.tokens, clauses: reading.clauses, matches: reading.matches, clientLine: clientLine, into: &found)
        return found
    }

    /// The features the model knows among `features` (found by name), by number, sorted, each once: the
    /// definition `ModelFeatures` must agree with (in any order).
    func known(_ features: [LineFeature]) -> [Int] {
        Array(Set(features.compactMap { vocabulary.numbers[$0.name] })).sorted()
    }
}
