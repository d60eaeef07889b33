import Foundation
import ScenarioFormat

/// A report document as aligned plain text for the terminal. Headings are bold when colour is on;
/// everything taken from transcripts is passed through `TerminalText.sanitize`.
enum ReportText {
    /// - Parameter width: the terminal's width, to word-wrap paragraphs and bullets to (tables keep their
    ///   rows whole); nil for files and pipes, which get one line per paragraph.
    static func render(_ doc: ReportDocument, style: Style, width: Int? = nil) -> String {
        var out = ""
        for block in doc.blocks {
            switch block {
            case .heading(let level, let text):
                let title = clean(text)
                if !out.isEmpty { out += "\n" }
                out += style.bold(title) + "\n"
                if level <= 2 { out += String(repeating: level == 1 ? "=" : "-", count: title.count) + "\n" }
            case .paragraph(let text):
                out += wrapped(clean(text), width: width) + "\n"
            case .bullets(let items):
                // A wrapped bullet continues under its text, not its dash.
                for item in items {
                    out += "  - " + wrapped(clean(item), width: width.map { $0 - 4 })
                        .replacingOccurrences(of: "\n", with: "\n    ") + "\n"
                }
            case .table(let table):
                out += render(table)
            }
        }
        return out
    }

    private static func render(_ table: ReportDocument.Table) -> String {
        let header = table.columns.map(\.title)
        let rows = table.rows.map { $0.map(clean) }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() where index < widths.count {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(table.columns[index].alignment == .right ? padding + cell : cell + padding)
            }
            // Trailing spaces carry nothing and make golden files fragile.
            return String(parts.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed()) + "\n"
        }
        return line(header) + rows.map(line).joined()
    }

    private static func wrapped(_ text: String, width: Int?) -> String {
        width.map { TerminalText.wrap(text, width: $0) } ?? text
    }

    private static func clean(_ text: String) -> String {
        TerminalText.sanitize(text, allowNewlines: false)
    }
}
