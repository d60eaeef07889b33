import ArgumentParser
import Foundation
import ScenarioFormat

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check scenario files and drill packs for mistakes, like a compiler.",
        discussion: """
            Checks files, folders (default: Scenarios/) or scenarios and packs named by id, as `play` and \
            `drill` name them. Diagnostics read path:line:column: severity[code]: \
            message, with the source line, a caret and a help line; docs/diagnostics.md explains each code.

            Exit status: 0 clean (warnings allowed), 1 errors (or warnings with --strict), 2 usage.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Scenario files, drill packs (files in a packs/ folder), folders, or scenario or pack ids.")
    var paths: [String] = ["Scenarios"]

    @Option(help: "A folder of scenarios to look ids up in instead of the usual places.")
    var scenarios: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "text for people, json for editors (one object per diagnostic, in an array).")
    var format: Format = .text

    @Option(name: .customLong("allow"), help: "Switch off a warning by code (e.g. CD025); repeatable.")
    var allowed: [String] = []

    func run() throws {
        var disabled = Set<DiagnosticCode>()
        for code in allowed {
            guard let parsed = DiagnosticCode(rawValue: code.uppercased()) else {
                throw ValidationError("unknown diagnostic code '\(code)'; see docs/diagnostics.md")
            }
            disabled.insert(parsed)
        }
        let files = try ScenarioFiles.expand(
            paths, library: ScenarioLibrary.standard(scenariosOption: scenarios), includingPacks: true)
        let style = Style.forStandardOutput()
        var errors = 0
        var warnings = 0
        var json: [String] = []
        for file in files {
            // Files in a `packs/` folder are drill packs (docs/drills.md), checked against the scenarios beside them.
            let list =
                DrillPackLoader.isPackPath(file)
                ? Lint.lintPack(contentsOf: file, disabling: disabled) : Lint.lint(contentsOf: file, disabling: disabled)
            errors += list.errors.count
            warnings += list.warnings.count
            switch format {
            case .text:
                if !list.diagnostics.isEmpty { StandardOutput.write(list.rendered(color: style.enabled), terminator: "") }
            case .json:
                json += list.diagnostics.map(DiagnosticJSON.object)
            }
        }
        switch format {
        case .text:
            let summary = "\(files.count) file\(files.count == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        case .json:
            StandardOutput.write("[" + json.joined(separator: ",\n") + "]")
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}

/// Diagnostics for editors.
enum DiagnosticJSON {
    static func object(_ diagnostic: Diagnostic) -> String {
        "{\"file\":\(JSONText.quote(diagnostic.location.file)),\"line\":\(diagnostic.location.line),"
            + "\"column\":\(diagnostic.location.column),\"severity\":\(JSONText.quote(diagnostic.severity.rawValue)),"
            + "\"code\":\(JSONText.quote(diagnostic.code.rawValue)),\"message\":\(JSONText.quote(diagnostic.message)),"
            + "\"help\":\(JSONText.quote(diagnostic.help)),"
            + "\"notes\":\(JSONText.array(diagnostic.notes.map { JSONText.quote($0) }))}"
    }
}
