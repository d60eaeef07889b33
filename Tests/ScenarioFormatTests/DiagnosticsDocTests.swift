import Foundation
import Testing

@testable import ScenarioFormat

/// docs/diagnostics.md has a page for every code, and the messages it quotes are the ones lint prints.
@Suite struct DiagnosticsDocTests {
    static var document: String {
        get throws {
            var url = URL(fileURLWithPath: Fixtures.root)
            for _ in 0..<3 { url.deleteLastPathComponent() }  // lint, Fixtures, Tests
            return try String(contentsOf: url.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        }
    }

    @Test func everyCodeHasAPage() throws {
        let document = try Self.document
        for code in DiagnosticCode.allCases {
            #expect(document.contains("\n## \(code.rawValue) \(code.title)\n"), "no page for \(code.rawValue)")
            #expect(document.contains("\n*\(code.severity.rawValue)*."), "severity of \(code.rawValue)")
        }
    }

    @Test func quotedMessagesMatchWhatLintPrints() throws {
        let document = try Self.document
        var outputs = ""
        for folder in [Fixtures.broken, Fixtures.brokenPacks] {
            for name in Fixtures.yamlFiles(in: folder) {
                outputs += try Fixtures.text(folder + "/" + name.dropLast(".yaml".count) + ".expected")
            }
        }
        // Pages whose example cannot be a fixture: a missing file, a 5 MB file, a different file name.
        let unchecked = ["CD001", "CD003", "CD029"]
        let quoted = document.split(separator: "\n").filter { $0.hasPrefix("error[CD") || $0.hasPrefix("warning[CD") }
        #expect(quoted.count == DiagnosticCode.allCases.count)
        for line in quoted where !unchecked.contains(where: { line.contains("[\($0)]") }) {
            #expect(outputs.contains(": " + line + "\n"), "docs quote a message lint does not print: \(line)")
        }
    }
}
