// The start-up floor of the libraries `coachdrill play` is built on, with none of CoachDrill's own code:
// ArgumentParser parses a command line shaped like `coachdrill play`'s (a root command with `play` as its
// default subcommand, and play's options), and Yams parses the scenario file the way ScenarioFormat's
// composer does. `make bench` sets it beside `bench-floor`, so the start-up row shows how much of
// `coachdrill play`'s start the libraries take before CoachDrill's code runs.
import ArgumentParser
import Foundation
import Yams

@main
struct LibraryFloor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-library-floor", subcommands: [Play.self], defaultSubcommand: Play.self)
}

/// `coachdrill play`'s arguments, in the same kinds of property wrappers.
struct Play: ParsableCommand {
    enum Mode: String, ExpressibleByArgument { case practice, assess }

    @Argument var scenario: String?
    @Option var mode: Mode = .practice
    @Option var seed: UInt64 = 1
    @Option var from: String?
    @Option var script: String?
    @Option(name: .customLong("as")) var trainee: String?
    @Option var transcript: String?
    @Flag var noTranscript = false
    @Option var scenarios: String?

    /// Parses the scenario and prints its client's name and a colon, as `coachdrill play` starts its
    /// client's first line.
    func run() throws {
        guard let scenario, let data = FileManager.default.contents(atPath: scenario) else {
            throw ValidationError("give a readable scenario file")
        }
        let parser = try Parser(
            yaml: String(decoding: data, as: UTF8.self), resolver: .basic, constructor: Constructor([:], [:], [:]),
            encoding: .utf8)
        let persona = try parser.singleRoot()?.mapping?["persona"]?.mapping
        print((persona?["name"]?.string ?? "?") + ":")
    }
}
