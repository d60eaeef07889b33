import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminal's attributes (tcgetattr) at one moment, to put back later.
///
/// `EditLineReader` takes one before libedit touches the terminal and restores it on every way out.
/// A program can take its own at start-up and restore it from its exit paths; for a signal handler,
/// `armForSignalHandlers()` copies the state where `restoreArmedFromSignalHandler()` can reach it
/// without allocating or locking.
///
/// This is the only file that may call the `cd_terminal_*` functions (see shim.h for why).
public struct TerminalState: Sendable {
    /// The terminal the attributes were read from and are restored to.
    public let fileDescriptor: Int32
    let attributes: termios

    /// Reads the attributes of `fileDescriptor`; nil when it is not a terminal.
    public init?(fileDescriptor: Int32) {
        var attributes = termios()
        guard tcgetattr(fileDescriptor, &attributes) == 0 else { return nil }
        self.fileDescriptor = fileDescriptor
        self.attributes = attributes
    }

    private init(fileDescriptor: Int32, attributes: termios) {
        self.fileDescriptor = fileDescriptor
        self.attributes = attributes
    }

    /// Puts the attributes back, after output already written has drained; input typed ahead is kept.
    @discardableResult
    public func restore() -> Bool {
        var attributes = attributes
        while tcsetattr(fileDescriptor, TCSADRAIN, &attributes) != 0 {
            guard errno == EINTR else { return false }
        }
        return true
    }

    /// Whether both states would configure the terminal the same way (flags, control characters, speeds).
    public func hasSameAttributes(as other: TerminalState) -> Bool {
        var mine = attributes
        var theirs = other.attributes
        return mine.c_iflag == theirs.c_iflag
            && mine.c_oflag == theirs.c_oflag
            && mine.c_cflag == theirs.c_cflag
            && mine.c_lflag == theirs.c_lflag
            && cfgetispeed(&mine) == cfgetispeed(&theirs)
            && cfgetospeed(&mine) == cfgetospeed(&theirs)
            && withUnsafeBytes(of: mine.c_cc) { mineBytes in
                withUnsafeBytes(of: theirs.c_cc) { theirBytes in mineBytes.elementsEqual(theirBytes) }
            }
    }

    /// The control character the terminal assigns to `index` (VINTR, VSUSP, ...); nil when disabled.
    func controlCharacter(_ index: Int32) -> UInt8? {
        let value = withUnsafeBytes(of: attributes.c_cc) { bytes in
            Int(index) < bytes.count ? bytes[Int(index)] : 0
        }
        return value == 0 ? nil : value  // 0 is _POSIX_VDISABLE on Linux; no one binds NUL
    }

    // MARK: Signal handlers

    /// Makes this the state that `restoreArmedFromSignalHandler()` restores. With `restoringOnCrash`,
    /// it is also restored before a crash signal (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, ...) ends the
    /// process; the signal then goes on to the handler that was there before (Swift's backtracer).
    public func armForSignalHandlers(restoringOnCrash: Bool = true) {
        var attributes = attributes
        cd_terminal_arm(fileDescriptor, &attributes)
        if restoringOnCrash {
            cd_terminal_install_crash_handlers()
        }
    }

    /// The state armed for signal handlers, if any.
    public static var armedForSignalHandlers: TerminalState? {
        var attributes = termios()
        let descriptor = cd_terminal_armed(&attributes)
        return descriptor < 0 ? nil : TerminalState(fileDescriptor: descriptor, attributes: attributes)
    }

    /// Forgets the armed state; signal handlers then leave the terminal alone.
    public static func disarmSignalHandlers() {
        cd_terminal_disarm()
    }

    /// Restores the armed state. Async-signal-safe (a single tcsetattr), so a program's own
    /// `@convention(c)` signal handler may call it before exiting.
    @discardableResult
    public static func restoreArmedFromSignalHandler() -> Bool {
        cd_terminal_restore_armed() == 0
    }
}
