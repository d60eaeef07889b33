/// A cue found in a line: which cue, which of its phrases, where.
struct CueMatch {
    let cue: CueReference
    /// Token range matched.
    let range: Range<Int>
    /// Index of the clause the match starts in.
    let clause: Int
}

/// The cue catalogue compiled once, and the one matcher of cue patterns against a line's tokens.
///
/// Every word the patterns name has its number in the `Lexicon`, and tokens come numbered from the
/// tokenizer, so testing a word is an integer look-up. Three indexes keep the work per line small without
/// changing what matches:
/// - patterns are listed under their possible first words, so each token tries only the few patterns
///   that can start with it (plus those that can start with anything, such as `learn* ...`);
/// - a pattern that starts with two plain words ("how far|close ...", "asked for") is listed under
///   both, so it is tried only where the next token is its second word (`pairEntries`);
/// - a pattern's *anchor* is one required element after the first, of plain words: a line with none of
///   those words cannot match the pattern, so the pattern is not tried at all.
struct CueIndex: Sendable {
    /// One element of a compiled pattern. Plain numbers only, so reading one costs no reference counting:
    /// its words are the lexicon numbers `idPool[ids]`, its prefixes `prefixPool[prefixes]`, its
    /// runs of words (a contraction or `the_way` written in the pattern) `sequencePool[sequences]`, each a
    /// range of `idPool`.
    private struct Element: Sendable {
        /// Skip up to this many words, never a sentence boundary (nil: not a gap).
        var gap: Int?
        var ids: Range<Int> = 0..<0
        var prefixes: Range<Int> = 0..<0
        var sequences: Range<Int> = 0..<0
        var optional = false
    }

    /// A prefix of words (`learn*`). Its first byte is compared before the string: a cue pattern tries its
    /// prefixes on most words of a line, and most fail on the first byte. (The catalogue's prefixes are
    /// lower-case words, and the tokenizer lower-cases bytes, so a word that starts with the prefix starts
    /// with its first byte.)
    private struct Prefix: Sendable {
        let text: String
        let firstByte: UInt8?

        init(_ text: String) {
            self.text = text
            firstByte = text.utf8.first
        }

        /// Whether `word`, whose first byte is `wordFirstByte`, starts with this prefix.
        func begins(_ word: String, firstByte wordFirstByte: UInt8?) -> Bool {
            (firstByte == nil || firstByte == wordFirstByte) && word.hasPrefix(text)
        }
    }

    /// One phrase of a cue, compiled: its cue's number (its place in `cues`) and its elements, a range of
    /// `elementPool`.
    private struct Pattern: Sendable {
        let cue: Int
        let elements: Range<Int>
        /// The first element is one required word of a list and nothing else, so a token the pattern is
        /// listed under (`startingWith`) has matched it already, and matching goes on from the second.
        let firstIsOneWord: Bool
    }

    /// A pattern listed by its first two words (see `startingWithPair`).
    private struct PairEntry: Sendable {
        let second: Int32
        let pattern: Int
    }

    /// The numbers of the words (a boundary's, `Lexicon.boundary`, is never crossed by a gap and never
    /// accepted by an element).
    let lexicon: Lexicon
    /// Every cue by number, in the catalogue's order.
    private let cues: [Cue]
    private let references: [CueReference]
    private let patterns: [Pattern]
    private let elementPool: [Element]
    private let idPool: [Int32]
    private let prefixPool: [Prefix]
    private let sequencePool: [Range<Int>]
    /// The patterns that can start with a word, by the word's number, in pattern order (except those in
    /// `startingWithPair`).
    private let startingWith: [[Int]]
    /// The patterns whose first element is one word and whose second is a required list of plain words right
    /// after it ("how far|close ...", "asked for"): most tries of a pattern would end at its second word, so
    /// these are listed by both. `pairEntries[startingWithPair[w]]` are the entries of first word `w`,
    /// sorted by second word, then by pattern.
    private let startingWithPair: [Range<Int>]
    private let pairEntries: [PairEntry]
    /// The patterns that can start with more words than can be listed (a prefix, a gap, every element
    /// optional), by the first byte of the words they can start with, in pattern order.
    private let startingWithByte: [[Int]]
    /// The patterns each word is the anchor of, by the word's number.
    private let anchoredBy: [[Int]]
    /// The patterns possible in any line, by pattern number: those without an anchor.
    private let possibleInAnyLine: [Bool]

