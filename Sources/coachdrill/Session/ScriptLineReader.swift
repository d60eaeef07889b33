import LineEditor

/// The coach lines of a scripted session (`play --script FILE`, or lines piped in): a line whose first
/// non-blank character is `#` is a comment, so a script can say what each line is there to test, as the
/// playthrough scripts in Tests/Fixtures/playthrough do. Typed at a terminal, every line is the coach's.
final class ScriptLineReader: LineReader {
    private let lines: LineReader

    init(_ lines: LineReader) {
        self.lines = lines
    }

    func readLine(prompt: String) -> LineReadResult {
        skippingComments { lines.readLine(prompt: prompt) }
    }

    func readLine(livePrompt: LivePrompt) -> LineReadResult {
        skippingComments { lines.readLine(livePrompt: livePrompt) }
    }

    func addHistory(_ line: String) {
        lines.addHistory(line)
    }

    static func isComment(_ line: String) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.hasPrefix("#")
    }

    private func skippingComments(_ read: () -> LineReadResult) -> LineReadResult {
        while true {
            let result = read()
            if case .line(let text) = result, Self.isComment(text) { continue }
            return result
        }
    }
}
