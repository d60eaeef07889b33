import CoachDrillCore
import Foundation
import XCTest

@testable import ScenarioFormat

/// Drill packs: every broken fixture in Tests/Fixtures/packs/broken has one fault and its `.expected` file
/// holds the whole rendered lint output; the clean fixtures and the shipped packs load and lint clean.
///
/// Broken packs are linted as `packs/<name>.yaml` against the scenario folder Tests/Fixtures/packs/library,
/// so the expected output does not depend on where the repository is checked out. After a deliberate change
/// of wording, run with `COACHDRILL_RECORD_FIXTURES=1` and review the diff.
final class DrillPackLoaderTests: XCTestCase {
    static let packsFixtures: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()  // ScenarioFormatTests
        url.deleteLastPathComponent()  // Tests
        return url.appendingPathComponent("Fixtures/packs").path
    }()
    static var broken: String { packsFixtures + "/broken" }
    static var repositoryRoot: String {
        URL(fileURLWithPath: packsFixtures).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }
    /// A scenario folder with its own `packs/` folder, for the broken packs to refer to.
    static var libraryFolder: String { packsFixtures + "/library" }
    static var fixtureLibrary: ScenarioLibrary { ScenarioLibrary(directories: [libraryFolder]) }

    static func brokenNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: broken)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static func lintOutput(_ name: String) throws -> String {
        let text = try String(contentsOfFile: broken + "/" + name, encoding: .utf8)
        let diagnostics = Lint.lintPack(source: text, path: "packs/" + name, scenarios: fixtureLibrary)
        return DiagnosticList(diagnostics, source: text).rendered(color: false)
    }

    // MARK: - Broken fixtures

    func testEveryBrokenFixtureRendersExactlyAsExpected() throws {
        let names = Self.brokenNames()
        XCTAssertGreaterThanOrEqual(names.count, 20)
        for name in names {
            let output = try Self.lintOutput(name)
            let expectedPath = Self.broken + "/" + name.dropLast(".yaml".count) + ".expected"
            if ProcessInfo.processInfo.environment["COACHDRILL_RECORD_FIXTURES"] == "1" {
                try output.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
            XCTAssertEqual(output, expected, "lint output for \(name) differs from \(expectedPath)")
            XCTAssertFalse(output.isEmpty, "\(name) must produce a diagnostic")
        }
    }

    func testEveryPackCodeHasABrokenFixture() throws {
        var seen: Set<DiagnosticCode> = []
        for name in Self.brokenNames() {
            let expected = try String(
                contentsOfFile: Self.broken + "/" + name.dropLast(".yaml".count) + ".expected", encoding: .utf8)
            for code in DiagnosticCode.allCases where expected.contains("[\(code.rawValue)]") { seen.insert(code) }
        }
        let packCodes: [DiagnosticCode] = [
            .notADrillPack, .unknownScenario, .duplicateItem, .rewriteNotAdvice, .exemplarDoesNotPass, .unknownKey,
            .missingKey, .wrongType, .unknownMarker, .invalidValue, .unknownBeat, .duplicateKey, .yamlSyntax,
            .idMismatchesFileName,
        ]
        XCTAssertEqual(packCodes.filter { !seen.contains($0) }, [])
    }

    /// The brief's three kinds of located error, checked field by field rather than as rendered text.
    func testUnknownKeyScenarioAndMarkerAreLocatedWithSuggestions() throws {
        let key = try diagnostics("unknown-item-key.yaml")
        XCTAssertEqual(key.map(\.code), [.unknownKey])
        XCTAssertEqual(key.first?.location, SourceLocation(file: "packs/unknown-item-key.yaml", line: 9, column: 5))
        XCTAssertEqual(key.first?.message, "unknown key 'exemplr' in item 1 (did you mean 'exemplar'?)")
        XCTAssertEqual(key.first?.length, 7)

        let scenario = try diagnostics("unknown-scenario.yaml")
        XCTAssertEqual(scenario.map(\.code), [.unknownScenario])
        XCTAssertEqual(scenario.first?.location.line, 7)
        XCTAssertEqual(scenario.first?.location.column, 15)
        XCTAssertEqual(
            scenario.first?.message,
            "scenario 'closing-practise' is not in the library (did you mean 'closing-practice'?)")

        let marker = try diagnostics("unknown-marker.yaml")
        XCTAssertEqual(marker.map(\.code), [.unknownMarker])
        XCTAssertEqual(marker.first?.location.line, 7)
        XCTAssertEqual(marker.first?.message, "'8.10' is not a PCC marker of competency 8 (did you mean '8.1'?)")
    }

    private func diagnostics(_ name: String) throws -> [Diagnostic] {
        let text = try String(contentsOfFile: Self.broken + "/" + name, encoding: .utf8)
        return Lint.lintPack(source: text, path: "packs/" + name, scenarios: Self.fixtureLibrary)
    }

    func testAScenarioThatDoesNotLoadIsNamedWithItsErrorCount() throws {
        let folder = NSTemporaryDirectory() + "coachdrill-packs-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "id: broken\ntitle: Broken\n".write(toFile: folder + "/broken.yaml", atomically: true, encoding: .utf8)
        let pack = "id: p\ntitle: P\nsummary: S\nitems:\n  - id: a\n    kind: scenario\n    scenario: broken\n"
        let found = Lint.lintPack(source: pack, path: "p.yaml", scenarios: ScenarioLibrary(directories: [folder]))
        XCTAssertEqual(found.map(\.code), [.unknownScenario])
        XCTAssertEqual(found.first?.message.hasPrefix("scenario 'broken' does not load: "), true)
        XCTAssertEqual(found.first?.message.hasSuffix("/broken.yaml has 5 errors"), true, found.first?.message ?? "")
    }

    // MARK: - Loading

    func testMiniDrillLoadsWithEveryKind() throws {
        let pack = try DrillPackLoader.load(
            contentsOf: Self.libraryFolder + "/packs/mini-drill.yaml", scenarios: Self.fixtureLibrary
        ).get()
        XCTAssertEqual(pack.id, "mini-drill")
        XCTAssertEqual(pack.timeLimitSeconds, 30)
        XCTAssertEqual(pack.pass, DrillPassCriteria(minimumItemShare: 0.6, requiredMarkers: [.accountability]))
        XCTAssertEqual(pack.items.map(\.id), ["own-the-log", "close-on-the-clock", "sam-close"])
        XCTAssertEqual(pack.items.map(\.kindName), ["quick-fire", "rewrite", "scenario"])
        XCTAssertEqual(pack.items.map(\.timeLimitSeconds), [30, 30, 120])
        XCTAssertEqual(pack.items.map(\.target), [.accountability, .closing, nil])
        guard case .scenario(let task) = pack.items[2].kind else { return XCTFail("not a scenario item") }
        XCTAssertEqual(task.scenario.id, "closing-practice")
        XCTAssertEqual(task.endBeats, ["close"])
        XCTAssertNil(task.minimumPartnerRate)
        guard case .rewrite(let rewrite) = pack.items[1].kind else { return XCTFail("not a rewrite item") }
        XCTAssertEqual(rewrite.coach, "We're out of time, so let's stop there for today.")
        XCTAssertEqual(rewrite.client, "I think that's everything, really.")
    }

    func testShippedPacksLintCleanAndMeetTheBrief() throws {
        let library = ScenarioLibrary(directories: [Self.repositoryRoot + "/Scenarios"])
        let files = library.packFiles()
        XCTAssertGreaterThanOrEqual(files.count, 3)
        var packs: [String: DrillPack] = [:]
        for file in files {
            let list = Lint.lintPack(contentsOf: file)
            XCTAssertEqual(list.diagnostics, [], list.rendered())
            let pack = try DrillPackLoader.load(contentsOf: file, scenarios: library).get()
            packs[pack.id] = pack
        }
        let warmup = try XCTUnwrap(packs["warmup-all-markers"])
        XCTAssertEqual(Set(warmup.items.compactMap(\.target)), Set(Marker.allCases), "the warm-up covers all nine")
        XCTAssertEqual(warmup.plannedSeconds, 600, "the warm-up takes ten minutes")
        XCTAssertTrue(warmup.items.allSatisfy { $0.kindName != "scenario" })

        let closing = try XCTUnwrap(packs["accountability-and-closing"])
        let targets = Set(closing.items.compactMap(\.target))
        XCTAssertEqual(targets, [.accountability, .celebration, .closing])

        let credential = try XCTUnwrap(packs["credential-assessment"])
        XCTAssertEqual(Set(credential.items.map(\.kindName)), ["scenario", "quick-fire", "rewrite"])
    }

    /// The content checks, item by item: every line to rewrite is advice on its marker, and every exemplar
    /// passes its item, judged as the drill judges.
    func testShippedLinesAreWhatTheyClaimToBe() throws {
        let library = ScenarioLibrary(directories: [Self.repositoryRoot + "/Scenarios"])
        let assessor = Assessor()
        var checked = 0
        for file in library.packFiles() {
            let pack = try DrillPackLoader.load(contentsOf: file, scenarios: library).get()
            for item in pack.items {
                switch item.kind {
                case .scenario: continue
                case .quickFire(let task):
                    let context = DrillGrading.context(target: task.target, clientLine: task.client, exemplar: nil)
                    let exemplar = try XCTUnwrap(task.exemplar, "\(item.id) has no exemplar")
                    XCTAssertTrue(
                        DrillGrading.passes(assessor.assess(exemplar, context: context), target: task.target), item.id)
                case .rewrite(let task):
                    let context = DrillGrading.context(target: task.target, clientLine: task.client, exemplar: nil)
                    let original = assessor.assess(task.coach, context: context)
                    XCTAssertEqual(original.stance, .advise, item.id)
                    XCTAssertEqual(original.marker, task.target, item.id)
                    let exemplar = try XCTUnwrap(task.exemplar, "\(item.id) has no exemplar")
                    XCTAssertTrue(
                        DrillGrading.passes(assessor.assess(exemplar, context: context), target: task.target), item.id)
                }
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 30)
    }

    /// Packs are files from strangers: seeded byte flips, truncations and deletions of a valid pack never
    /// trap, and every diagnostic points inside the file.
    func testMutatedPacksNeverTrap() throws {
        let original = Array(
            try String(contentsOfFile: Self.libraryFolder + "/packs/mini-drill.yaml", encoding: .utf8).utf8)
        var random = SessionRandom(seed: 7)  // SplitMix64: a failing round can be reproduced
        let lineCount = original.filter { $0 == UInt8(ascii: "\n") }.count + 1
        for round in 0..<400 {
            var bytes = original
            switch round % 3 {
            case 0:
                for _ in 0..<(1 + Int(random.next() % 4)) {
                    let at = Int(random.next() % UInt64(bytes.count))
                    bytes[at] = UInt8(truncatingIfNeeded: random.next())
                }
            case 1:
                bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count))))
            default:
                let start = Int(random.next() % UInt64(bytes.count))
                let length = min(bytes.count - start, Int(random.next() % 40))
                bytes.removeSubrange(start..<(start + length))
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let analysis = DrillPackLoader.analyze(yaml: text, path: "packs/m.yaml", scenarios: Self.fixtureLibrary)
            for diagnostic in analysis.diagnostics.diagnostics {
                XCTAssertLessThanOrEqual(diagnostic.location.line, lineCount + 1, "round \(round)")
            }
            if analysis.pack == nil { XCTAssertTrue(analysis.diagnostics.hasErrors, "round \(round)") }
        }
    }

    // MARK: - Values

    func testSharesAndTimeLimitsInEveryAllowedSpelling() throws {
        for (share, expected) in [("0.7", 0.7), ("70%", 0.7), ("1", 1.0), ("0", 0.0), ("100%", 1.0)] {
            let pack = try load("pass: { items: \(share) }\ntime_limit: 45\n")
            XCTAssertEqual(pack.pass.minimumItemShare, expected, accuracy: 1e-9, share)
        }
        for (limit, seconds) in [("90", 90), ("\"1:30\"", 90), ("1:30", 90), ("0:05", 5), ("3600", 3600)] {
            XCTAssertEqual(try load("time_limit: \(limit)\n").timeLimitSeconds, seconds, limit)
        }
        for bad in ["0", "-5", "3601", "\"1:5\"", "abc", "1.5"] {
            XCTAssertThrowsError(try load("time_limit: \(bad)\n"), bad)
        }
    }

    private func load(_ extra: String) throws -> DrillPack {
        let yaml =
            "id: p\ntitle: P\nsummary: S\n" + extra
            + "items:\n  - id: a\n    kind: quick-fire\n    marker: 8.9\n    client: Done.\n"
        return try DrillPackLoader.analyze(yaml: yaml, path: "p.yaml", scenarios: Self.fixtureLibrary).result.get()
    }

    func testPackFilesAreFoundByIdAndByPath() throws {
        let library = Self.fixtureLibrary
        XCTAssertEqual(try library.resolvePack("mini-drill").get(), Self.libraryFolder + "/packs/mini-drill.yaml")
        let direct = Self.libraryFolder + "/packs/one-second.yaml"
        XCTAssertEqual(try library.resolvePack(direct).get(), direct)
        guard case .failure(.noSuchPack(_, _, let available, let suggestion)) = library.resolvePack("mini-dril") else {
            return XCTFail("a misspelt id must not resolve")
        }
        XCTAssertEqual(suggestion, "mini-drill")
        XCTAssertEqual(available, ["mini-drill", "one-second"])
        XCTAssertTrue(DrillPackLoader.isPackPath("Scenarios/packs/x.yaml"))
        XCTAssertFalse(DrillPackLoader.isPackPath("Scenarios/x.yaml"))
        XCTAssertEqual(DrillPackLoader.neighbouringLibrary(of: "Scenarios/packs/x.yaml")?.directories, ["Scenarios"])
        XCTAssertEqual(DrillPackLoader.neighbouringLibrary(of: "packs/x.yaml")?.directories, ["."])
    }
}
