/// What `report --trainee` asks for, matched against the names transcripts record.
///
/// A name matches when its words are the query's words (`"zoe muller"` for "Zoë Müller"), or begin with
/// them (`"zoe"`), compared after `fold`: the command line passes Foundation's case- and diacritic-folding,
/// which this module, free of Foundation, cannot do itself. Words are whole: `"zo"` matches nobody.
///
/// A report is folded from transcripts as they are read, so matching is done in two steps: every name the
/// query might mean is included while reading, then `choice(among:)` says which of them it does mean.
public struct TraineeQuery: Sendable {
    /// How a name matched.
    public enum Match: Sendable, Equatable {
        /// The query names the whole name.
        case whole
        /// The query is the name's first words.
        case firstWords
    }

    /// Which of the names a query matched it means.
    public enum Choice: Sendable, Equatable {
        /// All of them: one person (possibly spelt in more than one way, "Zoë Müller" and "zoe muller").
        case all
        /// Only these: the query names them whole, and other names merely begin with it ("Sam" of "Sam",
        /// "Sam Lee"). The transcripts must be read again with `narrowed(to:)`.
        case only(Set<String>)
        /// Several people begin with the query; it must say more. Sorted.
        case ambiguous([String])
        /// Nobody.
        case nobody
    }

    /// The query as typed, for messages.
    public let text: String
    private let fold: @Sendable (String) -> String
    private let words: [String]
    /// Set by `narrowed(to:)`: only these names (trimmed) match, whole.
    private let acceptedNames: Set<String>?

    /// - Parameter fold: maps text to the form names are compared in; lowercasing by default.
    public init(_ text: String, folding fold: @escaping @Sendable (String) -> String = { $0.lowercased() }) {
        self.text = text
        self.fold = fold
        self.words = Self.words(fold(text))
        self.acceptedNames = nil
    }

    private init(_ query: TraineeQuery, acceptedNames: Set<String>) {
        text = query.text
        fold = query.fold
        words = query.words
        self.acceptedNames = acceptedNames
    }

    /// How `name` matches, or nil when it does not.
    public func match(_ name: String) -> Match? {
        if let acceptedNames {
            return acceptedNames.contains(Self.trimmed(name)) ? .whole : nil
        }
        guard !words.isEmpty else { return nil }
        let nameWords = Self.words(fold(name))
        guard nameWords.count >= words.count, Array(nameWords.prefix(words.count)) == words else { return nil }
        return nameWords.count == words.count ? .whole : .firstWords
    }

    /// Which of `names` (each one the query matched) it means.
    public func choice(among names: some Sequence<String>) -> Choice {
        var whole: Set<String> = []
        var firstWords: Set<String> = []
        for name in names {
            switch match(name) {
            case .whole: whole.insert(name)
            case .firstWords: firstWords.insert(name)
            case nil: continue
            }
        }
        if !whole.isEmpty { return firstWords.isEmpty ? .all : .only(whole) }
        // Names that fold to the same words are one person, however each session spelt them.
        let people = Set(firstWords.map { Self.words(fold($0)) })
        switch people.count {
        case 0: return .nobody
        case 1: return .all
        default: return .ambiguous(firstWords.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) })
        }
    }

    /// A query that matches only `names` (as transcripts spell them, trimmed).
    public func narrowed(to names: Set<String>) -> TraineeQuery {
        TraineeQuery(self, acceptedNames: Set(names.map(Self.trimmed)))
    }

    /// Words split at spaces and hyphens ("Anne-Marie" is two words).
    private static func words(_ text: String) -> [String] {
        text.split { $0.isWhitespace || $0 == "-" }.map(String.init)
    }

    static func trimmed(_ name: String) -> String {
        // Names are almost always clean already; only build a new String when there is something to trim.
        guard name.first?.isWhitespace == true || name.last?.isWhitespace == true else { return name }
        return String(name.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
