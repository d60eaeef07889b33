import Foundation

@testable import CoachDrillCore

/// The team's labelled corpus, Corpus/coach-turns.tsv, read once for every test that needs it.
enum CorpusFile {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus/coach-turns.tsv")

    private static let loaded: Result<[LabelledLine], Error> = Result {
        try LabelledCorpus.parse(String(contentsOf: url, encoding: .utf8))
    }

    static func lines() throws -> [LabelledLine] {
        try loaded.get()
    }

    /// The header line as written.
    static func header() throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.prefix { $0 != "\n" }.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
}

extension LabelledLine {
    /// The line as its first annotator labelled it (for the first corpora: the team's original label).
    var asFirstLabelled: LabelledLine {
        var line = self
        line.label = firstLabel
        line.overturnedFirstLabel = nil
        return line
    }
}
