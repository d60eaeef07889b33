/// Where `LineFeatures` puts the features it finds in a line. Two sinks read every line the same way:
/// `NamedFeatures` keeps each feature's name (for training, tests and people), and `ModelFeatures` turns
/// them straight into the learned model's feature numbers (for judging, without building a name for every
/// word of every line).
protocol LineFeatureSink {
    /// A feature by its full name, e.g. `role:directive@statement`, with the bytes it came from.
    mutating func add(_ name: String, span: Range<Int>?)
    /// The word features of one clause: each word (`w:`), its stem when it differs (`s:`), and each two
    /// words in a row (`b:`), with the `ask:` twin of each when the clause is the turn's final ask.
    mutating func addWords(of clause: Range<Int>, in tokens: [Token], inAsk: Bool)
    /// The words of the client's previous line (`client:`).
    mutating func addClientWords(_ words: Set<String>)
    /// The features of a cue found in the line (`cue:`, `role:`, and their `ask:` and `reported` forms).
    mutating func addCue(_ cue: LineFeatures.CueFeatures, span: Range<Int>?)
}

extension LineFeatures {
    /// The name prefixes of the word features; `ModelFeatures` reads the model's vocabulary by them.
    enum WordFamily {
        static let word = "w:"
        static let stem = "s:"
        static let pair = "b:"
        static let client = "client:"
        static let inAsk = "ask:"
    }
}

/// The features of a line by name, as the trainer and `explain` see them.
struct NamedFeatures: LineFeatureSink {
    private(set) var features: [LineFeature] = []

    mutating func add(_ name: String, span: Range<Int>?) {
        features.append(LineFeature(name, span: span))
    }

    mutating func addWords(of clause: Range<Int>, in tokens: [Token], inAsk: Bool) {
        typealias Family = LineFeatures.WordFamily
        func both(_ name: String, _ span: Range<Int>) {
            add(name, span: span)
            if inAsk { add(Family.inAsk + name, span: span) }
        }
        for t in clause {
            let word = tokens[t].word
            let span = tokens[t].start..<tokens[t].end
            both(Family.word + word, span)
            let stem = LineFeatures.stem(word)
            if stem != word { both(Family.stem + stem, span) }
            if t + 1 < clause.upperBound {
                both(Family.pair + word + " " + tokens[t + 1].word, tokens[t].start..<tokens[t + 1].end)
            }
        }
    }

    mutating func addClientWords(_ words: Set<String>) {
        for word in words { add(LineFeatures.WordFamily.client + word, span: nil) }
    }

    mutating func addCue(_ cue: LineFeatures.CueFeatures, span: Range<Int>?) {
        for name in cue.names(of: CueCatalogue.all) { add(name, span: span) }
    }
}
