/// A word or a sentence boundary of a coach line, with the bytes it came from.
struct Token: Equatable {
    /// Lower-cased, apostrophes straightened, contractions expanded ("you're" gives "you", "are").
    var word: String
    /// The word's number in the lexicon, given once when the line is tokenised, so that the readings test
    /// words with integer look-ups (`WordSet`) instead of hashing `word` again and again. `Lexicon.unknown`
    /// when nothing the engine reads names the word, or when the tokens were made without a lexicon (the
    /// catalogue's own patterns, compiled before the lexicon exists); `Lexicon.boundary` for a boundary.
    var id: Int32
    /// Byte range in the line's UTF-8, so evidence quotes the words exactly as typed.
    var start: Int
    var end: Int
    /// A clause boundary: `.`, `!`, `?`, `;` or `:`.
    var isBoundary: Bool { id == Lexicon.boundary }

    /// No token: what a reading compares when it looks past the end of a clause ("the word after").
    static let absent = Token(word: "", id: Lexicon.unknown, start: 0, end: 0)
}

/// Splits a coach line into tokens. Works on UTF-8 bytes: ASCII letters are lower-cased, non-ASCII
/// bytes stay part of words, so "café" is one word and no line can make it fail.
enum Tokenizer {
    /// Tokens with their words only, numbered `Lexicon.unknown`: for compiling the catalogue (the lexicon
    /// is built from it) and for reading the client's line.
    static func tokenize(_ bytes: [UInt8]) -> [Token] {
        tokenize(bytes, lexicon: nil)
    }

    /// Tokens numbered with `lexicon`: each word is looked up once, by its bytes, and the look-up also
    /// says what a contraction or British spelling stands for.
    static func tokenize(_ bytes: [UInt8], numberingWith lexicon: Lexicon) -> [Token] {
        tokenize(bytes, lexicon: lexicon)
    }

