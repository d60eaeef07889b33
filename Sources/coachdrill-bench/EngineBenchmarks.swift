import CoachDrillCore
import Foundation

/// The feedback engine: per-line latency (median, p99) and lines per second.
enum EngineBenchmarks {
    static let all: [Benchmark] = [assessLatency, assessThroughput, featureThroughput] + [1 << 10, 64 << 10, 2 << 20].map(longLine)

    /// The learned model's input alone: how much of a judgement goes to reading the line's features.
    static let featureThroughput = Benchmark.throughput(
        "line features of corpus lines", units: 50_000, unit: "line",
        setUp: { try corpusLines() },
        body: { lines in
            for index in 0..<50_000 { _ = LineFeatures.of(lines[index % lines.count]) }
        })

    /// The labelled corpus (every split: only the texts are read), read once; every line is judged in turn.
    @Sendable static func corpusLines() throws -> [String] {
        let path = FileManager.default.currentDirectoryPath + "/Corpus/coach-turns.tsv"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchError.missing("run from the package folder (needs \(path))")
        }
        return try LabelledCorpus.parse(String(decoding: data, as: UTF8.self)).map(\.text)
    }

    static let assessLatency = Benchmark.latency(
        "assess one line", iterations: 20_000, goal: .p99AtMost(seconds: 0.000_1),
        setUp: { (assessor: Assessor(), lines: try corpusLines(), next: 0) },
        body: { state in
            _ = state.assessor.assess(state.lines[state.next % state.lines.count])
            state.next += 1
        })

    static let assessThroughput = Benchmark.throughput(
        "assess corpus lines, one core", units: 50_000, unit: "line", goal: .atLeast(perSecond: 20_000),
        setUp: { (assessor: Assessor(), lines: try corpusLines()) },
        body: { state in
            for index in 0..<50_000 { _ = state.assessor.assess(state.lines[index % state.lines.count]) }
        })
}

extension EngineBenchmarks {
    /// One line of `bytes` bytes, of corpus words with no sentence break: its bytes per second should not
    /// fall as the line grows (the cost is linear in the line). One judgement per repetition.
    static func longLine(bytes: Int) -> Benchmark {
        let label = bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes >> 10) KB"
        return Benchmark.throughput(
            "assess one \(label) line", units: bytes, unit: "byte",
            setUp: { () -> (assessor: Assessor, line: String) in
                let words = try corpusLines().joined(separator: " ").split(separator: " ")
                var line = ""
                var index = 0
                while line.utf8.count < bytes {
                    line += words[index % words.count].filter { $0 != "." && $0 != "?" && $0 != "!" } + " "
                    index += 1
                }
                // Cut to the size asked, whole characters only.
                while line.utf8.count > bytes { line.removeLast() }
                return (Assessor(), line)
            },
            body: { state in _ = state.assessor.assess(state.line) })
    }
}

enum BenchError: Error, CustomStringConvertible {
    case missing(String)
    case failed(String)

    var description: String {
        switch self {
        case .missing(let what), .failed(let what): what
        }
    }
}
