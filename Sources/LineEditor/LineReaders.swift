#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Picks the reader that fits the process's standard input.
public enum LineReaders {
    /// libedit when standard input and output are both terminals, plain reads otherwise (a pipe, a
    /// file, or a terminal libedit cannot drive), so every session can also be scripted.
    /// The history file and the completions are worked out only when the line editor is used (so a piped
    /// or scripted session neither spends the time nor creates the history file's folder).
    public static func standard(
        programName: String, historyFile: @autoclosure () -> String?, completions: @autoclosure () -> [String]
    ) -> any LineReader {
        if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
           let reader = try? EditLineReader(programName: programName, historyFile: historyFile(), completions: completions()) {
            return reader
        }
        return PlainLineReader()
    }
}