    static let shared = CueIndex(CueCatalogue.all, lexicon: .shared)

    /// `lexicon` must number every word of `catalogue` (`Lexicon.shared` is built from the catalogue).
    init(_ catalogue: [Cue], lexicon: Lexicon) {
        let cues = catalogue
        func number(_ word: String) -> Int32 {
            let id = lexicon.id(of: word)
            precondition(id >= 0, "the lexicon does not number the catalogue word '\(word)'")
            return id
        }
        var patterns: [Pattern] = []
        var elementPool: [Element] = []
        var idPool: [Int32] = []
        var prefixPool: [Prefix] = []
        var sequencePool: [Range<Int>] = []
        var startingWith = [[Int]](repeating: [], count: lexicon.words.count)
        var pairsStartingWith = [[PairEntry]](repeating: [], count: lexicon.words.count)
        var startingWithByte = [[Int]](repeating: [], count: 256)
        var anchoredBy = [[Int]](repeating: [], count: lexicon.words.count)
        var hasAnchor: [Bool] = []
        func pooled(_ ids: [Int32]) -> Range<Int> {
            idPool += ids
            return idPool.count - ids.count..<idPool.count
        }
        for (c, cue) in cues.enumerated() {
            for phrase in cue.patterns {
                let p = patterns.count
                let first = elementPool.count
                for element in phrase.elements {
                    switch element {
                    case .gap(let n):
                        elementPool.append(Element(gap: n))
                    case .words(let words, let prefixes, let sequences, let optional):
                        let ids = pooled(words.map(number).sorted())  // sorted, for `holds`
                        prefixPool += prefixes.map(Prefix.init)
                        for sequence in sequences { sequencePool.append(pooled(sequence.map(number))) }
                        elementPool.append(
                            Element(
                                ids: ids, prefixes: prefixPool.count - prefixes.count..<prefixPool.count,
                                sequences: sequencePool.count - sequences.count..<sequencePool.count, optional: optional))
                    }
                }
                let elements = Array(elementPool[first...])
                let head = elements.first
                let firstIsOneWord = head.map {
                    $0.gap == nil && !$0.optional && $0.prefixes.isEmpty && $0.sequences.isEmpty
                } ?? false
                patterns.append(Pattern(cue: c, elements: first..<elementPool.count, firstIsOneWord: firstIsOneWord))
                let second = firstIsOneWord && elements.count > 1 ? elements[1] : nil
                if let second, second.gap == nil, !second.optional, second.prefixes.isEmpty, second.sequences.isEmpty,
                    let head = elements.first
                {
                    for firstID in idPool[head.ids] {
                        for secondID in idPool[second.ids] {
                            pairsStartingWith[Int(firstID)].append(PairEntry(second: secondID, pattern: p))
                        }
                    }
                } else if let firstWords = Self.firstWords(of: elements, idPool, sequencePool) {
                    for id in firstWords { startingWith[Int(id)].append(p) }
                } else {
                    for byte in Self.firstBytes(of: phrase) { startingWithByte[Int(byte)].append(p) }
                }
                let anchor = Self.anchor(of: elements)
                hasAnchor.append(anchor != nil)
                for id in anchor.map({ idPool[$0] }) ?? [] { anchoredBy[Int(id)].append(p) }
            }
        }
        self.lexicon = lexicon
        self.cues = cues
        self.references = cues.indices.map { CueReference(number: Int32($0), role: cues[$0].role) }
        self.patterns = patterns
        self.elementPool = elementPool
        self.idPool = idPool
        self.prefixPool = prefixPool
        self.sequencePool = sequencePool
        self.startingWith = startingWith
        var pairEntries: [PairEntry] = []
        startingWithPair = pairsStartingWith.map { entries in
            pairEntries += entries.sorted { ($0.second, $0.pattern) < ($1.second, $1.pattern) }
            return pairEntries.count - entries.count..<pairEntries.count
        }
        self.pairEntries = pairEntries
        self.startingWithByte = startingWithByte
        self.anchoredBy = anchoredBy
        self.possibleInAnyLine = hasAnchor.map { !$0 }
    }