    private static func tokenize(_ bytes: [UInt8], lexicon: Lexicon?) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4 + 1)
        // The current word's bytes as the lexicon spells them: lower-case, straight apostrophes.
        var word: [UInt8] = []
        var wordStart = 0

        func flushWord(at end: Int) {
            // Trailing apostrophes ("coaches'") are quotes, not part of the word.
            while word.last == UInt8(ascii: "'") { word.removeLast() }
            guard !word.isEmpty else { return }
            let text = String(decoding: word, as: UTF8.self)
            if let lexicon {
                appendNumbered(text, bytes: word, start: wordStart, end: end, lexicon: lexicon, to: &tokens)
            } else {
                let start = wordStart
                expand(text) { tokens.append(Token(word: $0, id: Lexicon.unknown, start: start, end: end)) }
            }
            word.removeAll(keepingCapacity: true)
        }

        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) and U+2018 count as an apostrophe.
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0x99 || bytes[index + 2] == 0x98
            {
                if !word.isEmpty { word.append(UInt8(ascii: "'")) }
                index += 3
                continue
            }
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if word.isEmpty { wordStart = index }
                word.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...0xFF:
                if word.isEmpty { wordStart = index }
                word.append(byte)
            case UInt8(ascii: "'"):
                if !word.isEmpty { word.append(byte) }
            case UInt8(ascii: "-"):
                // Keep "follow-up" and "co-founder" whole; a lone dash is a pause.
                if !word.isEmpty, index + 1 < bytes.count, isWordByte(bytes[index + 1]) {
                    word.append(byte)
                } else {
                    flushWord(at: index)
                }
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: ":"):
                flushWord(at: index)
                // "..." and "?!" collapse into one boundary; a question mark wins.
                if let last = tokens.last, last.isBoundary, last.end == index {
                    if byte == UInt8(ascii: "?") { tokens[tokens.count - 1].word = "?" }
                    tokens[tokens.count - 1].end = index + 1
                } else {
                    tokens.append(Token(word: String(UnicodeScalar(byte)), id: Lexicon.boundary, start: index, end: index + 1))
                }
            default:
                flushWord(at: index)
            }
            index += 1
        }
        flushWord(at: bytes.count)
        return tokens
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...0xFF:
            true
        default:
            false
        }
    }

    /// A word the lexicon knows comes with its expansion and numbers; any other word is a plain word
    /// unless it has an apostrophe or could be a British spelling, and then it is expanded the long way.
    private static func appendNumbered(
        _ text: String, bytes: [UInt8], start: Int, end: Int, lexicon: Lexicon, to tokens: inout [Token]
    ) {
        if let known = lexicon.expansion(of: text) {
            for part in known { tokens.append(Token(word: part.text, id: part.id, start: start, end: end)) }
            return
        }
        // Non-ASCII words go the long way too: `expand` works on the decoded text, whose bytes can differ.
        let plain = bytes.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "'") }
        if plain, !Spelling.mayRespell(bytes) {
            // Every numbered word is in the lexicon, so a word it does not know has no number.
            tokens.append(Token(word: text, id: Lexicon.unknown, start: start, end: end))
            return
        }
        expand(text) { tokens.append(Token(word: $0, id: lexicon.id(of: $0), start: start, end: end)) }
    }

    /// The words a written word stands for, so that cue patterns need one spelling: "you'll" is "you",
    /// "will"; "don't" is "do", "not"; "realised" is "realized".
    static func expand(_ word: String, _ emit: (String) -> Void) {
        if let whole = wholeWordExpansions[word] {
            for part in whole { emit(part) }
            return
        }
        if word.utf8.contains(UInt8(ascii: "'")), let apostrophe = word.lastIndex(of: "'") {
            let stem = String(word[..<apostrophe])
            let suffix = String(word[word.index(after: apostrophe)...])
            if let expanded = suffixExpansions[suffix], !stem.isEmpty {
                // "don't" splits as "don" + "t": the stem loses its "n".
                let base = suffix == "t" ? (negationStems[stem] ?? String(stem.dropLast())) : stem
                emit(base)
                emit(expanded)
                return
            }
            if suffix == "s" {
                // "what's", "it's", "that's" are "is"; a possessive ("Dana's") keeps the stem only.
                emit(stem)
                if isCopulaStem.contains(stem) { emit("is") }
                return
            }
        }
        emit(Spelling.standard(word))
    }

    /// Spellings the lexicon looks up besides the words it numbers: the tokenizer's tables, and the
    /// contractions of pronouns and question words ("you're", "what's", "don't"), common in coach lines.
    static var knownSpellings: [String] {
        let stems = [
            "i", "you", "we", "they", "he", "she", "it", "that", "this", "what", "there", "here", "who", "where",
            "how", "when", "why", "which", "everything", "nothing", "something", "anything",
        ]
        let suffixes = ["'s", "'re", "'ll", "'ve", "'d", "'m"]
        return wholeWordExpansions.keys.sorted() + stems.flatMap { stem in suffixes.map { stem + $0 } }
            + negationStems.keys.sorted().map { $0 + "'t" }
    }

    private static let wholeWordExpansions: [String: [String]] = contractions
        .merging(Spelling.wholeWords.mapValues { [$0] }, uniquingKeysWith: { contraction, _ in contraction })
        .merging(TypingSlips.words.mapValues { [$0] }, uniquingKeysWith: { known, _ in known })

    /// Contractions, and the same typed without an apostrophe where the result is no English word ("dont",
    /// "youre"). "ill", "lets" and "wont" are words of their own ("You seem ill", "She lets it slide"), so
    /// they are read as written. `TokenizerTableTests` runs every entry.
    static let contractions: [String: [String]] = [
        "won't": ["will", "not"], "can't": ["can", "not"], "cannot": ["can", "not"], "shan't": ["shall", "not"],
        "let's": ["let", "us"], "gonna": ["going", "to"], "wanna": ["want", "to"],
        "gotta": ["got", "to"], "ain't": ["is", "not"], "y'all": ["you"], "ya": ["you"], "u": ["you"],
        "im": ["i", "am"], "ive": ["i", "have"], "youre": ["you", "are"], "dont": ["do", "not"],
        "didnt": ["did", "not"], "doesnt": ["does", "not"], "isnt": ["is", "not"],
        "cant": ["can", "not"], "shouldnt": ["should", "not"], "wouldnt": ["would", "not"],
        "whats": ["what", "is"], "thats": ["that", "is"], "hows": ["how", "is"], "wheres": ["where", "is"],
        "youll": ["you", "will"], "youve": ["you", "have"], "youd": ["you", "would"],
        "realise": ["realize"], "realised": ["realized"], "realising": ["realizing"], "recognise": ["recognize"],
        "recognised": ["recognized"], "practise": ["practice"], "practised": ["practiced"],
        "honour": ["honor"], "behaviour": ["behavior"], "organisation": ["organization"],
        "learnt": ["learned"], "prioritise": ["prioritize"], "apologise": ["apologize"],
    ]

    private static let suffixExpansions: [String: String] = [
        "re": "are", "ll": "will", "ve": "have", "d": "would", "m": "am", "t": "not",
    ]

    private static let isCopulaStem: Set<String> = [
        "it", "that", "what", "there", "here", "who", "where", "how", "this", "he", "she", "everything",
        "nothing", "something", "anything", "which", "when", "why",
    ]
}

extension Tokenizer {
    private static let negationStems: [String: String] = [
        "don": "do", "doesn": "does", "didn": "did", "isn": "is", "aren": "are", "wasn": "was",
        "weren": "were", "haven": "have", "hasn": "has", "hadn": "had", "shouldn": "should",
        "wouldn": "would", "couldn": "could", "mustn": "must", "needn": "need", "mightn": "might",
    ]
}
