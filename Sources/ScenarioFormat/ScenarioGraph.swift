import CoachDrillCore

/// Draws a scenario's beats and branches for `coachdrill graph`: Graphviz dot or Mermaid.
///
/// Beats are nodes (the start is pointed at, end beats are marked), branches are edges labelled with their
/// order, condition, effects and `once`; the default branch is dashed. A branch with no goto loops back.
public enum ScenarioGraph {
    public enum Format: String, Sendable, CaseIterable {
        case dot, mermaid
    }

    public static func render(_ scenario: Scenario, format: Format) -> String {
        switch format {
        case .dot: dot(scenario)
        case .mermaid: mermaid(scenario)
        }
    }

    // MARK: - Labels

    /// "marker 8.1 or 8.2, stance partner, state ownership >= 1", or "default".
    static func conditionText(_ condition: Condition?) -> String {
        guard let condition else { return "default" }
        var parts: [String] = []
        if !condition.markers.isEmpty {
            parts.append("marker " + condition.markers.map(\.id).joined(separator: " or "))
        }
        if !condition.stances.isEmpty {
            parts.append("stance " + condition.stances.map(\.rawValue).joined(separator: " or "))
        }
        if !condition.traps.isEmpty {
            parts.append("trap " + condition.traps.map(\.rawValue).joined(separator: " or "))
        }
        if !condition.advice.isEmpty {
            parts.append("advice " + condition.advice.map(\.rawValue).joined(separator: " or "))
        }
        for test in condition.state {
            parts.append("\(test.variable) \(test.comparison.rawValue) \(test.value)")
        }
        return parts.isEmpty ? "always" : parts.joined(separator: ", ")
    }

    /// The lines of an edge label: "1. marker 8.1, stance partner", then effects, once and leads in.
    static func branchLines(_ branch: Branch, index: Int) -> [String] {
        var lines = ["\(index + 1). " + conditionText(branch.condition)]
        if !branch.effects.isEmpty {
            lines.append(
                branch.effects.map { "\($0.variable) \($0.delta >= 0 ? "+" : "")\($0.delta)" }.joined(separator: ", "))
        }
        if branch.once { lines.append("once") }
        if branch.leadsIn { lines.append("leads in") }
        return lines
    }

    static func beatLines(_ beat: Beat) -> [String] {
        var lines = [beat.id]
        if !beat.expects.isEmpty { lines.append("expects " + beat.expects.map(\.id).joined(separator: ", ")) }
        if beat.end { lines.append("(end)") }
        return lines
    }

    // MARK: - Graphviz

    static func dot(_ scenario: Scenario) -> String {
        var out = "digraph \(dotQuoted(scenario.id)) {\n"
        out += "    label=\(dotQuoted(scenario.title));\n"
        out += "    labelloc=t;\n"
        out += "    node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
        out += "    edge [fontname=\"Helvetica\", fontsize=10];\n"
        out += "    \"__start__\" [shape=point, width=0.15, label=\"\"];\n"
        for beat in scenario.beats {
            var attributes = ["label=\(dotQuoted(beatLines(beat).joined(separator: "\n")))"]
            if beat.end { attributes.append("peripheries=2") }
            if beat.id == scenario.start { attributes.append("penwidth=2") }
            out += "    \(dotQuoted(beat.id)) [\(attributes.joined(separator: ", "))];\n"
        }
        out += "    \"__start__\" -> \(dotQuoted(scenario.start));\n"
        for beat in scenario.beats {
            for (index, branch) in beat.branches.enumerated() {
                var attributes = ["label=\(dotQuoted(branchLines(branch, index: index).joined(separator: "\n")))"]
                if branch.isDefault { attributes.append("style=dashed") }
                out +=
                    "    \(dotQuoted(beat.id)) -> \(dotQuoted(branch.goto ?? beat.id)) [\(attributes.joined(separator: ", "))];\n"
            }
        }
        return out + "}\n"
    }

    /// A dot string: quotes and backslashes escaped, newlines as `\n`, control characters made visible.
    static func dotQuoted(_ text: String) -> String {
        var out = "\""
        for character in TerminalText.sanitize(text) {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    // MARK: - Mermaid

    static func mermaid(_ scenario: Scenario) -> String {
        var ids: [String: String] = [:]
        for (index, beat) in scenario.beats.enumerated() { ids[beat.id] = "b\(index)" }
        func id(_ beat: String) -> String {
            ids[beat] ?? "missing_" + String(beat.unicodeScalars.filter { $0.properties.isAlphabetic && $0.isASCII })
        }
        var out = "%% \(TerminalText.sanitize(scenario.title, allowNewlines: false))\nflowchart TD\n"
        out += "    start((start)) --> \(id(scenario.start))\n"
        for beat in scenario.beats {
            let label = mermaidQuoted(beatLines(beat).joined(separator: "\n"))
            out += beat.end ? "    \(id(beat.id))([\(label)])\n" : "    \(id(beat.id))[\(label)]\n"
        }
        for beat in scenario.beats {
            for (index, branch) in beat.branches.enumerated() {
                let arrow = branch.isDefault ? "-.->" : "-->"
                let label = mermaidQuoted(branchLines(branch, index: index).joined(separator: "\n"))
                out += "    \(id(beat.id)) \(arrow)|\(label)| \(id(branch.goto ?? beat.id))\n"
            }
        }
        out += "    classDef endBeat stroke-width:3px\n"
        let ends = scenario.beats.filter(\.end).map { id($0.id) }
        if !ends.isEmpty { out += "    class \(ends.joined(separator: ",")) endBeat\n" }
        return out
    }

    /// A Mermaid label in quotes: `"` as `#quot;`, newlines as `<br/>`, markup characters as entities.
    static func mermaidQuoted(_ text: String) -> String {
        "\"" + mermaidText(text) + "\""
    }

    static func mermaidText(_ text: String) -> String {
        var out = ""
        for character in TerminalText.sanitize(text) {
            switch character {
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "\n": out += "<br/>"
            default: out.append(character)
            }
        }
        return out
    }
}
