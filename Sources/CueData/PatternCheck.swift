/// The few things about a phrase pattern that can be checked without matching it: the generator refuses
/// a pattern the product's compiler would read as something else than its writer meant.
///
/// The pattern language itself (alternatives, prefixes, optional parts, gaps, runs of words) is compiled
/// and matched by CoachDrillCore (`PhrasePattern`, `CueIndex`); its examples in `cues.yaml` are the test of
/// what it matches.
enum PatternCheck {
    /// What is wrong with `pattern`, or nil.
    static func problem(in pattern: String) -> String? {
        let phrases = pattern.split(separator: ",", omittingEmptySubsequences: false)
        for phrase in phrases {
            let parts = phrase.split(separator: " ")
            guard !parts.isEmpty else { return "an empty phrase (two commas in a row, or a comma at an end)" }
            for part in parts {
                if part.hasPrefix("~") {
                    guard let n = Int(part.dropFirst()), (1...9).contains(n) else {
                        return "'\(part)' is not a gap: write ~ and a number from 1 to 9"
                    }
                    continue
                }
                var body = Substring(part)
                if body.hasPrefix("[") || body.hasSuffix("]") {
                    guard body.hasPrefix("["), body.hasSuffix("]"), body.count > 2 else {
                        return "'\(part)' opens or closes an optional part without the other bracket"
                    }
                    body = body.dropFirst().dropLast()
                }
                for alternative in body.split(separator: "|", omittingEmptySubsequences: false) {
                    let word = alternative.hasSuffix("*") ? alternative.dropLast() : alternative
                    guard !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || "'-_’".contains($0) }) else {
                        return "'\(alternative)' in '\(part)' is not a word, a prefix (learn*) or a run of words (the_way)"
                    }
                }
            }
        }
        return nil
    }

    /// A word as the tokenizer produces it: lower-case ASCII letters, digits and inner hyphens.
    static func isWord(_ word: String) -> Bool {
        !word.isEmpty
            && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
