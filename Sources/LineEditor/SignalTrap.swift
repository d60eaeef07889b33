import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Catches the signals that must end or redirect a wait for input, for as long as the wait lasts.
///
/// The C handler (shim.h) only records the signal and writes a byte to a self-pipe; everything else
/// happens here, outside the handler, when the waiting reader wakes up. poll() on the pipe wakes the
/// reader whichever thread the kernel picked for delivery, and cannot miss a signal that arrives just
/// before poll() starts, which a bare read() interrupted by EINTR can.
///
/// This is the only file that may call the `cd_trap_*` functions: their state lives in `static`
/// variables of a header, so a second calling file would get a second, disconnected copy.
enum SignalTrap {
    /// The signals a reader holds while it waits.
    struct Armed {
        fileprivate let signals: [Int32]

        /// Gives each signal back the action it had before `arm`.
        func disarm() {
            for signal in signals.reversed() {
                cd_trap_disarm(signal)
            }
        }
    }

    /// Installs the trap for `signals`, except those the process ignores (as `nohup` leaves SIGHUP).
    static func arm(_ signals: [Int32]) -> Armed {
        _ = wakePipe  // the handler must be able to write before the first signal arrives
        return Armed(signals: signals.filter { cd_trap_arm($0) == 1 })
    }

    /// Whether `signal` arrived since the last call; arrivals in between merge, as signals do.
    static func take(_ signal: Int32) -> Bool {
        cd_trap_take(signal) == 1
    }

    /// The first of `signals` that arrived, consuming it.
    static func takeFirst(of signals: [Int32]) -> Int32? {
        signals.first { take($0) }
    }

    /// The end of the self-pipe to poll next to the input; -1 when no pipe could be made.
    static var wakeDescriptor: Int32 {
        wakePipe?.readEnd ?? -1
    }

    /// Empties the self-pipe after poll() reported it readable.
    static func drainWakeups() {
        guard let pipe = wakePipe else { return }
        var scratch = [UInt8](repeating: 0, count: 64)
        while scratch.withUnsafeMutableBytes({ read(pipe.readEnd, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// Lets `signal` take its default action now (to really stop on SIGTSTP), then re-arms the trap.
    static func raiseWithDefaultAction(_ signal: Int32, wholeProcessGroup: Bool) {
        cd_trap_raise_with_default_action(signal, wholeProcessGroup ? 1 : 0)
    }

    private struct Pipe: Sendable {
        let readEnd: Int32
        let writeEnd: Int32
    }

    /// Made once per process; both ends non-blocking (a full pipe already means "wake up") and
    /// close-on-exec (a child process has no use for them).
    private static let wakePipe: Pipe? = {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        cd_trap_set_wake_descriptor(ends[1])
        return Pipe(readEnd: ends[0], writeEnd: ends[1])
    }()
}
