/// A compiled cue pattern over tokens, e.g. `"what ~3 learn* about yourself|you"`.
///
/// Syntax, one element per space-separated part:
/// - `a|b|c`  one of these words (a contraction such as `don't` stands for its expansion, "do not");
/// - `learn*` any word starting with "learn" (alternatives may mix: `track*|monitor`);
/// - `[a|b]`  optional element;
/// - `~N`     skip up to N words (never across a sentence boundary);
/// - `the_way` a run of words inside an alternative (`you_are|you_were|that_is`).
/// A cue may list whole alternative phrases separated by `, ` (see `Cue`).
/// Patterns are compiled once, when the cue catalogue is built; matching is plain array walking.
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

    /// Exact first words, for indexing; nil when the pattern can start with anything (prefix or optional).
    var firstWords: Set<String>? {
        guard case .words(let words, let prefixes, let sequences, let optional)? = elements.first,
            prefixes.isEmpty, !optional
        else { return nil }
        return words.union(sequences.compactMap(\.first))
    }

    /// The token range matched when the pattern starts at `start`, or nil.
    func match(_ tokens: [Token], at start: Int) -> Range<Int>? {
        guard let end = matchElements(tokens, element: 0, position: start, lastMatched: nil) else { return nil }
        return start..<end
    }

    private func matchElements(_ tokens: [Token], element: Int, position: Int, lastMatched: Int?) -> Int? {
        if element == elements.count { return lastMatched.map { $0 + 1 } ?? position }
        switch elements[element] {
        case .gap(let n):
            var skip = 0
            var pos = position
            while true {
                if let end = matchElements(tokens, element: element + 1, position: pos, lastMatched: lastMatched) {
                    return end
                }
                guard skip < n, pos < tokens.count, !tokens[pos].isBoundary else { return nil }
                skip += 1
                pos += 1
            }
        case .words(let words, let prefixes, let sequences, let optional):
            if pos(position, in: tokens), Self.accepts(tokens[position].word, words: words, prefixes: prefixes),
                let end = matchElements(tokens, element: element + 1, position: position + 1, lastMatched: position)
            {
                return end
            }
            for sequence in sequences where matches(sequence, tokens, at: position) {
                let last = position + sequence.count - 1
                if let end = matchElements(tokens, element: element + 1, position: last + 1, lastMatched: last) {
                    return end
                }
            }
            if optional {
                return matchElements(tokens, element: element + 1, position: position, lastMatched: lastMatched)
            }
            return nil
        }
    }

    private func matches(_ sequence: [String], _ tokens: [Token], at position: Int) -> Bool {
        guard position + sequence.count <= tokens.count else { return false }
        for (offset, word) in sequence.enumerated() where tokens[position + offset].word != word { return false }
        return true
    }

    private func pos(_ position: Int, in tokens: [Token]) -> Bool {
        position < tokens.count && !tokens[position].isBoundary
    }

    static func accepts(_ word: String, words: Set<String>, prefixes: [String]) -> Bool {
        if words.contains(word) { return true }
        for prefix in prefixes where word.hasPrefix(prefix) { return true }
        return false
    }
}
