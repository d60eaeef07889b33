import Foundation

/// Whole-process measurements through the built executables: start-up against the floor of a minimal
/// Foundation tool, and peak memory of a long session.
enum ProcessBenchmarks {
    static let all: [Benchmark] = [startupRatio, libraryStartupRatio, defaultScenarioStartup, classifyProcess, peakMemory]

    static var productsFolder: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    /// Seconds from spawning `arguments` until `marker` appears on its standard output (median of runs).
    static func timeToOutput(_ arguments: [String], marker: String, runs: Int = 30) throws -> Double {
        var samples: [Double] = []
        for _ in 0..<runs {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: arguments[0])
            process.arguments = Array(arguments.dropFirst())
            process.environment = ["HOME": NSTemporaryDirectory(), "NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
            let output = Pipe()
            let input = Pipe()
            process.standardOutput = output
            process.standardInput = input
            process.standardError = FileHandle.nullDevice
            let start = ContinuousClock.now
            try process.run()
            var seen = Data()
            let needle = Data(marker.utf8)
            while seen.range(of: needle) == nil {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen.append(chunk)
            }
            samples.append((ContinuousClock.now - start).seconds)
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            guard seen.range(of: needle) != nil else { throw BenchError.failed("\(arguments[0]) never printed \(marker)") }
        }
        return median(samples)
    }

    /// `coachdrill play` (scripted) until the client's first line, as a ratio to `bench-floor`.
    static let startupRatio = Benchmark(name: "play: start to first prompt vs floor (goal ≤ 1.5x)") {
        let (play, floor) = try startupAgainstFloor(productsFolder + "/coachdrill", "--no-transcript")
        let ratio = play / floor
        return Benchmark.Outcome(
            result: String(format: "%.1f ms vs floor %.1f ms = %.2fx", play * 1000, floor * 1000, ratio),
            goal: "≤ 1.5x", met: ratio <= 1.5)
    }

    /// The same start with the libraries alone (`bench-library-floor`: ArgumentParser parsing play's options,
    /// Yams parsing the same scenario). No goal: it shows how much of the row above is not CoachDrill's code.
    static let libraryStartupRatio = Benchmark(name: "play: the same, ArgumentParser and Yams alone") {
        let (libraries, floor) = try startupAgainstFloor(productsFolder + "/bench-library-floor")
        let ratio = libraries / floor
        return Benchmark.Outcome(
            result: String(format: "%.1f ms vs floor %.1f ms = %.2fx", libraries * 1000, floor * 1000, ratio),
            goal: "", met: nil)
    }

    /// The scenario `make play` starts (57 KB of YAML, where the fixture above has 2 KB): what a trainee
    /// waits for. No goal of its own: most of the difference is Yams reading the longer file.
    static let defaultScenarioStartup = Benchmark(name: "play: the same, make play's scenario") {
        let (play, floor) = try startupAgainstFloor(
            productsFolder + "/coachdrill", scenario: "Scenarios/new-manager-checklist.yaml", marker: "Dana:",
            "--no-transcript")
        let ratio = play / floor
        return Benchmark.Outcome(
            result: String(format: "%.1f ms vs floor %.1f ms = %.2fx", play * 1000, floor * 1000, ratio),
            goal: "", met: nil)
    }

    /// Seconds from start until `program play <scenario>` prints the client's name (`marker`), and until
    /// `bench-floor` prints its line (the medians of 30 runs each, the floor's first).
    static func startupAgainstFloor(
        _ program: String, scenario: String = "Tests/Fixtures/play/closing-practice.yaml", marker: String = "Sam:",
        _ options: String...
    ) throws -> (program: Double, floor: Double) {
        let floor = try timeToOutput([productsFolder + "/bench-floor"], marker: "hello")
        let start = try timeToOutput([program, "play", scenario] + options, marker: marker)
        return (start, floor)
    }

    static func median(_ samples: [Double]) -> Double {
        samples.sorted()[samples.count / 2]
    }

    /// `coachdrill classify` over 100,000 lines as a process, output to a pipe (read and discarded): issue 14's
    /// floor, 20,000 lines a second on one core, start-up and the model's loading included.
    static let classifyProcess = Benchmark(name: "classify 100,000 lines (process)") {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cd-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try EngineBenchmarks.corpusLines()
        let input = folder.appendingPathComponent("lines.txt")
        try (0..<100_000).map { lines[$0 % lines.count] }.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: productsFolder + "/coachdrill")
        process.arguments = ["classify", input.path, "--format", "jsonl"]
        let output = Pipe()
        process.standardOutput = output
        let start = ContinuousClock.now
        try process.run()
        while !output.fileHandleForReading.availableData.isEmpty {}
        process.waitUntilExit()
        let seconds = (ContinuousClock.now - start).seconds
        let rate = 100_000 / seconds
        return Benchmark.Outcome(
            result: "\(Benchmark.count(rate)) lines/s (\(Benchmark.duration(seconds)))", goal: "≥ 20,000 lines/s",
            met: rate >= 20_000)
    }

    /// A scripted 200-turn session through `coachdrill play`; the child's peak resident memory.
    static let peakMemory = Benchmark(name: "play: peak memory, 200-turn session (goal ≤ 30 MB)") {
        let answers = [
            "Where are you now with what you wanted from today?", "Sorry, say more?", "You should just decide.",
            "What would you like to do before we next meet?",
        ]
        let script = (0..<200).map { answers[$0 % answers.count] }.joined(separator: "\n") + "\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cd-bench-mem-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scriptFile = folder.appendingPathComponent("answers.txt")
        try script.write(to: scriptFile, atomically: true, encoding: .utf8)
        // A scenario that never ends, so all 200 answers are turns.
        let measurer = Process()
        measurer.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        measurer.arguments = [
            "--peak-memory-of", productsFolder + "/coachdrill", "play", "Tests/Fixtures/bench/endless.yaml", "--script",
            scriptFile.path, "--transcript", folder.appendingPathComponent("t.jsonl").path,
        ]
        let output = Pipe()
        measurer.standardOutput = output
        try measurer.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        measurer.waitUntilExit()
        guard let kilobytes = Double(printed.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError.failed("could not measure: \(printed)")
        }
        let megabytes = kilobytes / 1024
        let turns = ((try? String(contentsOf: folder.appendingPathComponent("t.jsonl"), encoding: .utf8)) ?? "")
            .components(separatedBy: "\"event\":\"coach\"").count - 1
        return Benchmark.Outcome(
            result: String(format: "%.1f MB peak RSS over %d turns", megabytes, turns), goal: "≤ 30 MB",
            met: megabytes <= 30)
    }

    /// Spawns `arguments` (output to /dev/null), waits, prints its peak resident memory in KB; the exit status.
    static func reportPeakMemory(of arguments: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { return 1 }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return 1 }
        print(usage.ru_maxrss)
        return 0
    }
}
