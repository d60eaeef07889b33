/// How far two annotators, labelling the same lines blind, agreed: percent agreement, Cohen's kappa and
/// the confusion between them, for stance and for marker. Only lines with both labels count.
public struct Agreement: Sendable {
    /// Rows: the first annotator's label; columns: the second's.
    public var stance: ConfusionMatrix
    public var marker: ConfusionMatrix
    /// Lines where the two disagreed on either label, and so were decided by a third reading.
    public var adjudicated: Int

    public init(lines: [LabelledLine]) {
        stance = ConfusionMatrix(labels: Evaluation.stanceLabels)
        marker = ConfusionMatrix(labels: Evaluation.markerLabels)
        adjudicated = 0
        for line in lines {
            guard let second = line.secondLabel else { continue }
            let first = line.firstLabel
            stance.record(expected: first.stance.rawValue, predicted: second.stance.rawValue)
            marker.record(expected: first.marker?.id ?? "none", predicted: second.marker?.id ?? "none")
            if first != second { adjudicated += 1 }
        }
    }
}

extension ConfusionMatrix {
    /// Cohen's kappa: agreement beyond what two raters with these label frequencies would reach by chance.
    /// 1 is perfect agreement, 0 is chance. Zero when there is nothing to compare.
    public var kappa: Double {
        let n = Double(total)
        guard n > 0 else { return 0 }
        let expectedByChance = labels.indices.reduce(0.0) { sum, i in
            let rowTotal = Double(counts[i].reduce(0, +))
            let columnTotal = Double(labels.indices.reduce(0) { $0 + counts[$1][i] })
            return sum + rowTotal * columnTotal / (n * n)
        }
        guard expectedByChance < 1 else { return 1 }
        return (accuracy - expectedByChance) / (1 - expectedByChance)
    }
}
