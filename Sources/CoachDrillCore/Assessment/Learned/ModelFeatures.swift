/// The features of a line as the learned model's feature numbers: what the assessor judges with.
///
/// It reads the line exactly as `NamedFeatures` does (a test checks this on every corpus line), but looks
/// each word up once in the model's `WordTable` instead of building and hashing a name for each of its
/// word, stem and pair features, which is most of a line's features. Features the model does not know
/// are dropped here: they weigh nothing.
struct ModelFeatures: LineFeatureSink {
    let vocabulary: LearnedModel.Vocabulary
    /// Every known feature found, with where it came from, in the order found (a feature can occur more
    /// than once).
    private(set) var found: [(feature: Int, span: Range<Int>?)] = []

    init(vocabulary: LearnedModel.Vocabulary) {
        self.vocabulary = vocabulary
    }

    /// The known features, by number, each once, in the order first found: what the model sums.
    var numbers: [Int] {
        var seen = FeatureSet(count: vocabulary.numbers.count)
        var unique: [Int] = []
        unique.reserveCapacity(found.count)
        for (feature, _) in found where seen.insert(feature) { unique.append(feature) }
        return unique
    }

    mutating func add(_ name: String, span: Range<Int>?) {
        if let number = vocabulary.numbers[name] { found.append((number, span)) }
    }

    private mutating func add(_ number: Int?, _ span: Range<Int>) {
        if let number { found.append((number, span)) }
    }

    mutating func addWords(of clause: Range<Int>, in tokens: [Token], inAsk: Bool) {
        typealias Family = LineFeatures.WordFamily
        var previous: LearnedModel.Vocabulary.Word?
        for t in clause {
            let word = tokens[t].word
            let span = tokens[t].start..<tokens[t].end
            let entry = vocabulary.entry(of: tokens[t])
            if let entry {
                add(entry.word.plain, span)
                if inAsk { add(entry.word.inAsk, span) }
                add(entry.stem.plain, span)
                if inAsk { add(entry.stem.inAsk, span) }
            } else {
                // A word no word or pair feature names may still share a known stem ("reframing").
                let stem = LineFeatures.stem(word)
                if stem != word {
                    add(Family.stem + stem, span: span)
                    if inAsk { add(Family.inAsk + Family.stem + stem, span: span) }
                }
            }
            if let previous, let entry, let pair = vocabulary.pairs[.init(first: previous.id, second: entry.id)] {
                let pairSpan = tokens[t - 1].start..<tokens[t].end
                add(pair.plain, pairSpan)
                if inAsk { add(pair.inAsk, pairSpan) }
            }
            previous = entry
        }
    }

    mutating func addClientWords(_ words: Set<String>) {
        for word in words {
            if let number = vocabulary.words[word]?.client { found.append((number, nil)) }
        }
    }

    mutating func addCue(_ cue: LineFeatures.CueFeatures, span: Range<Int>?) {
        for number in vocabulary.cueFeatures[cue] ?? [] { found.append((number, span)) }
    }
}

extension LearnedModel {
    /// The model's feature names, numbered, with the word features also filed by word, so that a line's
    /// word features cost one lookup a word.
    struct Vocabulary: Sendable {
        /// A feature's number in the plain and in the `ask:` form; nil when the model does not weigh it.
        struct Numbers: Sendable {
            var plain: Int?
            var inAsk: Int?
        }

        /// What the model knows about one word.
        struct Word: Sendable {
            /// The word's own number here, for finding pairs.
            let id: Int
            var word = Numbers()
            /// The features of the word's stem, when it differs from the word.
            var stem = Numbers()
            var client: Int?
        }

        /// What the model knows about a token's word. The token must be numbered with `Lexicon.shared`, as
        /// `LineReading` numbers it (or not numbered at all).
        func entry(of token: Token) -> Word? {
            token.id >= 0 ? wordsByLexiconID[Int(token.id)] : words[token.word]
        }

        struct Pair: Hashable, Sendable {
            let first: Int
            let second: Int
        }

