/// Turns a decision's strongest features into quotes of the line as typed: the words a coach reads in the
/// feedback line and in `explain`.
struct EvidenceQuotes {
    let bytes: [UInt8]
    /// The known features found in the line, each with where it came from (a feature can occur more than
    /// once; whole-line features have no place).
    let found: [(feature: Int, span: Range<Int>?)]
    let model: LearnedModel

    /// At most this many quotes, and only features that add at least `minimum` to the verdict.
    static let limit = 3
    static let minimum = 0.15

    init(bytes: [UInt8], found: [(feature: Int, span: Range<Int>?)], model: LearnedModel) {
        self.bytes = bytes
        self.found = found
        self.model = model
    }

    /// The strongest contributions to `decision` that point at words, joined where they touch, as exact
    /// quotes. Each quote names the feature that counted most in it.
    func evidence(_ decision: LearnedModel.Decision) -> [Evidence] {
        evidence(decision.unsortedContributions(atLeast: Self.minimum))
    }

    /// `contributions` in any order.
    func evidence(_ contributions: [LearnedModel.Contribution]) -> [Evidence] {
        // The `limit * 2` strongest features that point at words, strongest first, kept in one pass rather
        // than by sorting every contribution: a long line has a hundred, and sorting them was a tenth of
        // judging it. Every such feature has a place in the line (`LineFeatures`; a test checks it on the
        // corpus), so each gives at least one phrase.
        let wanted = Self.limit * 2
        var strongest: [LearnedModel.Contribution] = []
        strongest.reserveCapacity(wanted + 1)
        for contribution in contributions where contribution.amount >= Self.minimum {
            guard model.isWording[contribution.feature] else { continue }
            if strongest.count == wanted, let weakest = strongest.last, !contribution.comesBefore(weakest) { continue }
            strongest.insert(contribution, at: strongest.firstIndex { contribution.comesBefore($0) } ?? strongest.count)
            if strongest.count > wanted { strongest.removeLast() }
        }
        // Features by number until the few quotes kept are named (a name is a string to copy and release).
        var phrases: [(span: Range<Int>, amount: Double, feature: Int)] = []
        for contribution in strongest {
            for place in found where place.feature == contribution.feature {
                if let span = place.span { phrases.append((span, contribution.amount, contribution.feature)) }
            }
        }
        // Join phrases that overlap or stand a few words apart in the same sentence, so a quote reads as a
        // phrase ("Where are you now with what you wanted") rather than as scattered words.
        phrases.sort { $0.span.lowerBound < $1.span.lowerBound }
        var joined: [(span: Range<Int>, amount: Double, feature: Int)] = []
        for phrase in phrases {
            if let last = joined.last, closeEnough(last.span, phrase.span) {
                let span = last.span.lowerBound..<max(last.span.upperBound, phrase.span.upperBound)
                joined[joined.count - 1] = phrase.amount > last.amount
                    ? (span, phrase.amount, phrase.feature) : (span, last.amount, last.feature)
            } else {
                joined.append(phrase)
            }
        }
        // Quoted and described lazily: only the few quotes kept are worth building words for.
        let ranked = joined.sorted {
            $0.amount != $1.amount ? $0.amount > $1.amount : $0.span.lowerBound < $1.span.lowerBound
        }.lazy.map { (text: String(decoding: self.bytes[$0.span], as: UTF8.self), feature: $0.feature) }
        return Self.droppingContained(ranked, keeping: Self.limit, text: \.text).map {
            Evidence(text: $0.text, cue: LineFeatures.describe(model.featureNames[$0.feature]))
        }
    }

    /// The strongest quotes, strongest first, without the ones whose words another quote already shows ("do
    /// you want" beside "do you want to"): a verdict that quotes the same words twice reads as a stutter. Of
    /// two equal quotes the first stays; a later quote that contains kept ones takes their place. One pass,
    /// each quote compared with at most `keeping` others, so a long line's many phrases cost no more than
    /// their length.
    static func droppingContained<Quote>(
        _ quotes: some Sequence<Quote>, keeping limit: Int = .max, text: KeyPath<Quote, String>
    ) -> [Quote] {
        var kept: [(quote: Quote, folded: [UInt8])] = []
        for quote in quotes {
            let folded = Array(quote[keyPath: text].lowercased().utf8)
            if kept.contains(where: { occurs(folded, in: $0.folded) }) { continue }
            kept.removeAll { occurs($0.folded, in: folded) }
            kept.append((quote, folded))
            if kept.count == limit { break }
        }
        return kept.map(\.quote)
    }

    /// Whether `part` occurs in `whole`, byte for byte (an empty part occurs nowhere, as with `String`).
    /// Quotes are a few words long, so a plain scan is quickest; Foundation's `contains` on strings costs ten
    /// times as much (it compares by Unicode canonical equivalence, which quotes of one line do not need).
    static func occurs(_ part: [UInt8], in whole: [UInt8]) -> Bool {
        guard !part.isEmpty, part.count <= whole.count else { return false }
        return (0...(whole.count - part.count)).contains { start in
            whole[start..<start + part.count].elementsEqual(part)
        }
    }

    /// At most `joinGap` words between two phrases, and no sentence boundary.
    private func closeEnough(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        guard second.lowerBound > first.upperBound else { return true }
        let between = bytes[first.upperBound..<second.lowerBound]
        if between.contains(where: Self.isBoundary) { return false }
        // Count the words between without splitting (this runs for every quote of every line).
        var words = 0
        var inWord = false
        for byte in between {
            if byte == space {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        return words <= Self.joinGap
    }

    static let joinGap = 4
    private let space = UInt8(ascii: " ")
    /// A sentence boundary: `.`, `?`, `!`, `;` or `:` (a switch, not a set: this runs for every byte between
    /// two quotes).
    static func isBoundary(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ";"), UInt8(ascii: ":"): true
        default: false
        }
    }

    /// Whether a feature is about particular words (quoted as evidence) rather than the form of a whole
    /// clause or line (shown by `explain`, but a poor quote: it would be the whole sentence).
    static func isWording(_ feature: String) -> Bool {
        let name = feature.hasPrefix("ask:") ? feature.dropFirst(4) : Substring(feature)
        return !(name.hasPrefix("form:") || name.hasPrefix("shape:") || name.hasPrefix("client:"))
    }

    /// Every place a feature occurs, as typed.
    func texts(of feature: Int) -> [String] {
        found.compactMap { $0.feature == feature ? $0.span : nil }.map { String(decoding: bytes[$0], as: UTF8.self) }
    }
}
