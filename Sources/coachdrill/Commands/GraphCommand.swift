import ArgumentParser
import Foundation
import ScenarioFormat

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a scenario's beats and branches (Graphviz dot or Mermaid).",
        discussion: """
            For example:

              coachdrill graph new-manager-checklist | dot -Tsvg > graph.svg
              coachdrill graph new-manager-checklist --format mermaid
            """)

    @Argument(help: "A scenario id or path.")
    var scenario: String

    @Option(help: "dot (Graphviz) or mermaid.")
    var format: ScenarioGraph.Format = .dot

    @Option(help: "A folder of scenarios to use instead of the usual places.")
    var scenarios: String?

    func run() throws {
        let path: String
        switch ScenarioLibrary.standard(scenariosOption: scenarios).resolve(scenario) {
        case .success(let found): path = DisplayPath.relative(found)
        case .failure(let error): throw ValidationError("\(error). Run `coachdrill list` to see the scenarios.")
        }
        // Loaded by the path as it is shown, so diagnostics name the file as `lint` would.
        switch ScenarioLoader.load(contentsOf: path) {
        case .success(let loaded):
            StandardOutput.write(ScenarioGraph.render(loaded, format: format), terminator: "")
        case .failure(let diagnostics):
            FileHandle.standardError.write(Data(diagnostics.rendered().utf8))
            throw ExitCode(1)
        }
    }
}

extension ScenarioGraph.Format: ExpressibleByArgument {}
