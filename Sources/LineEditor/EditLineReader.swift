import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines at a terminal through the system libedit: emacs keys, history kept across runs, Tab
/// completion of `:` commands, `~/.editrc`, UTF-8 editing.
///
/// Ctrl-C discards the line being typed (`.interrupted`); Ctrl-D on an empty line is `.endOfInput`;
/// SIGINT (sent by another process: the key itself is read as a character), SIGTERM and SIGHUP while
/// waiting give `.terminated`. The terminal settings found at start are put back
/// on every way out (`close()`, deinit, and after each read, whatever interrupted it).
///
/// All calls into CLibEdit live in this file: its shim keeps its state in `static` C variables.
public final class EditLineReader: LineReader {
    public enum SetupError: Error, CustomStringConvertible {
        case cannotStart(String)

        public var description: String {
            switch self {
            case .cannotStart(let reason): "cannot start the line editor: \(reason)"
            }
        }
    }

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    private let inputDescriptor: Int32
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>
    private let errors: UnsafeMutablePointer<FILE>
    private let savedTerminal: TerminalState?
    private var closed = false

    /// Reads from standard input and writes to standard output.
    public convenience init(programName: String, historyFile: String?, completions: [String]) throws(SetupError) {
        try self.init(
            programName: programName, historyFile: historyFile, completions: completions,
            inputDescriptor: STDIN_FILENO, outputDescriptor: STDOUT_FILENO)
    }

    /// Reads from and writes to the given descriptors (tests drive this on a pseudo-terminal).
    public init(
        programName: String, historyFile: String?, completions: [String], inputDescriptor: Int32,
        outputDescriptor: Int32
    ) throws(SetupError) {
        cd_use_utf8_locale()
        guard let input = fdopen(dup(inputDescriptor), "r"), let output = fdopen(dup(outputDescriptor), "w"),
            let errors = fdopen(dup(STDERR_FILENO), "w")
        else {
            throw .cannotStart("cannot open the terminal")
        }
        guard let editLine = el_init(programName, input, output, errors) else {
            fclose(input)
            fclose(output)
            fclose(errors)
            throw .cannotStart("el_init failed")
        }
        guard let history = history_init() else {
            el_end(editLine)
            throw .cannotStart("history_init failed")
        }
        self.input = input
        self.output = output
        self.errors = errors
        self.editLine = editLine
        self.history = history
        self.historyFile = historyFile
        self.inputDescriptor = inputDescriptor
        savedTerminal = TerminalState(descriptor: inputDescriptor)
        cd_history_configure(history, 1000)
        if let historyFile { _ = cd_history_load(history, historyFile) }
        let words = completions.map { $0 + "\0" }.joined()
        cd_configure(editLine, history, fileno(input), words, Int32(completions.count))
        cd_install_signal_handlers()
    }

    deinit {
        close()
    }

    public func readLine(prompt: String) -> LineReadResult {
        cd_set_prompt(Self.markEscapes(prompt))
        var count: Int32 = 0
        let line = el_gets(editLine, &count)
        let signal = cd_take_signal()
        let discarded = cd_take_discard() != 0
        // Whatever ended the read, the terminal goes back to how we found it.
        savedTerminal?.restore()
        if discarded, signal == 0 {
            el_reset(editLine)
            fputs("^C\n", output)
            fflush(output)
            return .interrupted
        }
        if signal != 0 {
            el_reset(editLine)
            fputs("\n", output)
            fflush(output)
            return .terminated(signal: signal)
        }
        guard let line, count > 0 else { return .endOfInput }
        var text = String(cString: line)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return .line(text)
    }

    public func addHistory(_ line: String) {
        _ = cd_history_enter(history, line)
        if let historyFile { _ = cd_history_save(history, historyFile) }
    }

    /// Saves history, frees libedit and restores the terminal. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        if let historyFile { _ = cd_history_save(history, historyFile) }
        cd_end(editLine)
        history_end(history)
        fclose(input)
        fclose(output)
        fclose(errors)
        savedTerminal?.restore()
    }

    /// `$XDG_STATE_HOME/coachdrill/history`, falling back to `~/.local/state/coachdrill/history`; the
    /// folder is created. Nil when there is no home to keep it in.
    public static func defaultHistoryPath(environment: [String: String]) -> String? {
        let base: String
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            base = state
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.local/state"
        } else {
            return nil
        }
        let folder = base + "/coachdrill"
        var path = ""
        for part in folder.split(separator: "/", omittingEmptySubsequences: false) {
            path += (path.isEmpty && part.isEmpty) ? "" : "/" + part
            if !part.isEmpty { mkdir(path.isEmpty ? "/" : path, 0o755) }
        }
        return folder + "/history"
    }

    /// Wraps ANSI escape sequences in \1 so libedit does not count them as prompt width.
    public static func markEscapes(_ prompt: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in prompt.unicodeScalars {
            if scalar == "\u{1B}" {
                out += "\u{01}"
                inEscape = true
            }
            out.unicodeScalars.append(scalar)
            if inEscape, scalar == "m" {
                out += "\u{01}"
                inEscape = false
            }
        }
        return out
    }
}

/// Signals that should end a session, for readers that are not libedit (pipes and files).
///
/// It lives in this file because the C shim keeps the pending signal in a `static` variable: every Swift
/// file that touched it directly would get its own copy.
public enum SignalWatch {
    /// SIGINT, SIGTERM and SIGHUP interrupt blocking reads (no SA_RESTART) and are remembered.
    public static func install() {
        cd_install_signal_handlers()
    }

    /// The signal that arrived since the last call, or 0.
    public static func take() -> Int32 {
        cd_take_signal()
    }
}

/// The terminal settings of a descriptor, saved to be put back exactly.
public struct TerminalState: Sendable {
    private let descriptor: Int32
    private let settings: termios

    /// Nil when the descriptor is not a terminal.
    public init?(descriptor: Int32) {
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else { return nil }
        self.descriptor = descriptor
        self.settings = settings
    }

    public func restore() {
        var settings = self.settings
        _ = tcsetattr(descriptor, TCSADRAIN, &settings)
    }
}
