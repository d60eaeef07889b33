import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where libedit gets its characters (EL_GETCFN): our own loop instead of libedit's blocking read(),
/// so a wait for a key can also notice signals, stop and resume cleanly, and follow window resizes.
extension EditLineReader {
    /// Returns 1 with a character, 0 at end of input, -1 to make libedit give up on the line.
    func readCharacter(_ editLine: OpaquePointer, into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        if wait.editingState == nil {
            // libedit switched to its editing mode just before asking for the first character.
            wait.editingState = TerminalState(fileDescriptor: inputDescriptor)
        }
        var reachedEnd = false
        while true {
            // Ctrl-C typed at the prompt arrives as a key (ISIG is off while editing); a SIGINT can only come
            // from another process, which wants the session over, like SIGTERM and SIGHUP.
            if let signal = SignalTrap.takeFirst(of: [SIGTERM, SIGHUP, SIGINT]) {
                wait.termination = signal
                character.pointee = 0
                return -1
            }
            if let scalar = decoder.next() {
                // Keys already read were typed before any signal we have yet to handle.
                wait.lastCharacter = scalar.value
                character.pointee = wchar_t(truncatingIfNeeded: scalar.value)
                return 1
            }
            if SignalTrap.take(SIGTSTP) {
                suspend(editLine, wholeProcessGroup: false)
                continue
            }
            if SignalTrap.take(SIGCONT) {
                resume(editLine)  // stopped by someone else (SIGSTOP); the shell may have reset the tty
                continue
            }
            if SignalTrap.take(SIGWINCH) {
                el_resize(editLine)
                continue
            }
            if reachedEnd {
                if let scalar = decoder.finish() {
                    character.pointee = wchar_t(truncatingIfNeeded: scalar.value)
                    return 1
                }
                character.pointee = 0
                return 0
            }
            switch awaitInput(timeout: livePrompt?.refreshMilliseconds ?? -1) {
            case .bytes, .woken:
                continue
            case .timedOut:
                if let key = promptRefreshKey() {
                    character.pointee = key
                    return 1
                }
            case .end:
                reachedEnd = true
            case .failed(let error):
                wait.readFailure = error
                character.pointee = 0
                return -1
            }
        }
    }

    enum InputEvent {
        case bytes
        case woken
        case timedOut
        case end
        case failed(Int32)
    }

    /// When a live prompt now reads differently: takes the new text and returns the key bound to a redraw
    /// (handed to libedit as if typed, so libedit itself redraws the line, the one way that keeps its idea
    /// of the screen right). Not in the middle of a key sequence (after ESC or Ctrl-X), where the key
    /// would join the sequence; the next look redraws instead.
    private func promptRefreshKey() -> wchar_t? {
        guard let livePrompt, wait.lastCharacter != 0x1B, wait.lastCharacter != 0x18 else { return nil }
        let text = livePrompt.text()
        guard text != promptText else { return nil }
        setPrompt(text)
        return wchar_t(truncatingIfNeeded: Self.promptRefreshKey)
    }

    /// Blocks until input arrives, a signal wakes us or `timeout` milliseconds pass (-1: no limit); reads
    /// what is there into the decoder.
    private func awaitInput(timeout: Int32) -> InputEvent {
        var descriptors = [
            pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: SignalTrap.wakeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
        if ready < 0 {
            return errno == EINTR || errno == EAGAIN ? .woken : .failed(errno)
        }
        if ready == 0 { return .timedOut }
        if descriptors[1].revents != 0 {
            SignalTrap.drainWakeups()
        }
        // Keys that arrived with the signal were typed before it: read them too.
        guard descriptors[0].revents != 0 else { return .woken }
        if descriptors[0].revents & Int16(POLLNVAL) != 0 {
            return .failed(EBADF)
        }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(inputDescriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.withUnsafeBytes { decoder.append(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
            return .bytes
        }
        if count == 0 {
            return .end
        }
        switch errno {
        case EINTR, EAGAIN:
            return .woken
        case EIO:
            return .end  // the terminal hung up (its master side closed)
        case let error:
            return .failed(error)
        }
    }

    /// Stops the process with the terminal as the shell expects it, then takes editing up again.
    /// - Parameter wholeProcessGroup: true for the suspend key, which stops the whole job as the
    ///   terminal itself would; false for a SIGTSTP sent to this process alone.
    func suspend(_ editLine: OpaquePointer, wholeProcessGroup: Bool) {
        let editing = wait.editingState ?? TerminalState(fileDescriptor: inputDescriptor)
        originalState.restore()
        SignalTrap.raiseWithDefaultAction(SIGTSTP, wholeProcessGroup: wholeProcessGroup)
        // Running again: `fg` (or SIGCONT) brought us back.
        _ = SignalTrap.take(SIGCONT)
        editing?.restore()
        el_resize(editLine)
        _ = cd_el_redraw(editLine)  // the shell has written over our line; draw it again
    }

    /// After SIGCONT that we did not cause: editing mode back on and the line drawn again.
    private func resume(_ editLine: OpaquePointer) {
        wait.editingState?.restore()
        el_resize(editLine)
        _ = cd_el_redraw(editLine)
    }
}
