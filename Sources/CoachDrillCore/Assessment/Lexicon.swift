/// Every word the engine reads by name, numbered once: the words of the readings' word sets (question
/// words, auxiliaries, action verbs: `WordSet`) and the words of the cue catalogue.
///
/// Why numbers: each token of a line is tested against a dozen word sets and a few hundred cue patterns.
/// As `Set<String>` and dictionary look-ups, every test hashed the word again. Now the tokenizer looks each
/// word up once, by its bytes, and gives the token the word's number; every later test is an integer
/// comparison or one bit of a `WordSet`.
///
/// The look-up is by the word as typed (lower-cased, apostrophes straightened) and answers with what the
/// tokenizer makes of it: "you're" gives "you" and "are", "realised" gives "realized", each with its
/// number. Those answers are worked out by the tokenizer itself (`Tokenizer.expand`) when the lexicon is
/// built, so a word found here is tokenised exactly as it would be if it were not.
struct Lexicon: Sendable {
    /// A word of a token with its number.
    struct Word: Sendable {
        let text: String
        let id: Int32
    }

    /// A token's number when nothing the engine reads names its word.
    static let unknown: Int32 = -1
    /// A sentence boundary's number: no word set and no pattern element holds it.
    static let boundary: Int32 = -2

    static let shared = Lexicon(readingWords: readingWords, catalogue: CueCatalogue.all)

    /// Every word of the readings' word sets. A `WordSet` of words not listed here stops the program the
    /// first time it is used, so a list cannot be forgotten quietly.
    static let readingWords = Clause.Words.all + Focus.Words.all + Reading.Words.all + Reading.DeedWords.all
        + Reading.LessonWords.all

    /// The numbered words, by number.
    let words: [String]

    /// A spelling the tokenizer looks up.
    private struct Entry {
        /// The first eight bytes of the spelling, little-endian, zero-padded: most words are no longer,
        /// so comparing a word is comparing one integer.
        var head: UInt64
        /// The spelling's bytes past the first eight, in `tailBytes`.
        var tail: Range<Int32>
        var count: Int32
        /// The spelling's own number (`unknown` for a spelling the engine does not read by name).
        var id: Int32
        /// The tokens' words it stands for, as a range of `expansionPool`.
        var expansion: Range<Int32>
    }

    // An open-addressing hash table of spellings by their bytes (a String key would have to be made,
    // and hashed with SipHash, for every word of every line).
    private let slots: [Int32]
    private let slotMask: Int
    private let entries: [Entry]
    private let tailBytes: [UInt8]
    private let expansionPool: [Word]

    /// Numbers the reading words first, so the word sets' bit arrays stay short, then the catalogue's words.
    /// (Built once, while the first prompt is on screen: `Assessor.prepare`.)
    init(readingWords: [String], catalogue: [Cue]) {
        var numbers: [String: Int32] = [:]
        numbers.reserveCapacity(4096)
        var words: [String] = []
        func number(_ word: String) {
            guard numbers[word] == nil else { return }
            numbers[word] = Int32(words.count)
            words.append(word)
        }
        // Plain loops: passing `number` as a closure would box `numbers` and `words`.
        for word in readingWords { number(word) }
        for cue in catalogue {
            for pattern in cue.patterns {
                for case .words(let alternatives, _, let sequences, _) in pattern.elements {
                    for word in alternatives.sorted() { number(word) }
                    for word in sequences.joined() { number(word) }
                }
            }
        }

        // Every numbered word is a spelling to look up (spelling `i` is word `i`), and so is every word
        // the tokenizer rewrites by table or that is common enough to be worth not rewriting by hand
        // (`Tokenizer.knownSpellings`).
        var spellings = words
        var extra = Set<String>()
        for spelling in Tokenizer.knownSpellings where numbers[spelling] == nil && extra.insert(spelling).inserted {
            spellings.append(spelling)
        }
        var slotCount = 16
        while slotCount < spellings.count * 2 { slotCount *= 2 }
        var slots = [Int32](repeating: -1, count: slotCount)
        var entries: [Entry] = []
        var tailBytes: [UInt8] = []
        var expansionPool: [Word] = []
        var expanded: [String] = []
        for (index, spelling) in spellings.enumerated() {
            let bytes = Array(spelling.utf8)
            let (head, hash) = bytes.withUnsafeBufferPointer(Self.headAndHash)
            var slot = Int(truncatingIfNeeded: hash) & (slotCount - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = Int32(entries.count)
            let id = index < words.count ? Int32(index) : Self.unknown
            expanded.removeAll(keepingCapacity: true)
            Tokenizer.expand(spelling) { expanded.append($0) }
            let start = Int32(expansionPool.count)
            if expanded.count == 1, expanded[0] == spelling {
                expansionPool.append(Word(text: spelling, id: id))  // most words stand for themselves
            } else {
                for word in expanded { expansionPool.append(Word(text: word, id: numbers[word] ?? Self.unknown)) }
            }
            let tailStart = Int32(tailBytes.count)
            tailBytes += bytes.dropFirst(8)
            entries.append(
                Entry(
                    head: head, tail: tailStart..<Int32(tailBytes.count), count: Int32(bytes.count), id: id,
                    expansion: start..<Int32(expansionPool.count)))
        }
        self.words = words
        self.slots = slots
        self.slotMask = slotCount - 1
        self.entries = entries
        self.tailBytes = tailBytes
        self.expansionPool = expansionPool
    }

    /// A word's first eight bytes as one integer, and its hash: that integer times a large odd constant,
    /// the length and any further bytes mixed in (a few instructions for a word of up to eight bytes).
    private static func headAndHash(_ bytes: UnsafeBufferPointer<UInt8>) -> (head: UInt64, hash: UInt64) {
        var head: UInt64 = 0
        for index in 0..<min(bytes.count, 8) { head |= UInt64(bytes[index]) << UInt64(8 * index) }
        var hash = (head ^ UInt64(bytes.count)) &* 0x9E37_79B9_7F4A_7C15
        for index in min(bytes.count, 8)..<bytes.count { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3 }
        return (head, hash >> 32)
    }

    /// The spelling `bytes`, if the lexicon knows it (as the index of its entry).
    func spelling(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let (head, hash) = Self.headAndHash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            let entry = entries[index]
            if entry.head == head, Int(entry.count) == bytes.count, sameTail(entry, bytes) { return index }
            slot = (slot + 1) & slotMask
        }
    }

    private func sameTail(_ entry: Entry, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 8
        for index in Int(entry.tail.lowerBound)..<Int(entry.tail.upperBound) {
            if tailBytes[index] != bytes[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The words the tokenizer makes of a known spelling, as positions for `expanded` (a slice of the
    /// pool would retain it, for every word of every line).
    func expansion(ofSpelling entry: Int) -> Range<Int> {
        let range = entries[entry].expansion
        return Int(range.lowerBound)..<Int(range.upperBound)
    }

    /// One word of an expansion, with its number.
    func expanded(_ index: Int) -> Word {
        expansionPool[index]
    }

    /// The number of a token's word (`unknown` when nothing names it).
    func id(of word: String) -> Int32 {
        var word = word
        return word.withUTF8 { bytes in spelling(bytes).map { entries[$0].id } } ?? Self.unknown
    }
}
