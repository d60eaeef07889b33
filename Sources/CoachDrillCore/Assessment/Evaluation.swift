/// A labelled coach line: what a person judged it to be.
public struct LabelledLine: Sendable, Equatable {
    public var marker: Marker?
    public var stance: Stance
    public var text: String
    /// 1-based line in the source file.
    public var line: Int

    public init(marker: Marker?, stance: Stance, text: String, line: Int) {
        self.marker = marker
        self.stance = stance
        self.text = text
        self.line = line
    }
}

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

/// The engine measured on a labelled set.
public struct Evaluation: Sendable {
    public var marker: ConfusionMatrix
    public var stance: ConfusionMatrix
    /// Lines where the engine disagreed with the label.
    public var misses: [(line: LabelledLine, got: Assessment)]

    public init(lines: [LabelledLine], assessor: Assessor = Assessor()) {
        marker = ConfusionMatrix(labels: Marker.allCases.map(\.id) + ["none"])
        stance = ConfusionMatrix(labels: Stance.allCases.map(\.rawValue))
        misses = []
        for line in lines {
            let got = assessor.assess(line.text)
            marker.record(expected: line.marker?.id ?? "none", predicted: got.marker?.id ?? "none")
            stance.record(expected: line.stance.rawValue, predicted: got.stance.rawValue)
            if got.marker != line.marker || got.stance != line.stance { misses.append((line, got)) }
        }
    }
}

/// Reads `marker<TAB>stance<TAB>text` lines; a header line and blank lines are skipped.
public enum LabelledCorpus {
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformed(line: Int, reason: String)

        public var description: String {
            switch self {
            case .malformed(let line, let reason): "line \(line): \(reason)"
            }
        }
    }

    public static func parse(_ text: String) throws(ParseError) -> [LabelledLine] {
        var lines: [LabelledLine] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let row = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if row.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = row.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                throw .malformed(line: number, reason: "expected marker<TAB>stance<TAB>text, found \(fields.count) field(s)")
            }
            if number == 1, fields[0] == "marker" { continue }
            let markerField = String(fields[0])
            let marker = Marker(id: markerField)
            guard marker != nil || markerField == "none" else {
                throw .malformed(line: number, reason: "unknown marker '\(markerField)' (use 8.1 to 8.9 or none)")
            }
            guard let stance = Stance(rawValue: String(fields[1])) else {
                throw .malformed(line: number, reason: "unknown stance '\(fields[1])' (use partner, advise or neutral)")
            }
            lines.append(LabelledLine(marker: marker, stance: stance, text: String(fields[2]), line: number))
        }
        return lines
    }
}
