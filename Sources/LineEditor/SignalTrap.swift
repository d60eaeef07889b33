import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Catches the signals that must end or redirect a wait for input, for as long as the wait lasts.
///
/// The handler only records the signal and writes a byte to a self-pipe; everything else happens
/// outside it, when the waiting reader wakes up. poll() on the pipe wakes the reader whichever thread
/// the kernel picked for delivery, and cannot miss a signal that arrives just before poll() starts,
/// which a bare read() interrupted by EINTR can. The handler is installed with SA_RESTART, so other
/// system calls (libedit's writes to the terminal) are not cut short.
///
/// The state is Swift globals, not C statics: a global has exactly one symbol however the code that
/// uses it is compiled or inlined (see shim.h for what goes wrong otherwise).
enum SignalTrap {
    /// The signals a reader holds while it waits, and the actions they had before.
    struct Armed {
        fileprivate let previous: [(signal: Int32, action: sigaction)]

        /// Gives each signal back the action it had before `arm`.
        func disarm() {
            for entry in previous.reversed() {
                var action = entry.action
                sigaction(entry.signal, &action, nil)
            }
        }
    }

    /// Installs the trap for `signals`, except those the process ignores (as `nohup` leaves SIGHUP).
    static func arm(_ signals: [Int32]) -> Armed {
        _ = storage  // allocated before any handler can run
        var previous: [(signal: Int32, action: sigaction)] = []
        for signal in signals where signal > 0 && signal < signalLimit && cd_signal_is_ignored(signal) == 0 {
            var action = sigaction()
            if cd_signal_install(signal, trapHandler, SA_RESTART, &action) == 0 {
                previous.append((signal, action))
            }
        }
        return Armed(previous: previous)
    }

    /// Whether `signal` arrived since the last call; arrivals in between merge, as signals do.
    static func take(_ signal: Int32) -> Bool {
        guard signal > 0, signal < signalLimit, storage.pending[Int(signal)] != 0 else { return false }
        storage.pending[Int(signal)] = 0
        return true
    }

    /// The first of `signals` that arrived, consuming it.
    static func takeFirst(of signals: [Int32]) -> Int32? {
        signals.first { take($0) }
    }

    /// The end of the self-pipe to poll next to the input; -1 when no pipe could be made.
    static var wakeDescriptor: Int32 {
        storage.wakeReadEnd
    }

    /// Empties the self-pipe after poll() reported it readable.
    static func drainWakeups() {
        var scratch = [UInt8](repeating: 0, count: 64)
        while scratch.withUnsafeMutableBytes({ read(storage.wakeReadEnd, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// Lets `signal` take its default action now (to really stop on SIGTSTP), then re-arms the trap.
    static func raiseWithDefaultAction(_ signal: Int32, wholeProcessGroup: Bool) {
        cd_signal_raise_with_default_action(signal, wholeProcessGroup ? 1 : 0)
    }

    private static let signalLimit: Int32 = 65

    /// What the handler touches: plain memory and two descriptors, nothing that allocates or locks.
    private struct Storage: @unchecked Sendable {
        // @unchecked: `pending` is written by the signal handler and read by the waiting reader; each
        // flag is a single machine word, and the pipe orders the write before the wake-up.
        let pending: UnsafeMutablePointer<sig_atomic_t>
        let wakeReadEnd: Int32
        let wakeWriteEnd: Int32
    }

    /// Made once per process. The pipe's ends are non-blocking (a full pipe already means "wake up")
    /// and close-on-exec (a child process has no use for them).
    private static let storage: Storage = {
        let pending = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: Int(signalLimit))
        pending.initialize(repeating: 0, count: Int(signalLimit))
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            return Storage(pending: pending, wakeReadEnd: -1, wakeWriteEnd: -1)
        }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        return Storage(pending: pending, wakeReadEnd: ends[0], wakeWriteEnd: ends[1])
    }()

    /// Async-signal-safe: stores a flag and calls write(2).
    private static let trapHandler: @convention(c) (Int32) -> Void = { signal in
        let savedErrno = errno
        let storage = SignalTrap.storage
        if signal > 0, signal < SignalTrap.signalLimit {
            storage.pending[Int(signal)] = 1
        }
        if storage.wakeWriteEnd >= 0 {
            var byte = UInt8(truncatingIfNeeded: signal)
            _ = write(storage.wakeWriteEnd, &byte, 1)
        }
        errno = savedErrno
    }
}
