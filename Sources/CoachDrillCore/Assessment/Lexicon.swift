/// Every word the engine reads by name, numbered once: the words of the readings' word sets (question
/// words, auxiliaries, action verbs: `WordSet`) and the words of the cue catalogue.
///
/// Why numbers: each token of a line is tested against a dozen word sets and a few hundred cue patterns.
/// The tokenizer looks each word up once and gives the token the word's number; every later test is an
/// integer look-up.
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
    static let readingWords = Clause.Words.all + Focus.Words.all + LineFeatures.Words.all

    /// The numbered words, by number.
    let words: [String]
    /// The number of each numbered word.
    private let numbers: [String: Int32]
    /// What the tokenizer makes of each spelling it looks up: the numbered words, and the spellings it
    /// rewrites by table or that are common enough to be worth not rewriting by hand
    /// (`Tokenizer.knownSpellings`).
    private let spellings: [String: [Word]]

    /// Numbers the reading words first, so the word sets' bit arrays stay short, then the catalogue's words.
    /// (Built once, while the first prompt is on screen: `Assessor.prepare`.)
    init(readingWords: [String], catalogue: [Cue]) {
        var numbers: [String: Int32] = [:]
        var words: [String] = []
        func number(_ word: String) {
            guard numbers[word] == nil else { return }
            numbers[word] = Int32(words.count)
            words.append(word)
        }
        readingWords.forEach(number)
        for cue in catalogue {
            for pattern in cue.patterns {
                for case .words(let alternatives, _, let sequences, _) in pattern.elements {
                    alternatives.sorted().forEach(number)
                    sequences.joined().forEach(number)
                }
            }
        }
        var spellings: [String: [Word]] = [:]
        for spelling in words + Tokenizer.knownSpellings where spellings[spelling] == nil {
            var expansion: [Word] = []
            Tokenizer.expand(spelling) { expansion.append(Word(text: $0, id: numbers[$0] ?? Self.unknown)) }
            spellings[spelling] = expansion
        }
        self.words = words
        self.numbers = numbers
        self.spellings = spellings
    }

    /// The words the tokenizer makes of `spelling`, with their numbers, if the lexicon knows it.
    func expansion(of spelling: String) -> [Word]? {
        spellings[spelling]
    }

    /// The number of a token's word (`unknown` when nothing names it).
    func id(of word: String) -> Int32 {
        numbers[word] ?? Self.unknown
    }
}
