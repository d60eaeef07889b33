import Foundation
import ScenarioFormat

/// Linting many scenario files (an instructor's shared folder), on one core.
enum LintBenchmarks {
    static let all: [Benchmark] = [lintThousand]

    /// 1,000 variations of the shipped scenarios (ids and a line changed), linted from text.
    static let lintThousand = Benchmark.throughput(
        "lint 1,000 scenario files (goal < 2 s)", units: 1_000, unit: "file", repetitions: 2,
        goal: .atLeast(perSecond: 500),
        setUp: { () throws -> [(path: String, text: String)] in
            let folder = FileManager.default.currentDirectoryPath + "/Scenarios"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.hasSuffix(".yaml") }.sorted() ?? []
            guard !names.isEmpty else { throw BenchError.missing("run from the package folder (needs Scenarios/)") }
            return (0..<1_000).map { index in
                let name = names[index % names.count]
                let text = (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? ""
                let id = String(name.dropLast(5))
                let copy = text.replacingOccurrences(of: "id: \(id)", with: "id: \(id)-\(index)")
                return ("generated/\(id)-\(index).yaml", copy)
            }
        },
        body: { files in
            for file in files { _ = Lint.lint(source: file.text, path: file.path) }
        })
}
