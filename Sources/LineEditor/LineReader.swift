/// Where coach lines come from: a libedit prompt on a terminal, plain reads from a pipe or file.
public protocol LineReader: AnyObject {
    /// Reads one line without its newline. `.endOfInput` on EOF (Ctrl-D on an empty line),
    /// `.interrupted` when Ctrl-C discarded the line being typed, `.terminated` when SIGTERM or SIGHUP
    /// (or SIGINT, for plain input) arrived while waiting.
    ///
    /// A terminal reader returns with the cursor at the start of a fresh line whatever happened
    /// (Enter, Ctrl-C, Ctrl-D, a signal), so the caller never needs to print a newline first.
    func readLine(prompt: String) -> LineReadResult
    /// Reads one line as `readLine(prompt:)` does, with a prompt that may change while the user types
    /// (see `LivePrompt`).
    func readLine(livePrompt: LivePrompt) -> LineReadResult
    /// Remembers a line in history (no-op for plain input).
    func addHistory(_ line: String)
}

public enum LineReadResult: Equatable, Sendable {
    case line(String)
    case interrupted
    case endOfInput
    /// A signal asked the program to stop while it waited for input. The terminal is already restored;
    /// the caller records its end event and exits with status 128 + `signal`.
    case terminated(signal: Int32)
}
