/// Clause numbers of one line: the clauses a marker's words were found in, the clauses a stance is read
/// over, the clauses that explore or acknowledge.
///
/// The readings ask "is this match's clause among these?" for every match of a line, and a line has a
/// handful of clauses, so the first 64 are the bits of one word (a `Set<Int>` hashed every question and
/// allocated every set). Only an unusually long line puts clauses in `beyond`.
struct ClauseSet: Equatable, Sequence {
    private var bits: UInt64 = 0
    private var beyond: Set<Int> = []

    init() {}

    /// Clauses `0..<count`.
    init(below count: Int) {
        bits = count >= 64 ? .max : (1 << UInt64(count)) - 1
        if count > 64 { beyond = Set(64..<count) }
    }

    var isEmpty: Bool { bits == 0 && beyond.isEmpty }

    func contains(_ clause: Int) -> Bool {
        clause < 64 ? bits & (1 << UInt64(clause)) != 0 : beyond.contains(clause)
    }

    mutating func insert(_ clause: Int) {
        if clause < 64 { bits |= 1 << UInt64(clause) } else { beyond.insert(clause) }
    }

    func isSubset(of other: ClauseSet) -> Bool {
        bits & ~other.bits == 0 && (beyond.isEmpty || beyond.isSubset(of: other.beyond))
    }

    /// The clauses in increasing order.
    func makeIterator() -> Iterator {
        Iterator(bits: bits, beyond: beyond.isEmpty ? [] : beyond.sorted())
    }

    struct Iterator: IteratorProtocol {
        fileprivate var bits: UInt64
        fileprivate var beyond: [Int]
        private var index = 0

        fileprivate init(bits: UInt64, beyond: [Int]) {
            self.bits = bits
            self.beyond = beyond
        }

        mutating func next() -> Int? {
            if bits != 0 {
                let clause = bits.trailingZeroBitCount
                bits &= bits - 1
                return clause
            }
            guard index < beyond.count else { return nil }
            defer { index += 1 }
            return beyond[index]
        }
    }
}
