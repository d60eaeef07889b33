import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines on a terminal with libedit: emacs key bindings, history kept in a file across runs,
/// Tab completion of REPL commands, the user's ~/.editrc, UTF-8 throughout.
///
/// Keys and signals:
/// - Ctrl-C discards the line being typed (it stays on screen, marked `^C`) and returns `.interrupted`;
/// - Ctrl-D on an empty line returns `.endOfInput`;
/// - Ctrl-Z suspends with the terminal restored, and redraws the line on `fg`;
/// - SIGTERM or SIGHUP while waiting restores the terminal and returns `.terminated(signal:)`;
///   SIGINT from outside (`kill -INT`) ends the wait like SIGTERM and SIGHUP (`.terminated`).
///
/// The terminal attributes found at start are put back after every line, on `close()` and on deinit,
/// so between lines and after the reader the terminal is exactly as the program found it.
///
/// One reader reads at a time: signal handling while waiting is process-wide.
public final class EditLineReader: LineReader {
    public enum SetupError: Error, Equatable, Sendable {
        /// Input or output is not a terminal; use `PlainLineReader` instead.
        case notATerminal
        /// A stream for libedit could not be opened (errno).
        case cannotOpenStream(errno: Int32)
        /// libedit refused to start on this terminal.
        case editorUnavailable
    }

    /// The file lines are saved to after every `addHistory`, or nil for no persistent history.
    public let historyFile: String?

    /// The errno of the last failed read, if input ended because of an error rather than EOF.
    public private(set) var lastError: Int32?

    // Touched from the C callbacks in the other EditLineReader files, hence not private.
    var editLine: OpaquePointer?
    let inputDescriptor: Int32
    let originalState: TerminalState
    let completion: CommandCompletion
    var decoder = UTF8InputDecoder()
    var wait = WaitState()
    /// The prompt being redrawn while the user types, during `readLine(livePrompt:)`.
    var livePrompt: LivePrompt?

    private var history: OpaquePointer?
    private let streams: [UnsafeMutablePointer<FILE>]
    private let output: UnsafeMutablePointer<FILE>
    private(set) var promptText: String?
    private(set) var promptPointer: UnsafeMutablePointer<wchar_t>

    /// What happened during one `readLine`, set by the callbacks.
    struct WaitState {
        var interruptRequested = false
        var termination: Int32?
        var readFailure: Int32?
        /// The terminal as libedit set it up for editing, to re-apply after a stop.
        var editingState: TerminalState?
        /// The last character handed to libedit, so a prompt redraw never lands inside a key sequence.
        var lastCharacter: UInt32 = 0
    }

    /// A reader on the process's standard input, output and error.
    public convenience init(programName: String, historyFile: String?, completions: [String]) throws {
        try self.init(
            programName: programName, historyFile: historyFile, completions: completions,
            inputFileDescriptor: STDIN_FILENO, outputFileDescriptor: STDOUT_FILENO,
            errorFileDescriptor: STDERR_FILENO
        )
    }

    /// A reader on the given terminal descriptors (for example a pseudo-terminal in tests). The
    /// descriptors stay owned by the caller and must outlive the reader.
    ///
    /// - Parameters:
    ///   - terminalType: the terminfo name to draw with; nil takes `TERM` from the environment.
    ///   - readsEditrc: whether to apply the user's `$EDITRC` or `~/.editrc`.
    ///   - historyLimit: how many lines history keeps.
    public init(
        programName: String,
        historyFile: String?,
        completions: [String],
        inputFileDescriptor: Int32,
        outputFileDescriptor: Int32,
        errorFileDescriptor: Int32 = STDERR_FILENO,
        terminalType: String? = nil,
        readsEditrc: Bool = true,
        historyLimit: Int = 1000
    ) throws {
        TerminalLocale.prepare()  // before el_init: libedit looks at the codeset when it starts
        guard isatty(inputFileDescriptor) == 1, isatty(outputFileDescriptor) == 1,
              let state = TerminalState(fileDescriptor: inputFileDescriptor)
        else { throw SetupError.notATerminal }

        var streams: [UnsafeMutablePointer<FILE>] = []
        for (descriptor, mode) in [(inputFileDescriptor, "r"), (outputFileDescriptor, "w"), (errorFileDescriptor, "w")] {
            // Streams on duplicates: fclose at the end must not close the caller's descriptors.
            let duplicate = dup(descriptor)
            guard duplicate >= 0, let stream = fdopen(duplicate, mode) else {
                let failure = errno
                if duplicate >= 0 { closeDescriptor(duplicate) }
                streams.forEach { _ = fclose($0) }
                throw SetupError.cannotOpenStream(errno: failure)
            }
            streams.append(stream)
        }
        self.streams = streams
        self.output = streams[1]
        self.inputDescriptor = inputFileDescriptor
        self.originalState = state
        self.historyFile = historyFile
        self.completion = CommandCompletion(words: completions)
        self.promptPointer = UnsafeMutablePointer<wchar_t>.allocate(capacity: 1)
        promptPointer.initialize(to: 0)

        guard let editLine = el_init_fd(
            programName, streams[0], streams[1], streams[2],
            inputFileDescriptor, outputFileDescriptor, errorFileDescriptor
        ) else {
            state.restore()
            throw SetupError.editorUnavailable
        }
        self.editLine = editLine
        configure(editLine, terminalType: terminalType, readsEditrc: readsEditrc, historyLimit: historyLimit)
        // el_init already adjusted the terminal for its "cooked" mode; hand it back untouched.
        originalState.restore()
    }

