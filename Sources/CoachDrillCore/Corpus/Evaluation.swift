/// Accuracy, per-class precision/recall/F1 and a confusion matrix for one labelling dimension.
public struct ConfusionMatrix: Sendable, Equatable {
    public struct ClassScore: Sendable, Equatable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public let labels: [String]
    /// counts[expected][predicted]
    public private(set) var counts: [[Int]]

    public init(labels: [String]) {
        self.labels = labels
        counts = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
    }

    public mutating func record(expected: String, predicted: String) {
        guard let e = labels.firstIndex(of: expected), let p = labels.firstIndex(of: predicted) else { return }
        counts[e][p] += 1
    }

    public var total: Int { counts.joined().reduce(0, +) }

    public var accuracy: Double {
        let correct = labels.indices.reduce(0) { $0 + counts[$1][$1] }
        return total == 0 ? 0 : Double(correct) / Double(total)
    }

    public var scores: [ClassScore] {
        labels.indices.map { i in
            let truePositives = Double(counts[i][i])
            let predicted = Double(labels.indices.reduce(0) { $0 + counts[$1][i] })
            let actual = Double(counts[i].reduce(0, +))
            let precision = predicted == 0 ? 0 : truePositives / predicted
            let recall = actual == 0 ? 0 : truePositives / actual
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return ClassScore(label: labels[i], precision: precision, recall: recall, f1: f1, support: Int(actual))
        }
    }
}

/// The engine measured on a labelled set: overall, and for each style of writing.
public struct Evaluation: Sendable {
    public var marker: ConfusionMatrix
    public var stance: ConfusionMatrix
    /// Stance and marker on the lines carrying each style tag (a line counts under each of its tags).
    public var byStyle: [(style: StyleTag, stance: ConfusionMatrix, marker: ConfusionMatrix)]
    /// Lines where the engine disagreed with the label.
    public var misses: [(line: LabelledLine, got: Label)]

    public static let markerLabels = Marker.allCases.map(\.id) + ["none"]
    public static let stanceLabels = Stance.allCases.map(\.rawValue)

    /// Judges every line with its client line as context, as a session would.
    public init(lines: [LabelledLine], assessor: Assessor = Assessor()) {
        self.init(lines: lines) { line in
            let assessment = assessor.assess(line.text, context: AssessmentContext(clientLine: line.clientLine))
            return Label(marker: assessment.marker, stance: assessment.stance)
        }
    }

    /// Measures any judge of lines (the engine, or one of its parts on its own).
    public init(lines: [LabelledLine], judge: (LabelledLine) -> Label) {
        marker = ConfusionMatrix(labels: Self.markerLabels)
        stance = ConfusionMatrix(labels: Self.stanceLabels)
        var styles: [StyleTag: (stance: ConfusionMatrix, marker: ConfusionMatrix)] = [:]
        misses = []
        for line in lines {
            let got = judge(line)
            let expectedMarker = line.marker?.id ?? "none"
            let gotMarker = got.marker?.id ?? "none"
            marker.record(expected: expectedMarker, predicted: gotMarker)
            stance.record(expected: line.stance.rawValue, predicted: got.stance.rawValue)
            for style in Set(line.styles) {
                var matrices = styles[style]
                    ?? (ConfusionMatrix(labels: Self.stanceLabels), ConfusionMatrix(labels: Self.markerLabels))
                matrices.stance.record(expected: line.stance.rawValue, predicted: got.stance.rawValue)
                matrices.marker.record(expected: expectedMarker, predicted: gotMarker)
                styles[style] = matrices
            }
            if got.marker != line.marker || got.stance != line.stance { misses.append((line, got)) }
        }
        byStyle = styles.sorted { $0.key < $1.key }.map { ($0.key, $0.value.stance, $0.value.marker) }
    }

    /// Of the lines labelled advise, the share the engine called advise.
    public var adviseRecall: Double { stance.recall(of: Stance.advise.rawValue) }

    /// Of the lines labelled partner, the share the engine called advise: praise withheld from good work.
    public var partnerCalledAdvised: Double {
        stance.share(of: Stance.partner.rawValue, predictedAs: Stance.advise.rawValue)
    }
}

extension ConfusionMatrix {
    /// Of the lines expected as `label`, the share predicted as `label`.
    public func recall(of label: String) -> Double {
        share(of: label, predictedAs: label)
    }

    /// Of the lines expected as `expected`, the share predicted as `predicted`.
    public func share(of expected: String, predictedAs predicted: String) -> Double {
        guard let e = labels.firstIndex(of: expected), let p = labels.firstIndex(of: predicted) else { return 0 }
        let total = support(of: expected)
        return total == 0 ? 0 : Double(counts[e][p]) / Double(total)
    }

    /// How many lines were expected as `label`.
    public func support(of label: String) -> Int {
        labels.firstIndex(of: label).map { counts[$0].reduce(0, +) } ?? 0
    }
}
