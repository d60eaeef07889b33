/// Where coach lines come from: a libedit prompt on a terminal, plain reads from a pipe or file.
public protocol LineReader: AnyObject {
    /// Reads one line without its newline. `.endOfInput` on EOF (Ctrl-D on an empty line),
    /// `.interrupted` when Ctrl-C discarded the line being typed.
    func readLine(prompt: String) -> LineReadResult
    /// Remembers a line in history (no-op for plain input).
    func addHistory(_ line: String)
}

public enum LineReadResult: Equatable, Sendable {
    case line(String)
    case interrupted
    case endOfInput
    /// SIGTERM or SIGHUP arrived while waiting for input; the caller ends the session and exits 128+signal.
    case terminated(signal: Int32)
}
