import CoachDrillCore

/// `classify --eval`: the headline figures, per-class scores, confusion matrices and accuracy per style tag,
/// as aligned text. The text quotes file names and corpus lines: the caller escapes it as a whole before it
/// reaches a terminal.
enum EvaluationReport {
    static func render(_ evaluation: Evaluation, heading: String, showMisses: Bool) -> String {
        var out = "\(heading): \(evaluation.stance.total) lines\n\n"
        let headline = [
            ("stance accuracy", evaluation.stance.accuracy),
            ("advise recall (advising lines called advised)", evaluation.adviseRecall),
            ("partnering lines called advised", evaluation.partnerCalledAdvised),
            ("marker accuracy", evaluation.marker.accuracy),
        ]
        for (name, value) in headline {
            out += pad(name + ":", 48) + percent(value) + "\n"
        }
        out += "\n"
        out += section("stance", evaluation.stance)
        out += "\n" + section("marker", evaluation.marker)
        if !evaluation.byStyle.isEmpty {
            out += "\nby style (a line counts under each of its tags)\n"
            out += pad("style", 14) + pad("lines", 7) + pad("stance", 8) + pad("marker", 8) + "advise recall\n"
            for (style, stance, marker) in evaluation.byStyle {
                let advise = Stance.advise.rawValue
                let recall = stance.support(of: advise) == 0 ? "-" : percent(stance.recall(of: advise))
                out += pad(style.rawValue, 14) + pad(String(stance.total), 7) + pad(percent(stance.accuracy), 8)
                    + pad(percent(marker.accuracy), 8) + recall + "\n"
            }
        }
        if showMisses, !evaluation.misses.isEmpty {
            out += "\ndisagreements (line: expected -> got):\n"
            for (line, got) in evaluation.misses {
                out += "  \(line.line): \(line.label) -> \(got)  \(line.text)\n"
            }
        }
        return out
    }

    static func section(_ name: String, _ matrix: ConfusionMatrix) -> String {
        var out = "\(name) accuracy: \(percent(matrix.accuracy))\n"
        out += pad("class", 9) + pad("precision", 11) + pad("recall", 9) + pad("f1", 8) + "support\n"
        for score in matrix.scores {
            out += pad(score.label, 9) + pad(percent(score.precision), 11) + pad(percent(score.recall), 9)
                + pad(percent(score.f1), 8) + "\(score.support)\n"
        }
        return out + "\n" + confusion(matrix, rows: "expected", columns: "got")
    }

    static func confusion(_ matrix: ConfusionMatrix, rows: String, columns: String) -> String {
        var out = "confusion (rows: \(rows), columns: \(columns))\n" + pad("", 9)
        out += matrix.labels.map { pad($0, 8) }.joined() + "\n"
        for (i, label) in matrix.labels.enumerated() {
            out += pad(label, 9) + matrix.counts[i].map { pad(String($0), 8) }.joined() + "\n"
        }
        return out
    }

    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

/// `classify --agreement`: how far the two blind annotators agreed, for stance and for marker.
enum AgreementReport {
    static func render(_ agreement: Agreement, heading: String) -> String {
        var out = "\(heading): \(agreement.stance.total) lines labelled twice"
        out += ", \(agreement.adjudicated) decided by a third reading\n\n"
        for (name, matrix) in [("stance", agreement.stance), ("marker", agreement.marker)] {
            out += "\(name): \(EvaluationReport.percent(matrix.accuracy)) agreement, Cohen's kappa \(decimal(matrix.kappa))\n"
        }
        for (name, matrix) in [("stance", agreement.stance), ("marker", agreement.marker)] {
            out += "\n\(name) " + EvaluationReport.confusion(matrix, rows: "first annotator", columns: "second")
        }
        return out
    }

    /// Three decimals, as kappa is usually given.
    static func decimal(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        let fraction = String(magnitude % 1000)
        return "\(sign)\(magnitude / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
