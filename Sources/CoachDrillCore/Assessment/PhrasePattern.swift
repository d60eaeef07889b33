/// A compiled cue pattern over tokens, e.g. `"what ~3 learn* about yourself|you"`.
///
/// Syntax, one element per space-separated part:
/// - `a|b|c`  one of these words (a contraction such as `don't` stands for its expansion, "do not");
/// - `learn*` any word starting with "learn" (alternatives may mix: `track*|monitor`);
/// - `[a|b]`  optional element;
/// - `~N`     skip up to N words (never across a sentence boundary);
/// - `the_way` a run of words inside an alternative (`you_are|you_were|that_is`).
/// A cue may list whole alternative phrases separated by `, ` (see `Cue`).
/// Patterns are compiled here once, when the cue catalogue is built; `CueIndex` numbers their words and is
/// the one matcher (the assessor's, and the tests' for every example in Resources/cues.yaml).
struct PhrasePattern: Sendable {
    enum Element: Sendable {
        /// One word from `words`, a word starting with one of `prefixes`, or one of the `sequences`
        /// (contractions written in the pattern, expanded the way the tokenizer expands them).
        case words(Set<String>, prefixes: [String], sequences: [[String]], optional: Bool)
        case gap(Int)
    }

    let source: String
    let elements: [Element]

    init(_ source: String) {
        self.init(source: source, bytes: Array(source.utf8)[...])
    }

    /// Compiles from UTF-8 bytes: the catalogue has hundreds of patterns and this runs at start-up, so it
    /// avoids Character-level string work (grapheme breaking) and runs the tokenizer only on alternatives
    /// that need it (contractions, `_` runs, capitals).
    init(source: String, bytes: ArraySlice<UInt8>) {
        self.source = source
        var elements: [Element] = []
        for part in bytes.split(separator: UInt8(ascii: " ")) {
            if part.first == UInt8(ascii: "~"), let n = Int(String(decoding: part.dropFirst(), as: UTF8.self)) {
                elements.append(.gap(n))
                continue
            }
            var body = part
            var optional = false
            if body.first == UInt8(ascii: "["), body.last == UInt8(ascii: "]") {
                optional = true
                body = body.dropFirst().dropLast()
            }
            var words = Set<String>()
            var prefixes: [String] = []
            var sequences: [[String]] = []
            for alternative in body.split(separator: UInt8(ascii: "|")) {
                if alternative.last == UInt8(ascii: "*") {
                    prefixes.append(String(decoding: alternative.dropLast(), as: UTF8.self))
                    continue
                }
                if alternative.allSatisfy(Self.isPlainWordByte) {
                    words.insert(Spelling.standardWord(String(decoding: alternative, as: UTF8.self)))
                    continue
                }
                let spaced = alternative.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }
                let expanded = Tokenizer.tokenize(spaced).map(\.word)
                if expanded.count == 1 {
                    words.insert(expanded[0])
                } else if !expanded.isEmpty {
                    sequences.append(expanded)
                }
            }
            elements.append(.words(words, prefixes: prefixes, sequences: sequences, optional: optional))
        }
        self.elements = elements
    }

    /// Bytes a word can hold exactly as the tokenizer would produce it (lower-case letters, digits, hyphen).
    private static func isPlainWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-")
    }
}
