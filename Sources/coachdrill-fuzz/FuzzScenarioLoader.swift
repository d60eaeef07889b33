import CoachDrillCore
import Foundation
import ScenarioFormat

/// Feeds one input to everything that reads scenario files from strangers: the loader, the linter, the
/// graph export and the checks runner. Any crash is a bug; every input must give a scenario or diagnostics.
func fuzzScenarioText(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    let analysis = ScenarioLoader.analyze(yaml: text, path: "fuzz.yaml")
    precondition(analysis.scenario != nil || analysis.diagnostics.hasErrors, "no scenario and no error")
    _ = analysis.diagnostics.rendered(color: false)
    if let scenario = analysis.scenario {
        _ = ScenarioGraph.render(scenario, format: .dot)
        _ = ScenarioGraph.render(scenario, format: .mermaid)
        if scenario.checks.count <= 4 { _ = CheckRunner.run(scenario) }
    }
}

/// What is fuzzed: `COACHDRILL_FUZZ=transcripts` picks the transcript reader, anything else the scenario
/// loader (`make fuzz FUZZ_TARGET=transcripts` sets it, with that target's seed corpus).
let fuzzTarget: @Sendable (UnsafeRawBufferPointer) -> Void =
    ProcessInfo.processInfo.environment["COACHDRILL_FUZZ"] == "transcripts" ? fuzzTranscriptText : fuzzScenarioText

#if FUZZING
/// libFuzzer's entry point (`make fuzz` builds with -sanitize=fuzzer and -DFUZZING).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    fuzzTarget(UnsafeRawBufferPointer(start: data, count: count))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's driver.
@_cdecl("coachdrill_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
/// Without the fuzzer: replays corpus files or folders given as arguments, to reproduce a finding.
@main
struct ReplayCorpus {
    static func main() {
        var files: [String] = []
        for path in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            data.withUnsafeBytes { fuzzTarget($0) }
        }
        print("replayed \(files.count) inputs without a crash")
    }
}
#endif
