import CoachDrillCore
import Foundation
import ScenarioFormat
import XCTest

/// Replays the fuzzer's seed corpus (Fuzz/corpus/scenario-loader) on every `make test`: each input must
/// give a scenario or an error diagnostic, never a crash.
final class FuzzCorpusReplayTests: XCTestCase {
    func testEveryCorpusInputLoadsOrIsDiagnosed() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("Fuzz/corpus/scenario-loader").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertGreaterThan(names.count, 40)
        var loaded = 0
        for name in names {
            let data = try XCTUnwrap(FileManager.default.contents(atPath: folder + "/" + name))
            let analysis = ScenarioLoader.analyze(yaml: String(decoding: data, as: UTF8.self), path: name)
            XCTAssertTrue(analysis.scenario != nil || analysis.diagnostics.hasErrors, name)
            XCTAssertFalse(analysis.diagnostics.rendered(color: false).isEmpty && analysis.scenario == nil, name)
            if let scenario = analysis.scenario {
                loaded += 1
                XCTAssertTrue(ScenarioGraph.render(scenario, format: .dot).contains("->"), name)
            }
        }
        XCTAssertGreaterThan(loaded, 10, "the shipped scenarios in the corpus load")
    }
}
