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
        /// weights[feature][class], features in the file's order.
        let weights: [[Double]]
        let regularisationC: Double

        enum CodingKeys: String, CodingKey {
            case classes, intercepts, weights
            case regularisationC = "regularisation_c"
        }
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

    let featureNumbers: [String: Int]
    let featureNames: [String]
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
        featureNumbers = Dictionary(uniqueKeysWithValues: file.features.enumerated().map { ($1, $0) })
        stance = file.stance
        marker = file.marker
        dev = file.dev
        trainingLines = file.trainingLines
    }

    /// One model's verdict on a line: the winning class, every class's probability, and what each of the
    /// line's features added to the winner against the runner-up.
    struct Decision {
        let label: String
        let runnerUp: String
        /// Softmax of the scores, by class, in the model's class order.
        let probabilities: [(label: String, probability: Double)]
        /// Features the line has, with their weight for the winner minus their weight for the runner-up,
        /// largest first. A feature the line has several times is listed once (the model counts it once).
        let contributions: [(feature: String, amount: Double)]
    }

    func decide(_ model: Linear, features: Set<Int>) -> Decision {
        // Summed in the features' order, then the intercept, as the trainer measured the dev figures: in
        // floating point the order of a sum can settle a near-tie, and a Set's order changes from run to run.
        var scores = [Double](repeating: 0, count: model.intercepts.count)
        for feature in features.sorted() {
            for k in scores.indices { scores[k] += model.weights[feature][k] }
        }
        for k in scores.indices { scores[k] += model.intercepts[k] }
        // Ties go to the earlier class (the file's order is sorted), so the verdict never depends on chance.
        var ranked = Array(scores.indices)
        ranked.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        let winner = ranked[0]
        let second = ranked.count > 1 ? ranked[1] : winner
        let top = scores[winner]
        let exponentials = scores.map { Foundation.exp($0 - top) }
        let total = exponentials.reduce(0, +)
        let contributions = features.map { feature in
            (feature: featureNames[feature], amount: model.weights[feature][winner] - model.weights[feature][second])
        }.sorted { $0.amount != $1.amount ? $0.amount > $1.amount : $0.feature < $1.feature }
        return Decision(
            label: model.classes[winner], runnerUp: model.classes[second],
            probabilities: scores.indices.map { (model.classes[$0], exponentials[$0] / total) },
            contributions: contributions)
    }

    /// What each feature adds to `label` against `other` (for a secondary marker: why it, rather than the
    /// primary one, was also likely).
    func decide(_ model: Linear, features: Set<Int>, as label: String, against other: String) -> [(feature: String, amount: Double)] {
        guard let k = model.classes.firstIndex(of: label), let r = model.classes.firstIndex(of: other) else { return [] }
        return features.map { (feature: featureNames[$0], amount: model.weights[$0][k] - model.weights[$0][r]) }
            .sorted { $0.amount != $1.amount ? $0.amount > $1.amount : $0.feature < $1.feature }
    }

    /// A marker other than the primary one is reported as a secondary reading from this probability up.
    static let secondaryProbability = 0.25

    /// The model's verdict on a line on its own, from the line's features.
    func judge(_ line: String, clientLine: String = "") -> Label {
        let known = known(LineFeatures.of(line, clientLine: clientLine))
        let stance = decide(self.stance, features: known).label
        return Label(marker: Marker(id: decide(marker, features: known).label), stance: Stance(rawValue: stance) ?? .neutral)
    }

    /// The numbers of the features the model knows among `features`.
    func known(_ features: [LineFeature]) -> Set<Int> {
        Set(features.compactMap { featureNumbers[$0.name] })
    }
}
