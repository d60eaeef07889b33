/// A cue found in a line: which cue, which of its phrases, where.
struct CueMatch {
    let cue: CueReference
    /// Token range matched.
    let range: Range<Int>
    /// Index of the clause the match starts in.
    let clause: Int
}

/// The cue catalogue compiled once. Every word the patterns name has its number in the `Lexicon`, and
/// tokens come numbered from the tokenizer, so matching a line is integer comparisons only; patterns are
/// indexed by their possible first words, so each token tries only the few patterns that can start with
/// it (plus the handful that start with a prefix such as `learn*`).
struct CueIndex: Sendable {
    /// One element of a compiled pattern, flattened so matching touches no reference counts.
    /// `gap >= 0` marks a gap; otherwise the element accepts a word whose number is in
    /// `idPool[ids]` (sorted), a word starting with one of `prefixPool[prefixes]`, or a run of words
    /// listed in `sequencePool[sequences]`.
    struct Element: Sendable {
        var ids: Range<Int32> = 0..<0
        var prefixes: Range<Int32> = 0..<0
        var sequences: Range<Int32> = 0..<0
        var optional = false
        var gap: Int32 = -1
        /// The prefixes as bits of `prefixBits` (when the catalogue has at most 64 distinct prefixes).
        var prefixMask: UInt64 = 0
        /// Bit `id % 64` of each of `ids`: a word whose bit is clear is not among them, which settles most
        /// failed attempts without searching `ids`.
        var signature: UInt64 = 0

        /// Accepts exactly one of `ids`: no prefixes or runs of words, not optional, not a gap. Then a
        /// word whose `signature` bit is clear cannot start its match, and it is not tried.
        var wantsOneOfIDs: Bool { gap < 0 && !optional && prefixes.isEmpty && sequences.isEmpty }
        var screened = false

        static func signature(of id: Int32) -> UInt64 {
            1 << UInt64(id & 63)
        }
    }

    /// The numbers of the words (a boundary's, `Lexicon.boundary`, is never crossed by a gap and never
    /// accepted by an element).
    let lexicon: Lexicon
    /// How many words the lexicon numbers (the catalogue's and the readings').
    private let wordCount: Int
    /// For each numbered word, the bits of the catalogue's prefixes it starts with (see `prefixBits`)
    /// and its first byte (256 for none), worked out once rather than for each line.
    private let prefixMaskOfWord: [UInt64]
    private let firstByteOfWord: [UInt16]
    /// Every cue by number: the catalogue's, then the readings' own (`Reading.FormCue`, no patterns).
    private let cues: [Cue]
    private let references: [CueReference]
    private let formCueStart: Int
    private let elementPool: [Element]
    private let idPool: [Int32]
    private let prefixPool: [String]
    /// Ranges of `idPool`, one per multi-word alternative.
    private let sequencePool: [Range<Int32>]
    /// A pattern as a token tries it.
    private struct Start {
        /// The pattern's number, for `anchorPool`.
        var pattern: Int32
        var cue: Int32
        /// The pattern's elements, a range of `elementPool`.
        var elements: Range<Int32>
        /// The first element accepts exactly the words the pattern is listed under, so a token trying it
        /// has matched that element already and matching starts at the second.
        var firstMatched: Bool
    }

    /// A pattern's anchor is one element it cannot match without: its most selective required element
    /// after the first (plain words only). Unless the line has one of the anchor's words, the pattern is
    /// not tried at all: most attempts on common first words ("you", "what", "the") end there, before
    /// any matching. anchorPool[anchorRanges[id]] lists the patterns word `id` anchors, so each line
    /// marks its possible patterns once, in a bit set, instead of each attempt searching for its anchor.
    private let anchorRanges: [Range<Int32>]
    private let anchorPool: [Int32]
    /// The patterns with no anchor (bits by pattern number): always possible.
    private let unanchored: [UInt64]