    deinit {
        close()
        streams.forEach { _ = fclose($0) }
        promptPointer.deallocate()
    }

    private func configure(_ editLine: OpaquePointer, terminalType: String?, readsEditrc: Bool, historyLimit: Int) {
        _ = cd_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = cd_el_set_signal_handling(editLine, 0)  // see SignalTrap: we catch signals ourselves
        _ = cd_el_set_editor(editLine, "emacs")
        if let terminalType {
            _ = cd_el_set_terminal(editLine, terminalType)
        }
        _ = cd_el_set_read_function(editLine, Self.readCharacterEntry)
        _ = cd_el_set_prompt(editLine, Self.promptEntry, wchar_t(truncatingIfNeeded: Self.promptEscape.value))

        if let history = cd_history_open() {
            self.history = history
            _ = cd_history_set_size(history, Int32(clamping: historyLimit))
            _ = cd_history_set_unique(history, 1)
            if let historyFile {
                _ = cd_history_load(history, historyFile)  // a first run has no file yet
            }
            _ = cd_el_set_history(editLine, history)
        }
        if readsEditrc {
            _ = el_source(editLine, nil)
        }
        // After ~/.editrc, so a `bind -v` there cannot undo the keys the REPL depends on.
        installKeyBindings(editLine)
    }

    /// The character that brackets prompt escapes for EL_PROMPT_ESC.
    static let promptEscape: Unicode.Scalar = "\u{1}"

    // MARK: LineReader

    public func readLine(prompt: String) -> LineReadResult {
        guard let editLine else { return .endOfInput }
        setPrompt(prompt)
        fflush(nil)  // whatever the program printed must reach the screen before the prompt
        wait = WaitState()
        lastError = nil

        let previouslyArmed = TerminalState.armedForSignalHandlers
        originalState.armForSignalHandlers()
        let trap = SignalTrap.arm([SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH])
        defer {
            trap.disarm()
            if let previouslyArmed {
                previouslyArmed.armForSignalHandlers()
            } else {
                TerminalState.disarmSignalHandlers()
            }
        }

        var count: Int32 = 0
        let characters = el_wgets(editLine, &count)
        let text = characters.map { WideText.string(from: $0, count: Int(max(count, 0))) }
        // libedit's own "cooked" settings are close to, but not always exactly, what we were given.
        originalState.restore()

        if let signal = wait.termination {
            write("\n")
            return .terminated(signal: signal)
        }
        if wait.interruptRequested {
            return .interrupted  // the interrupt key already ended the line on screen
        }
        guard let text, count > 0 else {
            lastError = wait.readFailure
            write("\n")  // Ctrl-D leaves the cursor after the prompt
            return .endOfInput
        }
        return .line(text.hasSuffix("\n") ? String(text.dropLast()) : text)
    }

    public func readLine(livePrompt: LivePrompt) -> LineReadResult {
        self.livePrompt = livePrompt
        defer { self.livePrompt = nil }
        return readLine(prompt: livePrompt.text())
    }

    public func addHistory(_ line: String) {
        guard let history, !line.allSatisfy(\.isWhitespace) else { return }
        _ = WideText.withCString(line) { cd_history_enter(history, $0) }
        saveHistory()
    }

    /// Ends editing: saves history and puts the terminal back as it was found. Idempotent; `readLine`
    /// returns `.endOfInput` afterwards.
    public func close() {
        guard let editLine else { return }
        self.editLine = nil
        saveHistory()
        // el_end restores the terminal with TCSAFLUSH, throwing away keys typed ahead for the shell.
        // Restore it ourselves and tell libedit editing is off, which makes el_end leave the tty alone.
        originalState.restore()
        _ = cd_el_set_edit_mode(editLine, 0)
        el_end(editLine)
        if let history {
            cd_history_close(history)
            self.history = nil
        }
        fflush(output)
    }

    // MARK: Helpers for the callbacks

    /// Writes to the terminal through libedit's own stream, so the order with its output is kept.
    func write(_ text: String) {
        fputs(text, output)
        fflush(output)
    }

    func setPrompt(_ prompt: String) {
        guard prompt != promptText else { return }
        promptText = prompt
        let characters = WideText.characters(of: PromptMarkup.libeditPrompt(prompt, delimiter: Self.promptEscape))
        let pointer = UnsafeMutablePointer<wchar_t>.allocate(capacity: characters.count)
        pointer.initialize(from: characters, count: characters.count)
        promptPointer.deallocate()
        promptPointer = pointer
    }

    /// Saves through a temporary file and a rename, so a crash mid-save cannot leave half a history.
    private func saveHistory() {
        guard let history, let historyFile else { return }
        let temporary = "\(historyFile).\(getpid()).tmp"
        if cd_history_save(history, temporary) >= 0 {
            if rename(temporary, historyFile) != 0 {
                unlink(temporary)
            }
        } else {
            unlink(temporary)
        }
    }

    /// The reader behind a libedit handle, for the C callbacks.
    static func reader(for editLine: OpaquePointer?) -> EditLineReader? {
        guard let editLine, let data = cd_el_client_data(editLine) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }
}

/// `close(2)`, reachable from inside a type that has its own `close()`.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
