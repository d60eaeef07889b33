import CoachDrillCore
import Foundation
import Testing

@testable import ScenarioFormat

@Suite struct ScenarioGraphTests {
    static func example() throws -> Scenario {
        try ScenarioLoader.load(yaml: Fixtures.example, path: "new-manager-checklist.yaml").get()
    }

    @Test func dotOutput() throws {
        let output = ScenarioGraph.render(try Self.example(), format: .dot)
        if ProcessInfo.processInfo.environment["COACHDRILL_PRINT_GRAPH"] == "1" { print(output) }
        #expect(output == Self.expectedDot)
    }

    @Test func mermaidOutput() throws {
        let output = ScenarioGraph.render(try Self.example(), format: .mermaid)
        if ProcessInfo.processInfo.environment["COACHDRILL_PRINT_GRAPH"] == "1" { print(output) }
        #expect(output == Self.expectedMermaid)
    }

    @Test func hostileTitlesAreEscaped() {
        let scenario = Scenario(
            id: "x", title: "Say \"hi\" \\ <b>\u{1B}[2J\nnext", persona: Persona(name: "P"), start: "a",
            beats: [Beat(id: "a", client: ["Bye."], end: true)])
        let dot = ScenarioGraph.render(scenario, format: .dot)
        #expect(dot.contains(#"label="Say \"hi\" \\ <b>\\u{1B}[2J\nnext";"#))
        let mermaid = ScenarioGraph.render(scenario, format: .mermaid)
        #expect(mermaid.hasPrefix(#"%% Say "hi" \ <b>\u{1B}[2J\u{A}next"# + "\n"))
        #expect(!dot.contains("\u{1B}") && !mermaid.contains("\u{1B}"))
    }

    /// Graphviz accepts the output (skipped where `dot` is not installed).
    @Test func dotOutputIsValidGraphviz() throws {
        let candidates = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"]
        guard let dot = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tsvg"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(ScenarioGraph.render(try Self.example(), format: .dot).utf8))
        try input.fileHandleForWriting.close()
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(stderr.isEmpty, "\(String(decoding: stderr, as: UTF8.self))")
        #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
    }

    static let expectedDot = #"""
        digraph "new-manager-checklist" {
            label="The new manager who wants a checklist";
            labelloc=t;
            node [shape=box, style=rounded, fontname="Helvetica"];
            edge [fontname="Helvetica", fontsize=10];
            "__start__" [shape=point, width=0.15, label=""];
            "wrap-up" [label="wrap-up\nexpects 8.1", penwidth=2];
            "wrap-up-again" [label="wrap-up-again\nexpects 8.1, 8.9"];
            "learning" [label="learning\nexpects 8.2"];
            "close" [label="close\n(end)", peripheries=2];
            "__start__" -> "wrap-up";
            "wrap-up" -> "learning" [label="1. marker 8.1, stance partner\nownership +1"];
            "wrap-up" -> "wrap-up-again" [label="2. stance advise\nownership -1\nonce"];
            "wrap-up" -> "wrap-up" [label="3. default", style=dashed];
            "wrap-up-again" -> "learning" [label="1. stance partner"];
            "wrap-up-again" -> "close" [label="2. default", style=dashed];
            "learning" -> "close" [label="1. marker 8.2 or 8.5, stance partner, ownership >= 1"];
            "learning" -> "learning" [label="2. trap advice-giving or coach-owned-accountability\nownership -1"];
            "learning" -> "close" [label="3. default", style=dashed];
        }

        """#
    static let expectedMermaid = #"""
        %% The new manager who wants a checklist
        flowchart TD
            start((start)) --> b0
            b0["wrap-up<br/>expects 8.1"]
            b1["wrap-up-again<br/>expects 8.1, 8.9"]
            b2["learning<br/>expects 8.2"]
            b3(["close<br/>(end)"])
            b0 -->|"1. marker 8.1, stance partner<br/>ownership +1"| b2
            b0 -->|"2. stance advise<br/>ownership -1<br/>once"| b1
            b0 -.->|"3. default"| b0
            b1 -->|"1. stance partner"| b2
            b1 -.->|"2. default"| b3
            b2 -->|"1. marker 8.2 or 8.5, stance partner, ownership #gt;= 1"| b3
            b2 -->|"2. trap advice-giving or coach-owned-accountability<br/>ownership -1"| b2
            b2 -.->|"3. default"| b3
            classDef endBeat stroke-width:3px
            class b3 endBeat

        """#
}