    /// startPool[startRanges[id]]: the patterns that can start with word `id`; then, at
    /// `startRanges[wordCount + byte]`, the patterns that start with a prefix (`learn*`), by the first
    /// byte of the words they can start with (byte 256: a token with an empty word). Each pattern is
    /// stored whole under each of its first words, so a token reads its patterns in one run.
    private let startRanges: [Range<Int32>]
    private let startPool: [Start]
    /// The distinct prefixes, each with its bit, by first byte: a line's tokens are tested against them
    /// once, so matching compares bit masks instead of strings.
    private let prefixBits: [[(prefix: String, bit: UInt64)]]
    /// False when there are more than 64 distinct prefixes; then prefixes are compared as strings.
    private let prefixMasksComplete: Bool

    static let shared = CueIndex(CueCatalogue.all, lexicon: .shared)

    /// `lexicon` must number every word of `catalogue` (`Lexicon.shared` is built from the catalogue).
    init(_ catalogue: [Cue], lexicon: Lexicon) {
        let cues = catalogue + Reading.FormCue.allCases.map(\.cue)
        func number(_ word: String) -> Int32 {
            let id = lexicon.id(of: word)
            precondition(id >= 0, "the lexicon does not number the catalogue word '\(word)'")
            return id
        }
        var elementPool: [Element] = []
        var idPool: [Int32] = []
        var prefixPool: [String] = []
        var sequencePool: [Range<Int32>] = []
        var patternElements: [Range<Int32>] = []
        var patternCue: [Int32] = []
        var patternAnchor: [Range<Int32>] = []
        var firsts: [[Int32]?] = []
        var firstBytes: [Set<UInt8>] = []  // for patterns that start with a prefix
        var prefixBit: [String: UInt64] = [:]
        func bit(_ prefix: String) -> UInt64 {
            if let known = prefixBit[prefix] { return known }
            let next: UInt64 = prefixBit.count < 64 ? 1 << UInt64(prefixBit.count) : 0
            prefixBit[prefix] = next
            return next
        }
        func append(_ ids: [Int32]) -> Range<Int32> {
            let start = Int32(idPool.count)
            idPool += ids
            return start..<Int32(idPool.count)
        }
        for (c, cue) in cues.enumerated() {
            for pattern in cue.patterns {
                let first = Int32(elementPool.count)
                var firstWords: [Int32]? = []
                var open = true  // still inside the leading optional elements
                for element in pattern.elements {
                    switch element {
                    case .gap(let n):
                        elementPool.append(Element(gap: Int32(n)))
                        if open { firstWords = nil; open = false }
                    case .words(let words, let prefixes, let sequences, let optional):
                        let ids = words.map(number).sorted()
                        let sequenceIDs = sequences.map { $0.map(number) }
                        let prefixStart = Int32(prefixPool.count)
                        prefixPool += prefixes
                        let sequenceStart = Int32(sequencePool.count)
                        for sequence in sequenceIDs { sequencePool.append(append(sequence)) }
                        elementPool.append(
                            Element(
                                ids: append(ids), prefixes: prefixStart..<Int32(prefixPool.count),
                                sequences: sequenceStart..<Int32(sequencePool.count), optional: optional,
                                prefixMask: prefixes.reduce(0) { $0 | bit($1) },
                                signature: ids.reduce(0) { $0 | Element.signature(of: $1) }))
                        elementPool[elementPool.count - 1].screened = elementPool[elementPool.count - 1].wantsOneOfIDs
                        if open {
                            if prefixes.isEmpty {
                                firstWords? += ids + sequenceIDs.compactMap(\.first)
                            } else {
                                firstWords = nil
                            }
                            if !optional { open = false }
                        }
                    }
                }
                if open { firstWords = nil }  // every element optional: can start anywhere
                // The anchor: a required element of plain words, not the first one, with the fewest words.
                var anchor: Range<Int32> = 0..<0
                var seenRequired = false
                for index in Int(first)..<elementPool.count {
                    let element = elementPool[index]
                    guard element.gap < 0, !element.optional else { continue }
                    defer { seenRequired = true }
                    guard seenRequired, element.prefixes.isEmpty, element.sequences.isEmpty, !element.ids.isEmpty
                    else { continue }
                    if anchor.isEmpty || element.ids.count < anchor.count { anchor = element.ids }
                }
                patternAnchor.append(anchor)
                firstBytes.append(Self.startBytes(pattern))
                patternElements.append(first..<Int32(elementPool.count))
                patternCue.append(Int32(c))
                firsts.append(firstWords)
            }
        }
        var byFirstWord = [[Int32]](repeating: [], count: lexicon.words.count)
        var byFirstByte = [[Int32]](repeating: [], count: 257)
        for (p, words) in firsts.enumerated() {
            if let words {
                for id in Set(words) { byFirstWord[Int(id)].append(Int32(p)) }
            } else {
                for byte in firstBytes[p] { byFirstByte[Int(byte)].append(Int32(p)) }
            }
        }
        var startPool: [Start] = []
        var startRanges: [Range<Int32>] = []
        for (list, patterns) in (byFirstWord + byFirstByte).enumerated() {
            startRanges.append(Int32(startPool.count)..<Int32(startPool.count + patterns.count))
            let byWord = list < byFirstWord.count
            for p in patterns.map(Int.init) {
                let elements = patternElements[p]
                let firstMatched = byWord && elementPool[Int(elements.lowerBound)].wantsOneOfIDs
                startPool.append(Start(pattern: Int32(p), cue: patternCue[p], elements: elements, firstMatched: firstMatched))
            }
        }
        var byAnchorWord = [[Int32]](repeating: [], count: lexicon.words.count)
        var unanchored = [UInt64](repeating: 0, count: patternAnchor.count / 64 + 1)
        for (p, anchor) in patternAnchor.enumerated() {
            if anchor.isEmpty { unanchored[p >> 6] |= 1 << UInt64(p & 63) }
            for index in Int(anchor.lowerBound)..<Int(anchor.upperBound) { byAnchorWord[Int(idPool[index])].append(Int32(p)) }
        }
        self.anchorRanges = byAnchorWord.reduce(into: []) { ranges, patterns in
            let start = ranges.last?.upperBound ?? 0
            ranges.append(start..<start + Int32(patterns.count))
        }
        self.anchorPool = byAnchorWord.flatMap { $0 }
        self.unanchored = unanchored
        self.lexicon = lexicon
        self.wordCount = lexicon.words.count
        self.cues = cues
        self.references = cues.indices.map { CueReference(number: Int32($0), role: cues[$0].role, weight: cues[$0].weight) }
        self.formCueStart = catalogue.count
        self.elementPool = elementPool
        self.idPool = idPool
        self.prefixPool = prefixPool
        self.sequencePool = sequencePool
        self.startRanges = startRanges
        self.startPool = startPool
        var prefixBits = [[(prefix: String, bit: UInt64)]](repeating: [], count: 256)
        for (prefix, bit) in prefixBit where bit != 0 {
            if let byte = prefix.utf8.first { prefixBits[Int(byte)].append((prefix, bit)) }
        }
        self.prefixBits = prefixBits
        self.prefixMasksComplete = prefixBit.count <= 64
        self.prefixMaskOfWord = lexicon.words.map { Self.prefixMask(of: $0, prefixBits) }
        self.firstByteOfWord = lexicon.words.map(Self.firstByte)
    }

