import CoachDrillCore
import Foundation

/// Transcripts, `replay` and `report` (issues 6 and 7): parsing, aggregating, and the whole command.
enum ReportBenchmarks {
    static var all: [Benchmark] {
        [parseOne, reportInMemory, reportCommand, classReportInMemory, classReportCommand]
    }

    static let parseOne = Benchmark.latency(
        "transcript: parse one 12-turn session", iterations: 2_000,
        setUp: { () -> String in
            var random = SessionRandom(seed: 1)
            return SyntheticTranscripts.session(
                trainee: "Robin", started: "2026-01-01T09:00:00Z", seed: 1, turns: 12, random: &random, assessor: Assessor())
        },
        body: { text in _ = try? TranscriptReader.sessions(in: text) })

    /// The issue-6 goal: at least 5,000 transcripts a second, read and folded into a report.
    static let reportInMemory = Benchmark.throughput(
        "report: parse + aggregate 10,000 transcripts", units: 10_000, unit: "transcript",
        goal: .atLeast(perSecond: 5_000),
        setUp: { SyntheticTranscripts.play(count: 10_000) },
        body: { texts in
            var builder = ReportBuilder()
            for text in texts {
                for session in (try? TranscriptReader.sessions(in: text)) ?? [] { builder.add(session) }
            }
            _ = builder.build()
        })

    /// The same through the binary: finding 10,000 files on disk, reading, parsing, rendering text.
    static let reportCommand = Benchmark.throughput(
        "report command: 10,000 files, text", units: 10_000, unit: "transcript", repetitions: 2,
        goal: .atLeast(perSecond: 5_000),
        setUp: { try TemporaryFolder(files: SyntheticTranscripts.play(count: 10_000)) },
        body: { folder in try Coachdrill.run(["report", folder.path, "--format", "text"]) })

    static let classReportInMemory = Benchmark.throughput(
        "class report: 200 participants x 3 packs, aggregate", units: 600, unit: "transcript",
        setUp: { SyntheticDrills.transcripts(participants: 200, packs: 3) },
        body: { texts in
            var builder = ReportBuilder()
            for text in texts {
                for session in (try? TranscriptReader.sessions(in: text)) ?? [] { builder.add(session) }
            }
            _ = builder.build()
        })

    /// The issue-7 goal: a class report over 200 participants x 3 packs renders in under a second.
    static let classReportCommand = Benchmark.throughput(
        "class report command: 200 x 3 packs, html", units: 600, unit: "transcript", repetitions: 3,
        goal: .atMost(seconds: 1),
        setUp: { try TemporaryFolder(files: SyntheticDrills.transcripts(participants: 200, packs: 3)) },
        body: { folder in try Coachdrill.run(["report", folder.path, "--format", "html"]) })
}

/// A folder of transcript files, removed when the benchmark is done with it.
final class TemporaryFolder {
    let path: String

    init(files: [String]) throws {
        path = NSTemporaryDirectory() + "coachdrill-bench-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (index, text) in files.enumerated() {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(path)/t\(index).jsonl"))
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs the `coachdrill` binary built next to this one, output discarded.
enum Coachdrill {
    enum RunError: Error, CustomStringConvertible {
        case missing(String)
        case failed([String], status: Int32)

        var description: String {
            switch self {
            case .missing(let path): "no coachdrill binary at \(path) (build it: swift build -c release --product coachdrill)"
            case .failed(let arguments, let status): "coachdrill \(arguments.joined(separator: " ")) exited with \(status)"
            }
        }
    }

    static var executable: String {
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return own.deletingLastPathComponent().appendingPathComponent("coachdrill").path
    }

    static func run(_ arguments: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw RunError.missing(executable) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw RunError.failed(arguments, status: process.terminationStatus) }
    }
}
