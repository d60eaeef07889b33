/// British and American spellings of the same word are one word to the cues: "realised" is "realized",
/// "organisation" is "organization", "behaviour" is "behavior", "analyse" is "analyze".
///
/// The tokenizer applies this to every word of a line, and `PhrasePattern` to every word of the catalogue,
/// so a cue written either way matches a line written either way.
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
    private static let whole: [String: String] = [
        "learnt": "learned", "burnt": "burned", "dreamt": "dreamed", "spelt": "spelled", "spoilt": "spoiled",
        "practise": "practice", "practised": "practiced", "practising": "practicing", "judgement": "judgment",
        "programme": "program", "centre": "center", "whilst": "while", "amongst": "among", "towards": "toward",
    ]

    /// Last letters of the suffixes above ("-ise", "-ised", "-ising", "-isation", "-iser", "-ises").
    private static let suffixEnds: Set<UInt8> = Set("sedgnr".utf8)

    static func standard(_ word: String) -> String {
        let bytes = word.utf8
        // Most words need nothing: only look further at words that could be British spellings.
        guard bytes.count >= 5 else { return word }
        if let mapped = whole[word] { return mapped }
        if let last = bytes.last, Spelling.suffixEnds.contains(last) {
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
        for stem in ourStems where word.hasPrefix(stem) && word.dropFirst(stem.count).hasPrefix("our") {
            return stem + "or" + word.dropFirst(stem.count + 3)
        }
        return word
    }
}