    private static func firstByte(_ word: String) -> UInt16 {
        word.utf8.first.map(UInt16.init) ?? 256
    }

    /// How matches refer to one of the readings' own cues.
    func reference(to form: Reading.FormCue) -> CueReference {
        references[formCueStart + form.rawValue]
    }

    /// The name of a cue, for evidence.
    func name(of cue: CueReference) -> String {
        cues[Int(cue.number)].name
    }

    private static func prefixMask(of word: String, _ prefixBits: [[(prefix: String, bit: UInt64)]]) -> UInt64 {
        guard let byte = word.utf8.first else { return 0 }
        var mask: UInt64 = 0
        for entry in prefixBits[Int(byte)] where word.hasPrefix(entry.prefix) { mask |= entry.bit }
        return mask
    }

    /// The first bytes of every word a pattern can start with (all 256 when it can start with anything).
    private static func startBytes(_ pattern: PhrasePattern) -> Set<UInt8> {
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


    /// Every cue that matches, at most once per cue and clause (the first place it occurs).
    func matches(in tokens: [Token], clauseOf: [Int]) -> [CueMatch] {
        // What matching reads of each token, worked out once, and which patterns the line can match at all
        // (see `anchorRanges`).
        var line: [LineToken] = []
        line.reserveCapacity(tokens.count)
        for token in tokens {
            let id = token.id
            if id >= 0 {
                line.append(LineToken(id: id, firstByte: firstByteOfWord[Int(id)], prefixMask: prefixMaskOfWord[Int(id)]))
            } else if id == Lexicon.boundary {
                line.append(LineToken(id: id, firstByte: 256, prefixMask: 0))
            } else {
                line.append(
                    LineToken(
                        id: id, firstByte: Self.firstByte(token.word),
                        prefixMask: Self.prefixMask(of: token.word, prefixBits)))
            }
        }
        var possible = unanchored
        possible.withUnsafeMutableBufferPointer { possible in
            anchorPool.withUnsafeBufferPointer { anchorPool in
                for token in tokens where token.id >= 0 {
                    let anchored = anchorRanges[Int(token.id)]
                    for index in Int(anchored.lowerBound)..<Int(anchored.upperBound) {
                        let p = anchorPool[index]
                        possible[Int(p) >> 6] |= 1 << UInt64(p & 63)
                    }
                }
            }
        }
        return elementPool.withUnsafeBufferPointer { elements in
            idPool.withUnsafeBufferPointer { idPool in
                line.withUnsafeBufferPointer { line in
                    possible.withUnsafeBufferPointer { possible in
                        startRanges.withUnsafeBufferPointer { startRanges in
                            startPool.withUnsafeBufferPointer { startPool in
                                let line = Line(tokens: line, elements: elements, idPool: idPool)
                                var found: [CueMatch] = []
                                found.reserveCapacity(16)
                                func attempt(_ pattern: Start, at start: Int, clause: Int) {
                                    let p = Int(pattern.pattern)
                                    guard possible[p >> 6] & (1 << UInt64(p & 63)) != 0 else { return }
                                    let elements = pattern.elements
                                    let first = pattern.firstMatched ? elements.lowerBound + 1 : elements.lowerBound
                                    let position = pattern.firstMatched ? start + 1 : start
                                    guard mayMatch(first, elements.upperBound, line, at: position),
                                        let end = match(first, elements.upperBound, line, tokens, position, pattern.firstMatched ? start : -1),
                                        end > start
                                    else { return }
                                    // A cue matches at most once per clause (the first place it occurs). Matches
                                    // are found in token order, so this clause's are the last ones found.
                                    var last = found.count - 1
                                    while last >= 0, found[last].clause == clause {
                                        if found[last].cue.number == pattern.cue { return }
                                        last -= 1
                                    }
                                    found.append(CueMatch(cue: references[Int(pattern.cue)], range: start..<end, clause: clause))
                                }
                                for start in 0..<line.tokens.count where line.tokens[start].id != Lexicon.boundary {
                                    let clause = clauseOf[start]
                                    let token = line.tokens[start]
                                    if token.id >= 0 {
                                        let range = startRanges[Int(token.id)]
                                        for index in Int(range.lowerBound)..<Int(range.upperBound) {
                                            attempt(startPool[index], at: start, clause: clause)
                                        }
                                    }
                                    let range = startRanges[wordCount + Int(token.firstByte)]
                                    for index in Int(range.lowerBound)..<Int(range.upperBound) {
                                        attempt(startPool[index], at: start, clause: clause)
                                    }
                                }
                                return found
                            }
                        }
                    }
                }
            }
        }
    }

    /// What matching reads of a token: its number, its first byte (256 for none, as for a boundary) and
    /// the bits of the catalogue's prefixes its word starts with.
    private struct LineToken {
        var id: Int32
        var firstByte: UInt16
        var prefixMask: UInt64
    }

    /// What `match` reads, as buffers: it runs thousands of times per line, and array accesses there
    /// cost more than the comparisons.
    private struct Line {
        let tokens: UnsafeBufferPointer<LineToken>
        let elements: UnsafeBufferPointer<Element>
        let idPool: UnsafeBufferPointer<Int32>
    }

    /// The end of the match of elements `element..<end` at `position`, or nil. `last` is the last
    /// token matched so far (-1 for none), so trailing gaps and optional elements add nothing.
    private func match(
        _ element: Int32, _ end: Int32, _ line: Line, _ tokens: [Token], _ position: Int, _ last: Int
    ) -> Int? {
        if element == end { return last >= 0 ? last + 1 : position }
        let words = line.tokens
        let current = line.elements[Int(element)]
        if current.gap >= 0 {
            var pos = position
            var skip: Int32 = 0
            while true {
                if mayMatch(element + 1, end, line, at: pos), let found = match(element + 1, end, line, tokens, pos, last) {
                    return found
                }
                guard skip < current.gap, pos < words.count, words[pos].id != Lexicon.boundary else { return nil }
                skip += 1
                pos += 1
            }
        }
        if position < words.count, words[position].id != Lexicon.boundary {
            let id = words[position].id
            var accepted = id >= 0 && current.signature & Element.signature(of: id) != 0
                && contains(current.ids, id, in: line.idPool)
            if !accepted, !current.prefixes.isEmpty {
                if prefixMasksComplete {
                    accepted = words[position].prefixMask & current.prefixMask != 0
                } else {
                    let word = tokens[position].word
                    accepted = prefixPool[Int(current.prefixes.lowerBound)..<Int(current.prefixes.upperBound)]
                        .contains { word.hasPrefix($0) }
                }
            }
            if accepted, mayMatch(element + 1, end, line, at: position + 1),
                let found = match(element + 1, end, line, tokens, position + 1, position)
            {
                return found
            }
        }
        for s in current.sequences {
            let sequence = sequencePool[Int(s)]
            let length = Int(sequence.count)
            guard position + length <= words.count else { continue }
            var same = true
            for offset in 0..<length where words[position + offset].id != line.idPool[Int(sequence.lowerBound) + offset] {
                same = false
                break
            }
            if same, mayMatch(element + 1, end, line, at: position + length),
                let found = match(element + 1, end, line, tokens, position + length, position + length - 1)
            {
                return found
            }
        }
        if current.optional, mayMatch(element + 1, end, line, at: position) {
            return match(element + 1, end, line, tokens, position, last)
        }
        return nil
    }

    /// False when `match(element, end, ..., position, ...)` would certainly fail at once: the element
    /// wants one of its words and the word at `position` is not one (see `Element.signature`). Asked
    /// before every call, because most calls would end there, and a call costs more than the question.
    @inline(__always)
    private func mayMatch(_ element: Int32, _ end: Int32, _ line: Line, at position: Int) -> Bool {
        guard element < end else { return true }
        let next = line.elements[Int(element)]
        guard next.screened else { return true }
        guard position < line.tokens.count else { return false }
        let id = line.tokens[position].id
        return id >= 0 && next.signature & Element.signature(of: id) != 0
    }

    /// Binary search in a sorted slice of `idPool`.
    @inline(__always)
    private func contains(_ range: Range<Int32>, _ id: Int32, in idPool: UnsafeBufferPointer<Int32>) -> Bool {
        var low = Int(range.lowerBound)
        var high = Int(range.upperBound)
        if high - low <= 8 {
            for index in low..<high where idPool[index] >= id { return idPool[index] == id }
            return false
        }
        while low < high {
            let mid = (low + high) / 2
            if idPool[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < Int(range.upperBound) && idPool[low] == id
    }
}
