/// One label: the marker a coach turn serves (nil for none) and its stance.
public struct Label: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var marker: Marker?
    public var stance: Stance

    public init(marker: Marker?, stance: Stance) {
        self.marker = marker
        self.stance = stance
    }

    /// "8.5/advise", "none/partner": the form the corpus's adjudication notes use.
    public var description: String { "\(marker?.id ?? "none")/\(stance)" }

    /// Reads "8.5/advise" or "none/neutral".
    public init?(_ text: Substring) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let stance = Stance(rawValue: String(parts[1])) else { return nil }
        if parts[0] == "none" {
            self.init(marker: nil, stance: stance)
        } else if let marker = Marker(id: String(parts[0])) {
            self.init(marker: marker, stance: stance)
        } else {
            return nil
        }
    }
}

/// Which part of the corpus a line belongs to. A writing batch goes whole into one split.
public enum CorpusSplit: String, CaseIterable, Sendable {
    /// What the engine learns from.
    case train
    /// What choices are made on.
    case dev
    /// Reported only: nothing is tuned or chosen by looking at it.
    case test
}

/// How a line is written (docs/annotation.md, section 3). A line may carry several.
public enum StyleTag: String, CaseIterable, Sendable, Comparable {
    case multi, hedged, speech, regional
    case looksAdvice = "looks-advice"
    case looksInvite = "looks-invite"
    case plain
    /// A line from the team's first two corpora, written before the style tags existed.
    case legacy
    /// A coach line of the scenario library's checks, labelled blind like any other line but not written to
    /// the style quotas (training only).
    case scenario

    public static func < (a: StyleTag, b: StyleTag) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// A labelled coach turn: what people judged it to be, with where it came from.
public struct LabelledLine: Sendable, Equatable {
    /// The decided label: the first annotator's, or the third reading's where the two disagreed.
    public var label: Label
    public var text: String
    /// The client's previous line, or empty.
    public var clientLine: String
    public var id: String
    public var split: CorpusSplit?
    public var batch: String
    public var styles: [StyleTag]
    /// The blind second annotator's label; nil for lines labelled once (the first corpora).
    public var secondLabel: Label?
    /// The first annotator's label, when a third reading overturned it (else it is `label`).
    public var overturnedFirstLabel: Label?
    /// Why the third reading decided as it did; empty when the two annotators agreed.
    public var adjudication: String
    /// 1-based line in the source file.
    public var line: Int

    public var marker: Marker? { label.marker }
    public var stance: Stance { label.stance }
    /// The first annotator's label as they gave it.
    public var firstLabel: Label { overturnedFirstLabel ?? label }

    public init(
        marker: Marker?, stance: Stance, text: String, line: Int, clientLine: String = "", id: String = "",
        split: CorpusSplit? = nil, batch: String = "", styles: [StyleTag] = [], secondLabel: Label? = nil,
        overturnedFirstLabel: Label? = nil, adjudication: String = ""
    ) {
        self.label = Label(marker: marker, stance: stance)
        self.text = text
        self.line = line
        self.clientLine = clientLine
        self.id = id
        self.split = split
        self.batch = batch
        self.styles = styles
        self.secondLabel = secondLabel
        self.overturnedFirstLabel = overturnedFirstLabel
        self.adjudication = adjudication
    }
}
