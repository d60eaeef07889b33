import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The keys the REPL relies on: Tab completes commands, Ctrl-C discards the line, Ctrl-Z suspends.
///
/// Ctrl-C and Ctrl-Z arrive as ordinary keys: edit mode turns the terminal's ISIG off, so the kernel
/// does not turn them into SIGINT and SIGTSTP. That keeps the interrupt in-band (the partial line is
/// discarded by the editor itself, with no signal racing the read), and it works the same on a
/// pseudo-terminal that is not anybody's controlling terminal, as in tests.
extension EditLineReader {
    /// The byte the reader treats as Ctrl-C, whatever the terminal's `intr` character.
    static let interruptKey: UInt8 = 0x03

    func installKeyBindings(_ editLine: OpaquePointer) {
        _ = cd_el_add_function(editLine, "coachdrill-complete", "Complete a REPL command", Self.completeEntry)
        _ = cd_el_bind(editLine, "^I", "coachdrill-complete")

        _ = cd_el_add_function(editLine, "coachdrill-interrupt", "Discard the line being typed", Self.interruptEntry)
        for key in Set([Self.interruptKey, originalState.controlCharacter(VINTR)].compactMap { $0 }) {
            if let notation = Self.keyNotation(key) {
                _ = cd_el_bind(editLine, notation, "coachdrill-interrupt")
            }
        }

        _ = cd_el_add_function(editLine, "coachdrill-suspend", "Suspend to the shell", Self.suspendEntry)
        if let key = originalState.controlCharacter(VSUSP), let notation = Self.keyNotation(key) {
            _ = cd_el_bind(editLine, notation, "coachdrill-suspend")
        }

        _ = cd_el_add_function(editLine, "coachdrill-refresh-prompt", "Redraw a changed prompt", Self.refreshPromptEntry)
        _ = cd_el_bind(editLine, Self.promptRefreshKeyNotation, "coachdrill-refresh-prompt")

        _ = cd_el_set_tty(editLine, "-d", "-isig")
    }

    /// The key a live prompt's redraw is handed to libedit as (see `readLine(livePrompt:)`): U+009F, a C1
    /// control no keyboard sends, in the range libedit's key map covers.
    static let promptRefreshKey: UInt32 = 0x9F
    static let promptRefreshKeyNotation = "\\237"

    /// The live prompt's redraw: libedit draws prompt and line again, changing only what changed.
    func refreshPrompt() -> UInt8 {
        cd_cc_refresh()
    }

    /// editrc notation for a control key ("^C"); nil for keys that are not control characters.
    static func keyNotation(_ key: UInt8) -> String? {
        switch key {
        case 1...31: "^" + String(UnicodeScalar(key + 64))
        case 127: "^?"
        default: nil
        }
    }

    /// Tab: complete the command word, or list the candidates.
    func completeCommand(_ editLine: OpaquePointer) -> UInt8 {
        guard let line = el_wline(editLine)?.pointee, let start = line.buffer, let cursor = line.cursor else {
            return cd_cc_error()
        }
        switch completion.complete(WideText.string(from: start, to: cursor)) {
        case .none:
            return cd_cc_error()  // beeps
        case .insert(let text):
            let inserted = WideText.withCString(text) { el_winsertstr(editLine, $0) }
            return inserted == 0 ? cd_cc_refresh() : cd_cc_error()
        case .list(let words):
            // Below the line, then libedit redraws prompt and line underneath (as its own completer does).
            write("\n" + words.joined(separator: "  ") + "\n")
            return cd_cc_redisplay()
        }
    }

    /// Ctrl-C: mark the line `^C` at its end, finish it as Enter would (so the screen moves to a fresh
    /// line), and remember that it is to be discarded.
    func interruptLine(_ editLine: OpaquePointer) -> UInt8 {
        wait.interruptRequested = true
        if let line = el_wline(editLine)?.pointee, let cursor = line.cursor, let end = line.lastchar {
            _ = el_cursor(editLine, Int32(clamping: end - cursor))
        }
        _ = WideText.withCString("^C") { el_winsertstr(editLine, $0) }
        WideText.withCString("\n") { el_wpush(editLine, $0) }
        return cd_cc_refresh()
    }

    /// Ctrl-Z: suspend, but only when this terminal really is ours to hand back to a shell (our process
    /// group in its foreground); otherwise there is no job control to return to, so just beep.
    func suspendFromKeyboard(_ editLine: OpaquePointer) -> UInt8 {
        guard tcgetpgrp(inputDescriptor) == getpgrp() else { return cd_cc_error() }
        suspend(editLine, wholeProcessGroup: true)
        return cd_cc_norm()
    }
}
