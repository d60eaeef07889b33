import Foundation
import Testing

@testable import ScenarioFormat

/// Every file in Tests/Fixtures/lint/broken has one fault; its `.expected` file holds the whole rendered
/// lint output (no colour). Every file in Tests/Fixtures/lint/clean lints with no diagnostics at all.
///
/// To regenerate the expected files after a deliberate change of wording, run the tests with
/// `COACHDRILL_RECORD_FIXTURES=1` and review the diff.
@Suite struct LintFixtureTests {
    static let brokenNames = Fixtures.yamlFiles(in: Fixtures.broken)
    static let cleanNames = Fixtures.yamlFiles(in: Fixtures.clean)

    /// Lints a fixture as `lint/<folder>/<name>`, so the expected output does not depend on where the
    /// repository is checked out.
    static func lintOutput(folder: String, name: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.root + "/" + folder + "/" + name))
        let displayPath = "lint/\(folder)/\(name)"
        switch SourceFile.decode(data, path: displayPath) {
        case .success(let text):
            let diagnostics = Lint.lint(source: text, path: displayPath)
            return DiagnosticList(diagnostics, source: text).rendered(color: false)
        case .failure(let unreadable):
            return DiagnosticList([unreadable.diagnostic], source: unreadable.partialSource).rendered(color: false)
        }
    }

    @Test func thereAreFixtures() {
        #expect(Self.brokenNames.count >= 30)
        #expect(!Self.cleanNames.isEmpty)
    }

    @Test(arguments: brokenNames)
    func brokenFixtureRendersExactlyAsExpected(_ name: String) throws {
        let output = try Self.lintOutput(folder: "broken", name: name)
        let expectedPath = Fixtures.broken + "/" + name.dropLast(".yaml".count) + ".expected"
        if ProcessInfo.processInfo.environment["COACHDRILL_RECORD_FIXTURES"] == "1" {
            try output.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        let expected = try Fixtures.text(expectedPath)
        #expect(output == expected, "lint output for \(name) differs from \(expectedPath)")
        #expect(!output.isEmpty, "a broken fixture must produce a diagnostic")
    }

    @Test(arguments: cleanNames)
    func cleanFixtureHasNoDiagnostics(_ name: String) throws {
        let output = try Self.lintOutput(folder: "clean", name: name)
        #expect(output == "")
        #expect((try? ScenarioLoader.load(contentsOf: Fixtures.clean + "/" + name).get()) != nil)
    }

    @Test func everyCodeHasAFixtureOrATest() throws {
        var seen: Set<String> = []
        let packNames = Fixtures.yamlFiles(in: Fixtures.brokenPacks).map { "../../packs/broken/" + $0 }
        for name in Self.brokenNames + packNames {
            let expected = try Fixtures.text(Fixtures.broken + "/" + name.dropLast(".yaml".count) + ".expected")
            for code in DiagnosticCode.allCases where expected.contains("[\(code.rawValue)]") {
                seen.insert(code.rawValue)
            }
        }
        // Covered by unit tests instead: an unreadable file and a file over 1 MiB.
        let elsewhere: Set<String> = [DiagnosticCode.unreadableFile.rawValue, DiagnosticCode.fileTooLarge.rawValue]
        let missing = DiagnosticCode.allCases.map(\.rawValue).filter { !seen.contains($0) && !elsewhere.contains($0) }
        #expect(missing.isEmpty, "codes with no fixture: \(missing)")
    }
}
