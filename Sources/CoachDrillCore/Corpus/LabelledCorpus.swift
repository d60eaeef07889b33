/// Reads a labelled corpus: tab-separated, one coach turn a line, with a header naming the columns.
///
/// `Corpus/coach-turns.tsv` has the columns `id split batch styles client text marker stance marker_b
/// stance_b adjudication` (Corpus/README.md). A quick file of one's own needs only `marker stance text`,
/// in any order. Fields hold no tabs or line breaks, and are not quoted.
public enum LabelledCorpus {
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case missingHeader(missing: [String])
        case malformed(line: Int, column: Int, reason: String)

        public var description: String { located(in: "line") }

        /// The message with its 1-based place: "FILE:LINE:COLUMN: reason".
        public func located(in file: String) -> String {
            switch self {
            case .missingHeader(let missing):
                "\(file):1:1: the header must name the columns \(missing.joined(separator: ", ")) (tab-separated), "
                    + "as in Corpus/coach-turns.tsv"
            case .malformed(let line, let column, let reason): "\(file):\(line):\(column): \(reason)"
            }
        }
    }

    public static let columns = [
        "id", "split", "batch", "styles", "client", "text", "marker", "stance", "marker_b", "stance_b",
        "adjudication",
    ]
    static let required = ["text", "marker", "stance"]

    public static func parse(_ text: String) throws(ParseError) -> [LabelledLine] {
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        var rows = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.makeIterator()
        guard let headerRow = rows.next() else { throw .missingHeader(missing: required) }
        let header = headerRow.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let missing = required.filter { !header.contains($0) }
        guard missing.isEmpty else { throw .missingHeader(missing: missing) }
        var lines: [LabelledLine] = []
        var number = 1
        while let row = rows.next() {
            number += 1
            if row.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == header.count else {
                throw .malformed(
                    line: number, column: 1,
                    reason: "expected \(header.count) tab-separated fields (\(header.joined(separator: " "))), found \(fields.count)")
            }
            lines.append(try parseRow(Row(header: header, fields: fields, line: number)))
        }
        return lines
    }

    /// One row's fields by column name, with the byte column each starts at for messages.
    private struct Row {
        let header: [String]
        let fields: [Substring]
        let line: Int

        func field(_ name: String) -> Substring? {
            header.firstIndex(of: name).map { fields[$0] }
        }

        func error(_ name: String, _ reason: String) -> ParseError {
            let index = header.firstIndex(of: name) ?? 0
            let column = fields[..<index].reduce(1) { $0 + $1.utf8.count + 1 }
            return .malformed(line: line, column: column, reason: reason)
        }
    }

    private static func parseRow(_ row: Row) throws(ParseError) -> LabelledLine {
        let label = try parseLabel(row, marker: "marker", stance: "stance")
        // A second label is optional (the first corpora were labelled once), but whole when present.
        let hasSecond = !(row.field("marker_b") ?? "").isEmpty || !(row.field("stance_b") ?? "").isEmpty
        let second = hasSecond ? try parseLabel(row, marker: "marker_b", stance: "stance_b") : nil
        let split: CorpusSplit?
        if let field = row.field("split"), !field.isEmpty {
            guard let value = CorpusSplit(rawValue: String(field)) else {
                throw row.error("split", "unknown split '\(field)' (use train, dev or test)")
            }
            split = value
        } else {
            split = nil
        }
        var styles: [StyleTag] = []
        if let field = row.field("styles"), !field.isEmpty {
            for name in field.split(separator: ",") {
                guard let tag = StyleTag(rawValue: name.trimmingSpaces) else {
                    let known = StyleTag.allCases.map(\.rawValue).joined(separator: ", ")
                    throw row.error("styles", "unknown style '\(name)' (use \(known))")
                }
                styles.append(tag)
            }
        }
        let adjudication = String(row.field("adjudication") ?? "")
        var overturned: Label?
        // "first 8.5/advise; reason" records a first label that the third reading overturned.
        if adjudication.hasPrefix("first ") {
            let rest = adjudication.dropFirst("first ".count)
            guard let end = rest.firstIndex(of: ";"), let first = Label(rest[..<end]) else {
                throw row.error("adjudication", "an adjudication that starts with 'first' reads 'first 8.5/advise; reason'")
            }
            overturned = first
        }
        guard let text = row.field("text"), !text.isEmpty else { throw row.error("text", "the text is empty") }
        return LabelledLine(
            marker: label.marker, stance: label.stance, text: String(text), line: row.line,
            clientLine: String(row.field("client") ?? ""), id: String(row.field("id") ?? ""), split: split,
            batch: String(row.field("batch") ?? ""), styles: styles, secondLabel: second,
            overturnedFirstLabel: overturned, adjudication: adjudication)
    }

    private static func parseLabel(_ row: Row, marker: String, stance: String) throws(ParseError) -> Label {
        let markerField = row.field(marker) ?? ""
        let stanceField = row.field(stance) ?? ""
        let parsedMarker = Marker(id: String(markerField))
        guard parsedMarker != nil || markerField == "none" else {
            throw row.error(marker, "unknown marker '\(markerField)' (use 8.1 to 8.9 or none)")
        }
        guard let parsedStance = Stance(rawValue: String(stanceField)) else {
            throw row.error(stance, "unknown stance '\(stanceField)' (use partner, advise or neutral)")
        }
        return Label(marker: parsedMarker, stance: parsedStance)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
