/// Client lines that say the client did not understand the coach ("Sorry, what?", "You've lost me").
///
/// A trainee reads such a reply as "my question was unclear", which teaches the wrong lesson after a clear,
/// partnering question; so lint allows them only as replies to unclear lines, and the playthrough test
/// checks that none follows a partnering line. This is the one place that says what confusion sounds like.
public enum ConfusionReply {
    /// A phrase of words to find in a line, in a small pattern language over the line's words:
    /// `*` is any one word, `^` the start of a sentence, `|` the end of a sentence (`.`, `!`, `?` or the
    /// end of the line), `$` the end of the line, `?` a question mark. Matching ignores case and the
    /// punctuation inside sentences, and reads an ellipsis as a pause.
    public struct Pattern: Sendable {
        public let phrase: String
        /// Lines it must find.
        public let examples: [String]
        /// Lines that look alike but are not confusion: it must not find them.
        public let counterexamples: [String]

        /// The phrase's words and marks, read once: every reply line of a scenario is read against every
        /// pattern when it loads.
        fileprivate let parts: [Part]
        /// The phrase's words: a line without all of them cannot match, and most lines are let go at this.
        fileprivate let words: [String]

        init(_ phrase: String, examples: [String], counterexamples: [String] = []) {
            self.phrase = phrase
            self.examples = examples
            self.counterexamples = counterexamples
            parts = phrase.split(separator: " ").map(Part.init)
            words = parts.compactMap { part in
                if case .word(let word) = part { word } else { nil }
            }
        }
    }

    /// One element of a pattern's phrase.
    fileprivate enum Part {
        /// `^`
        case sentenceStart
        /// `|`
        case sentenceEnd
        /// `$`
        case lineEnd
        /// `*`
        case anyWord
        /// A word, or `?` (a sentence end is a word of the line).
        case word(String)

        init(_ text: Substring) {
            switch text {
            case "^": self = .sentenceStart
            case "|": self = .sentenceEnd
            case "$": self = .lineEnd
            case "*": self = .anyWord
            default: self = .word(String(text))
            }
        }
    }

    public static let patterns: [Pattern] = [
        Pattern(
            "what do you mean", examples: ["What do you mean?", "Sorry, what do you mean by that?"],
            counterexamples: ["I know what you mean."]),
        Pattern("what did you mean", examples: ["What did you mean there?"]),
        Pattern(
            "not quite with you", examples: ["Sorry, I'm not quite with you."],
            counterexamples: ["I'm not quite done with you yet."]),
        Pattern("not with you", examples: ["I'm not with you.", "Sorry, not with you there."], counterexamples: ["I'm not angry with you."]),
        Pattern(
            "say that again", examples: ["Sorry, I drifted. Say that again?", "Can you say that again?"]),
        Pattern("lost me", examples: ["You've lost me.", "You lost me there."]),
        Pattern(
            "don't follow |", examples: ["I don't follow.", "Sorry, I don't follow?"],
            counterexamples: ["I don't follow through on things, that's the pattern."]),
        Pattern("not sure i follow", examples: ["I'm not sure I follow."]),
        Pattern("come again ?", examples: ["Come again?"], counterexamples: ["Come again next week and we'll see."]),
        Pattern(
            "which bit ?", examples: ["The situation? Which bit?", "Which bit?"],
            counterexamples: ["I know which bit scares me."]),
        Pattern("which part ?", examples: ["Which part?"]),
        Pattern("what did you ask", examples: ["Sorry, I drifted there. What did you ask?"]),
        Pattern("what are you asking", examples: ["What are you asking me, exactly?"]),
        Pattern("what was the question", examples: ["Sorry, what was the question?"]),
        Pattern(
            "don't understand", examples: ["I don't understand.", "I don't understand the question."]),
        Pattern("didn't catch", examples: ["Sorry, I didn't catch that."]),
        Pattern(
            "^ sorry what", examples: ["Sorry, what?", "Sorry... what was that?"],
            counterexamples: ["Sorry. What I noticed is that I apologise all the time."]),
        Pattern("try what ?", examples: ["Sorry, try what?", "Try what?"], counterexamples: ["I'll try what you said."]),
        Pattern("^ do what ?", examples: ["Do what?"], counterexamples: ["Do what I said I'd do? Yes."]),
        Pattern("^ sorry ? $", examples: ["Sorry?"], counterexamples: ["Sorry? No, I'm grand."]),
        Pattern("^ what ? $", examples: ["What?"], counterexamples: ["What? Yes, that's it exactly."]),
        Pattern("^ huh ?", examples: ["Huh?", "Huh? Meaning?"]),
        Pattern("^ pardon |", examples: ["Pardon?", "Pardon. Say that again?"], counterexamples: ["Pardon my French."]),
        Pattern(
            "^ * ? i don't know $", examples: ["Support? I... don't know."],
            counterexamples: ["A plan? I don't know. I haven't got that far yet.", "I don't know."]),
        Pattern("^ * * ? i don't know $", examples: ["The rota? I don't know."]),
    ]