        let numbers: [String: Int]
        let words: [String: Word]
        /// `words` again for the words the `Lexicon` numbers, by that number: a token the tokenizer numbered
        /// (most of a line's words: "you", "what", "next") finds its entry without hashing its word again.
        private let wordsByLexiconID: [Word?]
        let pairs: [Pair: Numbers]
        /// The known features of each cue as a line can have it, by number, in the order named: built once
        /// here, so a line's cues cost a look-up each rather than five names built and hashed.
        let cueFeatures: [LineFeatures.CueFeatures: [Int]]

        init(names: [String]) {
            // The catalogue `NamedFeatures` names cues by: the two must agree.
            let catalogue = CueCatalogue.all
            typealias Family = LineFeatures.WordFamily
            numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            var words: [String: Word] = [:]
            func entry(_ word: Substring) -> String {
                let word = String(word)
                if words[word] == nil { words[word] = Word(id: words.count) }
                return word
            }
            var pairs: [Pair: Numbers] = [:]
            for (number, name) in names.enumerated() {
                var rest = Substring(name)
                let inAsk = rest.hasPrefix(Family.inAsk)
                if inAsk { rest = rest.dropFirst(Family.inAsk.count) }
                func set(_ numbers: inout Numbers) {
                    if inAsk { numbers.inAsk = number } else { numbers.plain = number }
                }
                if rest.hasPrefix(Family.word) {
                    set(&words[entry(rest.dropFirst(Family.word.count)), default: Word(id: -1)].word)
                } else if rest.hasPrefix(Family.pair) {
                    let both = rest.dropFirst(Family.pair.count).split(separator: " ", maxSplits: 1)
                    guard both.count == 2, let first = words[entry(both[0])], let second = words[entry(both[1])]
                    else { continue }
                    set(&pairs[Pair(first: first.id, second: second.id), default: Numbers()])
                } else if !inAsk, rest.hasPrefix(Family.client) {
                    words[entry(rest.dropFirst(Family.client.count)), default: Word(id: -1)].client = number
                }
            }
            // A word's stem features, found once here rather than for every line it is in.
            for word in words.keys {
                let stem = LineFeatures.stem(word)
                guard stem != word else { continue }
                words[word]?.stem = Numbers(
                    plain: numbers[Family.stem + stem], inAsk: numbers[Family.inAsk + Family.stem + stem])
            }
            self.words = words
            wordsByLexiconID = Lexicon.shared.words.map { words[$0] }
            self.pairs = pairs
            var cueFeatures: [LineFeatures.CueFeatures: [Int]] = [:]
            let numbered = numbers
            for (number, cue) in catalogue.enumerated() {
                let reference = CueReference(number: Int32(number), role: cue.role)
                for reported in [false, true] {
                    for form in Clause.Form.allCases {
                        for inAsk in [false, true] {
                            let found = LineFeatures.CueFeatures(cue: reference, reported: reported, form: form, inAsk: inAsk)
                            let known = found.names(of: catalogue).compactMap { numbered[$0] }
                            if !known.isEmpty { cueFeatures[found] = known }
                        }
                    }
                }
            }
            self.cueFeatures = cueFeatures
        }
    }
}

/// A set of the model's feature numbers, one bit each: how a line's features drop their repeats. A long line
/// finds several hundred features, many of them more than once ("you", "you want"); sorting them to find the
/// repeats, or hashing them into a `Set`, cost more than the sums they feed, and a flag a feature would be
/// 44 KB to clear for every line (this is 5.5 KB).
struct FeatureSet {
    private var words: [UInt64]

    /// An empty set of the numbers 0 ..< `count`.
    init(count: Int) {
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// Adds `feature`; whether it was not there before.
    mutating func insert(_ feature: Int) -> Bool {
        let (word, bit) = feature.quotientAndRemainder(dividingBy: 64)
        let mask: UInt64 = 1 << bit
        guard words[word] & mask == 0 else { return false }
        words[word] |= mask
        return true
    }
}
