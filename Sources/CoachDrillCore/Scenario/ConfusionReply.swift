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

        /// The phrase's words and marks, split once: every reply line of a scenario is read against every
        /// pattern when it loads.
        fileprivate let parts: [Substring]

        init(_ phrase: String, examples: [String], counterexamples: [String] = []) {
            self.phrase = phrase
            self.examples = examples
            self.counterexamples = counterexamples
            parts = phrase.split(separator: " ")
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
        return patterns.first { matches($0.parts, words) }
    }

    public static func isConfusion(_ line: String) -> Bool {
        pattern(in: line) != nil
    }

    /// A line's words, lower-cased with straight apostrophes, and its sentence ends (`.`, `!`, `?`) as
    /// words of their own; an ellipsis ("...", "…") is a pause, and other punctuation only separates words.
    static func words(_ line: String) -> [Substring] {
        var normalized = ""
        let characters = Array(line.lowercased())
        for (index, character) in characters.enumerated() {
            switch character {
            case "’", "‘": normalized.append("'")
            case "?", "!": normalized += " \(character) "
            case ".":
                let inEllipsis =
                    (index + 1 < characters.count && characters[index + 1] == ".")
                    || (index > 0 && characters[index - 1] == ".")
                normalized += inEllipsis ? " " : " . "
            default:
                let isWordPart = character.isLetter || character.isNumber || character == "'"
                normalized.append(isWordPart ? character : " ")
            }
        }
        return normalized.split(separator: " ")
    }

    private static func isSentenceEnd(_ word: Substring) -> Bool {
        word == "." || word == "!" || word == "?"
    }

    /// Whether the pattern's parts occur in the words, starting anywhere (or where `^` allows).
    private static func matches(_ parts: [Substring], _ words: [Substring]) -> Bool {
        words.indices.contains { matches(parts[...], words, from: $0) } || (words.isEmpty && parts.isEmpty)
    }

    private static func matches(_ parts: ArraySlice<Substring>, _ words: [Substring], from start: Int) -> Bool {
        var position = start
        for part in parts {
            switch part {
            case "^":
                guard position == 0 || isSentenceEnd(words[position - 1]) else { return false }
            case "|":
                if position == words.count { continue }
                guard isSentenceEnd(words[position]) else { return false }
            case "$":
                while position < words.count, isSentenceEnd(words[position]) { position += 1 }
                guard position == words.count else { return false }
            case "*":
                guard position < words.count, !isSentenceEnd(words[position]) else { return false }
                position += 1
            default:
                guard position < words.count, words[position] == part else { return false }
                position += 1
            }
        }
        return true
    }
}