    /// The words a pattern can start with (those of its leading optional elements and of the first required
    /// one), or nil when they cannot be listed: a prefix or a gap comes first, or every element is optional.
    private static func firstWords(of elements: [Element], _ idPool: [Int32], _ sequencePool: [Range<Int>])
        -> Set<Int32>?
    {
        var words = Set<Int32>()
        for element in elements {
            guard element.gap == nil, element.prefixes.isEmpty else { return nil }
            words.formUnion(idPool[element.ids])
            words.formUnion(sequencePool[element.sequences].map { idPool[$0.lowerBound] })
            if !element.optional { return words }
        }
        return nil
    }

    /// The first bytes of every word a pattern can start with (all of them when it can start with anything).
    private static func firstBytes(of pattern: PhrasePattern) -> Set<UInt8> {
        var bytes = Set<UInt8>()
        for element in pattern.elements {
            guard case .words(let words, let prefixes, let sequences, let optional) = element else {
                return Set(0...255)
            }
            for word in Array(words) + prefixes + sequences.compactMap(\.first) {
                guard let byte = word.utf8.first else { return Set(0...255) }
                bytes.insert(byte)
            }
            if !optional { return bytes }
        }
        return Set(0...255)
    }

    /// The anchor: a required element of plain words, not the first one, with the fewest words (as a range
    /// of `idPool`).
    private static func anchor(of elements: [Element]) -> Range<Int>? {
        var anchor: Range<Int>?
        var seenRequired = false
        for element in elements where element.gap == nil && !element.optional {
            defer { seenRequired = true }
            guard seenRequired, element.prefixes.isEmpty, element.sequences.isEmpty, !element.ids.isEmpty else { continue }
            if anchor.map({ element.ids.count < $0.count }) ?? true { anchor = element.ids }
        }
        return anchor
    }

    /// The name of a cue, for evidence.
    func name(of cue: CueReference) -> String {
        cues[Int(cue.number)].name
    }

    /// Every cue that matches, at most once per cue and clause (the first place it occurs).
    ///
    /// Linear in the line: each token tries a bounded number of patterns, each attempt walks a bounded
    /// number of tokens (a pattern's elements and gaps are short), and the once-per-clause check is one
    /// look-up, not a search of the matches found so far.
    func matches(in tokens: [Token], clauseOf: [Int]) -> [CueMatch] {
        // Which patterns the line can match at all (see `anchoredBy`).
        var possible = possibleInAnyLine
        for token in tokens where token.id >= 0 {
            for p in anchoredBy[Int(token.id)] { possible[p] = true }
        }
        // The clause each cue last matched in. Matches are found in token order, so clauses only grow:
        // a cue whose last clause is this one has matched here already.
        var lastClauseOfCue = [Int](filledWith: -1, count: cues.count)
        var found: [CueMatch] = []
        // `wordsMatched`: how many of the pattern's first elements the index has matched already (its first
        // word, or its first two), so that matching goes on after them rather than testing them again.
        func attempt(_ p: Int, at start: Int, wordsMatched: Int) {
            let pattern = patterns[p]
            let clause = clauseOf[start]
            guard possible[p], lastClauseOfCue[pattern.cue] != clause else { return }
            let end =
                wordsMatched == 0
                ? match(pattern.elements, in: tokens, at: start, lastMatched: nil)
                : match(
                    pattern.elements.dropFirst(wordsMatched), in: tokens, at: start + wordsMatched,
                    lastMatched: start + wordsMatched - 1)
            guard let end, end > start else { return }
            lastClauseOfCue[pattern.cue] = clause
            found.append(CueMatch(cue: references[pattern.cue], range: start..<end, clause: clause))
        }
        for start in tokens.indices where !tokens[start].isBoundary {
            let id = tokens[start].id
            if id >= 0 {
                // The patterns listed by this word alone and those listed by it and the next word, merged
                // so that they are tried in pattern order, as if listed together.
                let listed = startingWith[Int(id)]
                let paired = start + 1 < tokens.count ? pairEntries(Int(id), then: tokens[start + 1].id) : 0..<0
                var l = 0
                var e = paired.lowerBound
                while l < listed.count || e < paired.upperBound {
                    if e == paired.upperBound || (l < listed.count && listed[l] < pairEntries[e].pattern) {
                        attempt(listed[l], at: start, wordsMatched: patterns[listed[l]].firstIsOneWord ? 1 : 0)
                        l += 1
                    } else {
                        attempt(pairEntries[e].pattern, at: start, wordsMatched: 2)
                        e += 1
                    }
                }
            }
            if let firstByte = tokens[start].word.utf8.first {
                for p in startingWithByte[Int(firstByte)] { attempt(p, at: start, wordsMatched: 0) }
            }
        }
        return found
    }

