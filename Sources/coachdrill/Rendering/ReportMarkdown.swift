import ScenarioFormat

/// A report document as GitHub-flavoured Markdown (tables with alignment rows).
enum ReportMarkdown {
    static func render(_ doc: ReportDocument) -> String {
        var blocks: [String] = []
        for block in doc.blocks {
            switch block {
            case .heading(let level, let text):
                blocks.append(String(repeating: "#", count: level) + " " + escape(text))
            case .paragraph(let text):
                blocks.append(escape(text))
            case .bullets(let items):
                blocks.append(items.map { "- " + escape($0) }.joined(separator: "\n"))
            case .table(let table):
                blocks.append(render(table))
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private static func render(_ table: ReportDocument.Table) -> String {
        var lines = ["| " + table.columns.map { escape($0.title, startsLine: false) }.joined(separator: " | ") + " |"]
        lines.append("|" + table.columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined())
        for row in table.rows {
            lines.append("| " + row.map { escape($0, startsLine: false) }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// Text from transcripts must not turn into Markdown (or HTML, which Markdown passes through):
    /// punctuation that means something is backslash-escaped and angle brackets become entities.
    /// `startsLine`: the text begins a line, where "#" would start a heading (table cells never do).
    static func escape(_ text: String, startsLine: Bool = true) -> String {
        var out = ""
        for character in TerminalText.sanitize(text, allowNewlines: false) {
            switch character {
            // "#" only starts a heading at the start of a line.
            case "#" where out.isEmpty && startsLine: out += "\\#"
            case "\\", "`", "*", "_", "[", "]", "|": out += "\\" + String(character)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(character)
            }
        }
        return out
    }
}
