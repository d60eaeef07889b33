/// An answer that was judged: a turn of a session being played, or read back from its transcript.
public protocol JudgedAnswer {
    var assessment: Assessment { get }
}

extension Assessment: JudgedAnswer {
    public var assessment: Assessment { self }
}

/// The answers of one session that count, in order: the one owner of a session's turn count and of its
/// scorecard, whether the session is being played (`play`, `drill`) or read back from its transcript. An
/// undo withdraws the last answer and a restart withdraws them all, so the turn numbers a transcript
/// records, the scorecard the trainee sees and the one a report recomputes are the same count.
public struct AnswerLog<Answer: JudgedAnswer> {
    public private(set) var answers: [Answer]

    public init(_ answers: [Answer] = []) {
        self.answers = answers
    }

    /// How many answers count.
    public var turns: Int { answers.count }

    /// The number the next answer gets: turns are numbered from 1, and an undone turn's number is reused.
    public var nextTurn: Int { answers.count + 1 }

    public var scorecard: Scorecard { Scorecard(assessments: answers.map(\.assessment)) }

    /// Adds an answer and returns its turn number.
    @discardableResult
    public mutating func record(_ answer: Answer) -> Int {
        answers.append(answer)
        return answers.count
    }

    /// Takes back the last answer (`:undo`); nil when there is none.
    public mutating func withdrawLast() -> Answer? {
        answers.popLast()
    }

    /// Takes back the answers from position `index` on (a restart, or turn numbering starting again in a
    /// transcript), or the one at `index` alone.
    public mutating func withdraw(from index: Int) {
        answers.removeSubrange(min(max(index, 0), answers.count)...)
    }

    public mutating func withdraw(at index: Int) {
        guard answers.indices.contains(index) else { return }
        answers.remove(at: index)
    }
}

extension AnswerLog: Sendable where Answer: Sendable {}
extension AnswerLog: Equatable where Answer: Equatable {}