    /// The first pattern that finds confusion in `line`, or nil.
    public static func pattern(in line: String) -> Pattern? {
        let words = Self.words(line)
        let present = Set(words)
        return patterns.first { $0.words.allSatisfy(present.contains) && matches($0.parts, words) }
    }

    public static func isConfusion(_ line: String) -> Bool {
        pattern(in: line) != nil
    }

    /// A line's words, lower-cased with straight apostrophes, and its sentence ends (`.`, `!`, `?`) as
    /// words of their own; an ellipsis ("...", "…") is a pause, and other punctuation only separates words.
    ///
    /// Read a Unicode scalar at a time (every reply line of a scenario is read here when it loads, and
    /// scalars are much cheaper than Characters): letters and digits make words, and a combining mark
    /// stays with the word it follows, so an accented letter is kept whole however it is encoded.
    static func words(_ line: String) -> [String] {
        let scalars = Array(line.lowercased().unicodeScalars)
        var words: [String] = []
        // The word so far, as UTF-8.
        var word: [UInt8] = []
        func endWord() {
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "a"..."z", "0"..."9", "'":
                word.append(UInt8(scalar.value))
            case "’", "‘":
                word.append(UInt8(ascii: "'"))
            case "?", "!":
                endWord()
                words.append(String(scalar))
            case ".":
                endWord()
                let inEllipsis =
                    (index + 1 < scalars.count && scalars[index + 1] == ".") || (index > 0 && scalars[index - 1] == ".")
                if !inEllipsis { words.append(".") }
            case _ where scalar.isASCII:
                endWord()
            default:
                let properties = scalar.properties
                let isWordPart =
                    properties.isAlphabetic || properties.numericType != nil
                    || (!word.isEmpty && Self.combiningMarks.contains(properties.generalCategory))
                if isWordPart {
                    UTF8.encode(scalar) { word.append($0) }
                } else {
                    endWord()
                }
            }
        }
        endWord()
        return words
    }

    private static let combiningMarks: Set<Unicode.GeneralCategory> = [.nonspacingMark, .spacingMark, .enclosingMark]

    private static func isSentenceEnd(_ word: String) -> Bool {
        word == "." || word == "!" || word == "?"
    }

    /// Whether the pattern's parts occur in the words, starting anywhere (or where `^` allows).
    private static func matches(_ parts: [Part], _ words: [String]) -> Bool {
        words.indices.contains { matches(parts, words, from: $0) } || (words.isEmpty && parts.isEmpty)
    }

    private static func matches(_ parts: [Part], _ words: [String], from start: Int) -> Bool {
        var position = start
        for part in parts {
            switch part {
            case .sentenceStart:
                guard position == 0 || isSentenceEnd(words[position - 1]) else { return false }
            case .sentenceEnd:
                if position == words.count { continue }
                guard isSentenceEnd(words[position]) else { return false }
            case .lineEnd:
                while position < words.count, isSentenceEnd(words[position]) { position += 1 }
                guard position == words.count else { return false }
            case .anyWord:
                guard position < words.count, !isSentenceEnd(words[position]) else { return false }
                position += 1
            case .word(let word):
                guard position < words.count, words[position] == word else { return false }
                position += 1
            }
        }
        return true
    }
}
