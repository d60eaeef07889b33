/// A cue found in a line: which cue, which of its phrases, where.
struct CueMatch {
    let cue: Cue
    /// Token range matched.
    let range: Range<Int>
    /// Index of the clause the match starts in.
    let clause: Int
}

/// The cue catalogue compiled once: patterns indexed by their first word, so each line costs one
/// dictionary look-up per token plus the few patterns that can start anywhere.
struct CueIndex: Sendable {
    private let byFirstWord: [String: [(cue: Int, pattern: Int)]]
    private let anywhere: [(cue: Int, pattern: Int)]
    private let cues: [Cue]

    static let shared = CueIndex(CueCatalogue.all)

    init(_ cues: [Cue]) {
        self.cues = cues
        var byFirstWord: [String: [(cue: Int, pattern: Int)]] = [:]
        var anywhere: [(cue: Int, pattern: Int)] = []
        for (c, cue) in cues.enumerated() {
            for (p, pattern) in cue.patterns.enumerated() {
                if let words = pattern.firstWords {
                    for word in words { byFirstWord[word, default: []].append((c, p)) }
                } else {
                    anywhere.append((c, p))
                }
            }
        }
        self.byFirstWord = byFirstWord
        self.anywhere = anywhere
    }

    /// Every cue that matches, at most once per cue and clause (the first, longest place it occurs).
    func matches(in tokens: [Token], clauseOf: [Int]) -> [CueMatch] {
        var found: [CueMatch] = []
        var seen = Set<Int>()  // cue index * 1024 + clause
        for start in tokens.indices where !tokens[start].isBoundary {
            let candidates = (byFirstWord[tokens[start].word] ?? []) + anywhere
            for (c, p) in candidates {
                let key = c &* 1024 &+ clauseOf[start]
                if seen.contains(key) { continue }
                if let range = cues[c].patterns[p].match(tokens, at: start), !range.isEmpty {
                    seen.insert(key)
                    found.append(CueMatch(cue: cues[c], range: range, clause: clauseOf[start]))
                }
            }
        }
        return found
    }
}
