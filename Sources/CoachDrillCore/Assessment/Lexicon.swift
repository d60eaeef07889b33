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

    // The spellings the tokenizer looks up: an open-addressing hash table over their bytes (a String
    // key would have to be made, and hashed with SipHash, for every word of every line).
    private let slots: [Int32]
    private let slotMask: Int
    private let keyBytes: [UInt8]
    private let keys: [Range<Int32>]
    /// For each spelling, its own number (a spelling the engine does not read by name is `unknown`).
    private let keyIDs: [Int32]
    /// For each spelling, the tokens' words it stands for, as a range of `expansionPool`.
    private let expansions: [Range<Int32>]
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
        var keyBytes: [UInt8] = []
        var keys: [Range<Int32>] = []
        var keyIDs: [Int32] = []
        var expansions: [Range<Int32>] = []
        var expansionPool: [Word] = []
        var expanded: [String] = []
        for (index, spelling) in spellings.enumerated() {
            let bytes = Array(spelling.utf8)
            var slot = Int(Self.hash(bytes)) & (slotCount - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = Int32(keys.count)
            keys.append(Int32(keyBytes.count)..<Int32(keyBytes.count + bytes.count))
            keyBytes += bytes
            let id = index < words.count ? Int32(index) : Self.unknown
            keyIDs.append(id)
            expanded.removeAll(keepingCapacity: true)
            Tokenizer.expand(spelling) { expanded.append($0) }
            let start = Int32(expansionPool.count)
            if expanded.count == 1, expanded[0] == spelling {
                expansionPool.append(Word(text: spelling, id: id))  // most words stand for themselves
            } else {
                for word in expanded { expansionPool.append(Word(text: word, id: numbers[word] ?? Self.unknown)) }
            }
            expansions.append(start..<Int32(expansionPool.count))
        }
        self.words = words
        self.slots = slots
        self.slotMask = slotCount - 1
        self.keyBytes = keyBytes
        self.keys = keys
        self.keyIDs = keyIDs
        self.expansions = expansions
        self.expansionPool = expansionPool
    }

    /// FNV-1a: a few instructions a byte, and words are short.
    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }

    /// The spelling `bytes`, if the lexicon knows it (as the index of its entry).
    func spelling(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Int(Self.hash(bytes)) & slotMask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            let key = keys[entry]
            if key.count == bytes.count {
                var same = true
                var offset = 0
                for index in Int(key.lowerBound)..<Int(key.upperBound) {
                    if keyBytes[index] != bytes[offset] {
                        same = false
                        break
                    }
                    offset += 1
                }
                if same { return entry }
            }
            slot = (slot + 1) & slotMask
        }
    }

    /// The words the tokenizer makes of a known spelling, as positions for `expanded` (a slice of the
    /// pool would retain it, for every word of every line).
    func expansion(ofSpelling entry: Int) -> Range<Int> {
        let range = expansions[entry]
        return Int(range.lowerBound)..<Int(range.upperBound)
    }

    /// One word of an expansion, with its number.
    func expanded(_ index: Int) -> Word {
        expansionPool[index]
    }

    /// The number of a token's word (`unknown` when nothing names it).
    func id(of word: String) -> Int32 {
        var word = word
        return word.withUTF8 { bytes in spelling(bytes).map { keyIDs[$0] } } ?? Self.unknown
    }
}
