/// British and American spellings of the same word are one word to the cues: "realised" is "realized",
/// "organisation" is "organization", "behaviour" is "behavior", "analyse" is "analyze".
///
/// The tokenizer applies this to every word of a line (the lexicon knows the result for the words it
/// numbers), and `PhrasePattern` to every word of the catalogue, so a cue written either way matches a
/// line written either way.
enum Spelling {
    /// -ise/-isation verbs whose stem ends like these are -ize verbs in American spelling ("realise",
    /// "recognise", "organise", "prioritise"); words like "promise", "advise", "surprise" and "exercise"
    /// have other stems and are left alone.
    private static let izeStemEndings: Set<String> = [
        "al", "gn", "an", "it", "ar", "im", "og", "er", "ic", "on", "rg", "il", "as",
    ]
    private static let izeSuffixes = ["isations", "isation", "ising", "ised", "ises", "isers", "iser", "ise"]
    private static let ourStems: Set<String> = [
        "colo", "behavi", "favo", "hono", "labo", "neighbo", "humo", "endeavo", "savo", "flavo", "rumo", "harbo",
        "vigo", "cando",
    ]
    /// Whole-word variants. The tokenizer folds these into its table of contractions (one look-up per
    /// word either way); `PhrasePattern` applies them to the catalogue through `standardWord`.
    static let wholeWords: [String: String] = [
        "learnt": "learned", "burnt": "burned", "dreamt": "dreamed", "spelt": "spelled", "spoilt": "spoiled",
        "practise": "practice", "practised": "practiced", "practising": "practicing", "judgement": "judgment",
        "programme": "program", "centre": "center", "whilst": "while", "amongst": "among", "towards": "toward",
    ]

    /// The standard spelling of a catalogue word: whole-word variants, then the suffix rules.
    static func standardWord(_ word: String) -> String {
        wholeWords[word] ?? standard(word)
    }

    /// Last letters of the suffixes above ("-ise", "-ised", "-ising", "-isation", "-iser", "-ises").
    private static let suffixEnds: Set<UInt8> = Set("sedgnr".utf8)

    /// What one pass over a word's bytes says about it: whether it has "is"/"ys" or "our" in it (every
    /// British spelling below does), its length and its last byte.
    private struct Shape {
        var hasIs = false
        var hasOur = false
        var count = 0
        var last: UInt8 = 0

        init<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            var previous: UInt8 = 0
            var beforePrevious: UInt8 = 0
            for byte in bytes {
                if byte == UInt8(ascii: "s"), previous == UInt8(ascii: "i") || previous == UInt8(ascii: "y") { hasIs = true }
                if byte == UInt8(ascii: "r"), previous == UInt8(ascii: "u"), beforePrevious == UInt8(ascii: "o") { hasOur = true }
                beforePrevious = previous
                previous = byte
                count += 1
            }
            last = previous
        }

        /// False when `standard` certainly returns the word unchanged.
        var mayRespell: Bool { count >= 5 && (hasIs || hasOur) }
    }

    /// False when `standard(word)` is certainly `word`: the tokenizer's test for a word the lexicon does
    /// not know, before it makes the word a String.
    static func mayRespell(_ bytes: [UInt8]) -> Bool {
        Shape(bytes).mayRespell
    }

    static func standard(_ word: String) -> String {
        // One pass over the bytes decides whether the word could be a British spelling at all, and almost
        // every word is not.
        let shape = Shape(word.utf8)
        guard shape.mayRespell else { return word }
        let hasIs = shape.hasIs
        let hasOur = shape.hasOur
        let last = shape.last
        if hasIs, Spelling.suffixEnds.contains(last) {
            for suffix in izeSuffixes where word.hasSuffix(suffix) {
                let stem = word.dropLast(suffix.count)
                if stem.count >= 3, izeStemEndings.contains(String(stem.suffix(2))) {
                    return stem + "iz" + suffix.dropFirst(2)
                }
                break
            }
            for suffix in ["yses", "ysed", "ysing", "yse"] where word.hasSuffix(suffix) {
                return word.dropLast(suffix.count) + "yz" + suffix.dropFirst(2)
            }
        }
        guard hasOur else { return word }
        for stem in ourStems where word.hasPrefix(stem) && word.dropFirst(stem.count).hasPrefix("our") {
            return stem + "or" + word.dropFirst(stem.count + 3)
        }
        return word
    }
}
