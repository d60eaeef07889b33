/// Tab completion of REPL commands: words like ":help" complete when the line starts with ":".
struct CommandCompletion: Sendable {
    enum Outcome: Equatable, Sendable {
        /// Nothing fits (or nothing is left to add): the editor beeps.
        case none
        /// Text to insert at the cursor: the rest of the only match, or what all matches share.
        case insert(String)
        /// Several matches share nothing more: show them.
        case list([String])
    }

    let words: [String]

    init(words: [String]) {
        var seen = Set<String>()
        self.words = words.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// What Tab does when `typed` is the text before the cursor.
    func complete(_ typed: String) -> Outcome {
        // Only the command word completes; coaching sentences are the trainee's own words.
        guard typed.hasPrefix(":"), !typed.contains(where: \.isWhitespace) else { return .none }
        let matches = words.filter { $0.hasPrefix(typed) }
        guard let first = matches.first else { return .none }
        let shared = matches.dropFirst().reduce(first) { $0.commonPrefix(with: $1) }
        if shared.count > typed.count {
            return .insert(String(shared.dropFirst(typed.count)))
        }
        return matches.count > 1 ? .list(matches) : .none
    }
}

extension String {
    /// The longest common prefix, compared by Character so no grapheme is split.
    fileprivate func commonPrefix(with other: String) -> String {
        String(zip(self, other).prefix { $0 == $1 }.map(\.0))
    }
}
