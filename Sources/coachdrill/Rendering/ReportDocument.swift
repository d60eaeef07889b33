/// A report as headings, paragraphs, lists and tables, independent of how it is printed. The text and
/// Markdown formats render the same document, so they cannot drift apart; HTML adds charts around it.
struct ReportDocument {
    enum Block {
        case heading(level: Int, text: String)
        case paragraph(String)
        case bullets([String])
        case table(Table)
    }

    struct Table {
        enum Alignment { case left, right }

        var columns: [(title: String, alignment: Alignment)]
        var rows: [[String]]
    }

    var blocks: [Block] = []

    mutating func heading(_ level: Int, _ text: String) { blocks.append(.heading(level: level, text: text)) }
    mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    mutating func bullets(_ items: [String]) { blocks.append(.bullets(items)) }
    mutating func table(_ columns: [(String, Table.Alignment)], _ rows: [[String]]) {
        blocks.append(.table(Table(columns: columns.map { (title: $0.0, alignment: $0.1) }, rows: rows)))
    }
}
