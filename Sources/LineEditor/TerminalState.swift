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
        let slot = Self.armedSlot
        slot.descriptor.pointee = -1  // a handler running now must not see a half-copied state
        slot.attributes.pointee = attributes
        slot.descriptor.pointee = fileDescriptor
        if restoringOnCrash {
            _ = Self.crashHandlersInstalled  // the first read installs them
        }
    }

    /// The state armed for signal handlers, if any.
    public static var armedForSignalHandlers: TerminalState? {
        let slot = armedSlot
        let descriptor = slot.descriptor.pointee
        return descriptor < 0 ? nil : TerminalState(fileDescriptor: descriptor, attributes: slot.attributes.pointee)
    }

    /// Forgets the armed state; signal handlers then leave the terminal alone.
    public static func disarmSignalHandlers() {
        armedSlot.descriptor.pointee = -1
    }

    /// Restores the armed state. Async-signal-safe (a single tcsetattr), so a program's own
    /// `@convention(c)` signal handler may call it before exiting.
    @discardableResult
    public static func restoreArmedFromSignalHandler() -> Bool {
        let slot = armedSlot
        let descriptor = slot.descriptor.pointee
        return descriptor >= 0 && tcsetattr(descriptor, TCSANOW, slot.attributes) == 0
    }

    /// Memory a signal handler can read without allocating or locking. A Swift global rather than a C
    /// static, so there is one copy however the code is compiled (see shim.h).
    private struct Slot: @unchecked Sendable {
        // @unchecked: written only by the arming thread, read by handlers; the descriptor is reset
        // before the attributes change, so a handler never restores a half-written state.
        let descriptor: UnsafeMutablePointer<Int32>
        let attributes: UnsafeMutablePointer<termios>
        let crashPrevious: UnsafeMutablePointer<sigaction>
        let crashSignals: [Int32]
    }

    private static let armedSlot: Slot = {
        let descriptor = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        descriptor.initialize(to: -1)
        let attributes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        attributes.initialize(to: termios())
        let crashPrevious = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        crashPrevious.initialize(repeating: sigaction(), count: 65)
        return Slot(
            descriptor: descriptor, attributes: attributes, crashPrevious: crashPrevious,
            crashSignals: [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]
        )
    }()

    /// True once the crash handlers are in place; they are installed by the first read of this value.
    private static let crashHandlersInstalled: Bool = {
        let slot = armedSlot
        for signal in slot.crashSignals {
            _ = cd_signal_install(signal, crashHandler, SA_ONSTACK, slot.crashPrevious + Int(signal))
        }
        return true
    }()

    /// Puts the armed state back, then hands the signal to whoever had it before (Swift's backtracer
    /// or the default action): for a fault the instruction runs again on return, for an asynchronous
    /// signal the raise delivers it.
    private static let crashHandler: @convention(c) (Int32) -> Void = { signal in
        let savedErrno = errno
        TerminalState.restoreArmedFromSignalHandler()
        let slot = TerminalState.armedSlot
        sigaction(signal, slot.crashPrevious + Int(signal), nil)
        raise(signal)
        errno = savedErrno
    }
}
