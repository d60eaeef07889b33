import Foundation

// coachdrill-bench [NAME...]: runs the benchmarks whose names contain any NAME (all when none given) and
// prints one row each. Build with -c release (`make bench`); debug numbers mean nothing.
//
// To add a benchmark: write a `Benchmark.latency` or `Benchmark.throughput` (see Benchmark.swift), put it
// in a group's `all`, or add a new group below.
let benchmarks: [Benchmark] =
    EngineBenchmarks.all + LintBenchmarks.all + SessionBenchmarks.all + ReportBenchmarks.all + ProcessBenchmarks.all

// `coachdrill-bench --peak-memory-of PROGRAM ARGS...` runs PROGRAM and prints its peak RSS in KB. The
// memory benchmark measures through this fresh, small process: a child spawned straight from the bench
// would inherit the bench's own high-water mark (Linux keeps it across exec).
if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "--peak-memory-of" {
    exit(ProcessBenchmarks.reportPeakMemory(of: Array(CommandLine.arguments.dropFirst(2))))
}

let filters = CommandLine.arguments.dropFirst().map { $0.lowercased() }
let chosen = filters.isEmpty ? benchmarks : benchmarks.filter { bench in filters.contains { bench.name.lowercased().contains($0) } }
if chosen.isEmpty {
    print("No benchmark matches \(filters.joined(separator: ", ")). Benchmarks:")
    for bench in benchmarks { print("  \(bench.name)") }
    exit(2)
}

#if DEBUG
    print("note: this is a debug build; build with -c release for meaningful numbers (make bench)\n")
#endif

func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

let nameWidth = max(9, chosen.map(\.name.count).max() ?? 0) + 2
print(padded("benchmark", nameWidth) + padded("result", 48) + "goal")
var missed = false
for bench in chosen {
    do {
        let outcome = try bench.measure()
        let verdict = outcome.met.map { $0 ? "  ok" : "  MISSED" } ?? ""
        if outcome.met == false { missed = true }
        print(padded(bench.name, nameWidth) + padded(outcome.result, 48) + outcome.goal + verdict)
    } catch {
        print(padded(bench.name, nameWidth) + "skipped: \(error)")
    }
}
if missed { print("\nSome goals were missed; see the rows marked MISSED.") }
