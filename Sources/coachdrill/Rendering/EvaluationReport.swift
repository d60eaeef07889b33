import CoachDrillCore

/// `classify --eval`: accuracy, per-class scores and confusion matrices, as aligned text.
enum EvaluationReport {
    static func render(_ evaluation: Evaluation, showMisses: Bool) -> String {
        var out = "lines: \(evaluation.stance.total)\n\n"
        out += section("stance", evaluation.stance)
        out += "\n" + section("marker", evaluation.marker)
        if showMisses, !evaluation.misses.isEmpty {
            out += "\ndisagreements (line: expected -> got):\n"
            for (line, got) in evaluation.misses {
                let expected = "\(line.marker?.id ?? "none")/\(line.stance)"
                let actual = "\(got.marker?.id ?? "none")/\(got.stance)"
                out += "  \(line.line): \(expected) -> \(actual)  \(line.text)\n"
            }
        }
        return out
    }

    private static func section(_ name: String, _ matrix: ConfusionMatrix) -> String {
        var out = "\(name) accuracy: \(percent(matrix.accuracy))\n"
        out += pad("class", 9) + pad("precision", 11) + pad("recall", 9) + pad("f1", 8) + "support\n"
        for score in matrix.scores {
            out += pad(score.label, 9) + pad(percent(score.precision), 11) + pad(percent(score.recall), 9)
                + pad(percent(score.f1), 8) + "\(score.support)\n"
        }
        out += "\nconfusion (rows: expected, columns: got)\n" + pad("", 9)
        out += matrix.labels.map { pad($0, 8) }.joined() + "\n"
        for (i, label) in matrix.labels.enumerated() {
            out += pad(label, 9) + matrix.counts[i].map { pad(String($0), 8) }.joined() + "\n"
        }
        return out
    }

    private static func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
