/// What the client may say after a branch is taken, keyed by what the coach did: a set of whole sentences
/// for each key, tried in order, the first key that fits the coach's line giving the set one line is picked
/// from. A plain `client:` (a line or a list of lines) is one set keyed `otherwise`.
public struct Replies: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// What a set of replies answers.
    public enum Key: Sendable, Hashable, CustomStringConvertible {
        /// Advice of this kind (`action`, `support`, ...).
        case advice(AdviceKind)
        /// A line that fell into this trap.
        case trap(Trap)
        /// A line whose primary marker is this one, whatever its stance (written in quotes: `"8.2"`).
        case marker(Marker)
        /// A line that gives the client nothing to answer (`Assessment.unclear`).
        case unclear
        /// Any line: last in a mapping, and the key of a plain `client:`.
        case otherwise

        /// The key as written in a scenario file.
        public var description: String {
            switch self {
            case .advice(let kind): kind.rawValue
            case .trap(let trap): trap.rawValue
            case .marker(let marker): marker.id
            case .unclear: "unclear"
            case .otherwise: "otherwise"
            }
        }

        /// The key a scenario file spells `text`, or nil.
        public init?(_ text: String) {
            switch text {
            case "unclear": self = .unclear
            case "otherwise": self = .otherwise
            default:
                if let kind = AdviceKind(rawValue: text) {
                    self = .advice(kind)
                } else if let trap = Trap(rawValue: text) {
                    self = .trap(trap)
                } else if let marker = Marker(id: text) {
                    self = .marker(marker)
                } else {
                    return nil
                }
            }
        }

        /// Every key a scenario may write, for suggestions.
        public static var spellings: [String] {
            AdviceKind.allCases.map(\.rawValue) + Trap.allCases.map(\.rawValue) + Marker.allCases.map(\.id)
                + ["unclear", "otherwise"]
        }

        /// Whether the coach's line, as judged, is one this key answers.
        public func fits(_ assessment: Assessment) -> Bool {
            switch self {
            case .advice(let kind): assessment.adviceKind == kind
            case .trap(let trap): assessment.traps.contains(trap)
            case .marker(let marker): assessment.marker == marker
            case .unclear: assessment.unclear
            case .otherwise: true
            }
        }
    }

    /// One key and the lines it may give: a reply set.
    public struct Entry: Sendable, Equatable {
        public var key: Key
        public var lines: [String]

        public init(key: Key, lines: [String]) {
            self.key = key
            self.lines = lines
        }
    }

    /// In file order; for a mapping the last is `otherwise`.
    public var entries: [Entry]
    /// Written as a mapping of keys (rather than a plain line or list of lines).
    public var isKeyed: Bool

    public init(entries: [Entry], isKeyed: Bool = true) {
        self.entries = entries
        self.isKeyed = isKeyed
    }

    /// One reply set for any line: a plain `client:`. No lines, no reply.
    public init(_ lines: [String]) {
        entries = lines.isEmpty ? [] : [Entry(key: .otherwise, lines: lines)]
        isKeyed = false
    }

    public init(arrayLiteral lines: String...) {
        self.init(lines)
    }

    /// No reply at all.
    public var isEmpty: Bool { entries.allSatisfy(\.lines.isEmpty) }

    /// The index of the entry that answers the line: the first whose key fits; nil when none does (only a
    /// branch without replies, or a mapping a linter would refuse).
    public func entryIndex(for assessment: Assessment) -> Int? {
        entries.indices.first { entries[$0].key.fits(assessment) }
    }

    /// Every line of every set, in order (what lint reads for confusion).
    public var allLines: [String] { entries.flatMap(\.lines) }
}