    /// The end of the match of `elements` (a range of `elementPool`) at `position`, or nil. `lastMatched`
    /// is the last token matched so far, so trailing gaps and optional elements add nothing to the match.
    private func match(_ elements: Range<Int>, in tokens: [Token], at position: Int, lastMatched: Int?) -> Int? {
        guard let index = elements.first else { return lastMatched.map { $0 + 1 } ?? position }
        let element = elementPool[index]
        let rest = index + 1..<elements.upperBound
        if let gap = element.gap {
            var pos = position
            for skipped in 0...max(gap, 0) {  // a gap below zero (never in cues.yaml, which checks) skips none
                if let end = match(rest, in: tokens, at: pos, lastMatched: lastMatched) { return end }
                guard skipped < gap, pos < tokens.count, !tokens[pos].isBoundary else { return nil }
                pos += 1
            }
            return nil
        }
        if position < tokens.count, !tokens[position].isBoundary, accepts(element, tokens, at: position),
            let end = match(rest, in: tokens, at: position + 1, lastMatched: position)
        {
            return end
        }
        // Index loops rather than slices of the pools: a slice holds a reference to its array, and counting
        // those references was a few per cent of matching a line.
        for s in element.sequences {
            let sequence = sequencePool[s]
            guard position + sequence.count <= tokens.count,
                sequence.indices.allSatisfy({ tokens[position + $0 - sequence.lowerBound].id == idPool[$0] })
            else { continue }
            let last = position + sequence.count - 1
            if let end = match(rest, in: tokens, at: last + 1, lastMatched: last) { return end }
        }
        return element.optional ? match(rest, in: tokens, at: position, lastMatched: lastMatched) : nil
    }

    /// The entries of `pairEntries` whose first word is `first` and second word is `second` (a binary search
    /// among the first word's entries, sorted by second word).
    private func pairEntries(_ first: Int, then second: Int32) -> Range<Int> {
        let entries = startingWithPair[first]
        var low = entries.lowerBound
        var high = entries.upperBound
        while low < high {
            let middle = low + (high - low) / 2
            if pairEntries[middle].second < second { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < entries.upperBound, pairEntries[end].second == second { end += 1 }
        return low..<end
    }

    /// Whether the words `ids` (a range of `idPool`, sorted) hold `id`: a binary search, since the lists
    /// tested most often are long ones (forty verbs after "you").
    private func holds(_ ids: Range<Int>, _ id: Int32) -> Bool {
        var low = ids.lowerBound
        var high = ids.upperBound
        while low < high {
            let middle = low + (high - low) / 2
            if idPool[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.upperBound && idPool[low] == id
    }

    /// Whether a word element accepts the token at `position`: one of its words, or a word starting with one
    /// of its prefixes. (The token is read in place, and its word only for a prefix: copying a token copies
    /// its word, and most elements have no prefix.)
    private func accepts(_ element: Element, _ tokens: [Token], at position: Int) -> Bool {
        if holds(element.ids, tokens[position].id) { return true }
        guard !element.prefixes.isEmpty else { return false }
        let word = tokens[position].word
        let firstByte = word.utf8.first
        return element.prefixes.contains { prefixPool[$0].begins(word, firstByte: firstByte) }
    }
}
