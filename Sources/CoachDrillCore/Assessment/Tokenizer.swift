/// A word or a sentence boundary of a coach line, with the bytes it came from.
struct Token: Equatable {
    /// Lower-cased, apostrophes straightened, contractions expanded ("you're" gives "you", "are").
    var word: String
    /// Byte range in the line's UTF-8, so evidence quotes the words exactly as typed.
    var start: Int
    var end: Int
    /// A clause boundary: `.`, `!`, `?`, `;` or `:`.
    var isBoundary: Bool {
        guard word.utf8.count == 1, let byte = word.utf8.first else { return false }
        return byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
            || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":")
    }

    static let boundaries: Set<String> = [".", "!", "?", ";", ":"]
}

/// Splits a coach line into tokens. Works on UTF-8 bytes: ASCII letters are lower-cased, non-ASCII
/// bytes stay part of words, so "café" is one word and no line can make it fail.
enum Tokenizer {
    static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4 + 1)
        var wordBytes: [UInt8] = []
        var wordStart = 0
        var index = 0

        func flushWord(at end: Int) {
            guard !wordBytes.isEmpty else { return }
            // Trailing apostrophes ("coaches'") are quotes, not part of the word.
            while wordBytes.last == UInt8(ascii: "'") { wordBytes.removeLast() }
            if !wordBytes.isEmpty {
                appendExpanded(String(decoding: wordBytes, as: UTF8.self), start: wordStart, end: end, to: &tokens)
            }
            wordBytes.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) and U+2018 count as an apostrophe.
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0x99 || bytes[index + 2] == 0x98
            {
                if !wordBytes.isEmpty { wordBytes.append(UInt8(ascii: "'")) }
                index += 3
                continue
            }
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if wordBytes.isEmpty { wordStart = index }
                wordBytes.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...0xFF:
                if wordBytes.isEmpty { wordStart = index }
                wordBytes.append(byte)
            case UInt8(ascii: "'"):
                if !wordBytes.isEmpty { wordBytes.append(byte) }
            case UInt8(ascii: "-"):
                // Keep "follow-up" and "co-founder" whole; a lone dash is a pause.
                if !wordBytes.isEmpty, index + 1 < bytes.count, isWordByte(bytes[index + 1]) {
                    wordBytes.append(byte)
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
                    tokens.append(Token(word: String(UnicodeScalar(byte)), start: index, end: index + 1))
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

    /// Expands contractions so that cue patterns need one spelling: "you'll" matches "you will".
    private static func appendExpanded(_ word: String, start: Int, end: Int, to tokens: inout [Token]) {
        if let whole = wholeWordExpansions[word] {
            for part in whole { tokens.append(Token(word: part, start: start, end: end)) }
            return
        }
        if word.utf8.contains(UInt8(ascii: "'")), let apostrophe = word.lastIndex(of: "'") {
            let stem = String(word[..<apostrophe])
            let suffix = String(word[word.index(after: apostrophe)...])
            if let expanded = suffixExpansions[suffix], !stem.isEmpty {
                // "don't" splits as "don" + "t": the stem loses its "n".
                let base = suffix == "t" ? (negationStems[stem] ?? String(stem.dropLast())) : stem
                tokens.append(Token(word: base, start: start, end: end))
                tokens.append(Token(word: expanded, start: start, end: end))
                return
            }
            if suffix == "s" {
                // "what's", "it's", "that's" are "is"; a possessive ("Dana's") keeps the stem only.
                tokens.append(Token(word: stem, start: start, end: end))
                if isCopulaStem.contains(stem) { tokens.append(Token(word: "is", start: start, end: end)) }
                return
            }
        }
        tokens.append(Token(word: Spelling.standard(word), start: start, end: end))
    }

    private static let wholeWordExpansions: [String: [String]] = contractions.merging(
        Spelling.wholeWords.mapValues { [$0] }, uniquingKeysWith: { contraction, _ in contraction })

    private static let contractions: [String: [String]] = [
        "won't": ["will", "not"], "can't": ["can", "not"], "cannot": ["can", "not"], "shan't": ["shall", "not"],
        "let's": ["let", "us"], "lets": ["let", "us"], "gonna": ["going", "to"], "wanna": ["want", "to"],
        "gotta": ["got", "to"], "ain't": ["is", "not"], "y'all": ["you"], "ya": ["you"], "u": ["you"],
        "im": ["i", "am"], "ive": ["i", "have"], "youre": ["you", "are"], "dont": ["do", "not"],
        "didnt": ["did", "not"], "doesnt": ["does", "not"], "isnt": ["is", "not"], "wont": ["will", "not"],
        "cant": ["can", "not"], "shouldnt": ["should", "not"], "wouldnt": ["would", "not"],
        "whats": ["what", "is"], "thats": ["that", "is"], "hows": ["how", "is"], "wheres": ["where", "is"],
        "youll": ["you", "will"], "youve": ["you", "have"], "youd": ["you", "would"], "ill": ["i", "will"],
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
