import CoachDrillCore
import Foundation

/// The feedback engine: per-line latency (median, p99) and lines per second.
enum EngineBenchmarks {
    static let all: [Benchmark] = [assessLatency, assessThroughput]

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
        "assess corpus lines, one core", units: 50_000, unit: "line", goal: .atLeast(perSecond: 50_000),
        setUp: { (assessor: Assessor(), lines: try corpusLines()) },
        body: { state in
            for index in 0..<50_000 { _ = state.assessor.assess(state.lines[index % state.lines.count]) }
        })
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
