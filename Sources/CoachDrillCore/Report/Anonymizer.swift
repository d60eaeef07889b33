/// Takes identifying bits out of a coach's line before it is shown to a room: participants' names become
/// "Participant N", and e-mail addresses, web links, @handles and phone-like numbers become placeholders.
///
/// Names are matched word by word (a full name or any part of it of two or more letters), only when
/// capitalised in the line, so a participant called "Will" does not turn "what will you do" into nonsense.
public struct Anonymizer: Sendable {
    /// Lowercased name part -> replacement.
    private let replacements: [String: String]

    /// - Parameter participants: each participant's name and the label that replaces it.
    public init(participants: [(name: String, label: String)]) {
        var table: [String: String] = [:]
        for (name, label) in participants {
            for part in Self.words(of: name) where part.count >= 2 {
                // A part shared by two people (a common surname) maps to the first; either way it is hidden.
                if table[part.lowercased()] == nil { table[part.lowercased()] = label }
            }
        }
        replacements = table
    }

    public func clean(_ line: String) -> String {
        var out: [String] = []
        var pendingNumber: [Substring] = []
        var lastLabel: String?

        func flushNumber() {
            guard !pendingNumber.isEmpty else { return }
            let digits = pendingNumber.reduce(0) { $0 + $1.filter(\.isNumber).count }
            if digits >= 6 {
                out.append("[number]" + Self.trailingPunctuation(of: pendingNumber[pendingNumber.count - 1]))
            } else {
                out.append(contentsOf: pendingNumber.map(String.init))
            }
            pendingNumber.removeAll()
        }

        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if Self.isNumberish(word) {
                pendingNumber.append(word)
                lastLabel = nil
                continue
            }
            flushNumber()
            let (lead, core, trail) = Self.splitPunctuation(word)
            let replaced: String
            if core.contains("@"), core.contains("."), !core.hasPrefix("@") {
                replaced = "[email]"
                lastLabel = nil
            } else if core.hasPrefix("@"), core.count > 1 {
                replaced = "[handle]"
                lastLabel = nil
            } else if core.lowercased().hasPrefix("http://") || core.lowercased().hasPrefix("https://")
                || core.lowercased().hasPrefix("www.")
            {
                replaced = "[link]"
                lastLabel = nil
            } else if let label = nameLabel(core) {
                // "Robin Doe" becomes one "Participant 3", not two.
                if lastLabel == label, lead.isEmpty, let previous = out.last, previous == label {
                    out[out.count - 1] = label + trail
                    continue
                }
                replaced = label + Self.possessive(core)
                lastLabel = label
            } else {
                replaced = String(core)
                lastLabel = nil
            }
            out.append(lead + replaced + trail)
        }
        flushNumber()
        return out.joined(separator: " ")
    }

    private func nameLabel(_ core: Substring) -> String? {
        guard let first = core.first, first.isUppercase else { return nil }
        var stem = core
        if stem.hasSuffix("'s") || stem.hasSuffix("’s") { stem = stem.dropLast(2) }
        return replacements[stem.lowercased()]
    }

    private static func possessive(_ core: Substring) -> String {
        core.hasSuffix("'s") ? "'s" : core.hasSuffix("’s") ? "’s" : ""
    }

    private static func words(of name: String) -> [String] {
        name.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "-" }).map(String.init)
    }

    /// Digits with the separators phone numbers use: "+44", "(0)20", "555-1234".
    private static func isNumberish(_ word: Substring) -> Bool {
        let core = word.trimmingTrailingPunctuation
        return !core.isEmpty && core.contains(where: \.isNumber)
            && core.allSatisfy { $0.isNumber || "+-().".contains($0) }
    }

    private static func trailingPunctuation(of word: Substring) -> String {
        String(word.dropFirst(word.trimmingTrailingPunctuation.count))
    }

    private static func splitPunctuation(_ word: Substring) -> (String, Substring, String) {
        let leading = word.prefix { "\"'“‘([".contains($0) }
        let rest = word.dropFirst(leading.count)
        let core = rest.trimmingTrailingPunctuation
        return (String(leading), core, String(rest.dropFirst(core.count)))
    }
}

extension Substring {
    /// Without trailing sentence punctuation and closing quotes.
    fileprivate var trimmingTrailingPunctuation: Substring {
        var end = endIndex
        while end > startIndex, ".,;:!?\"'”’)]".contains(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
