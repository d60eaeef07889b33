import Foundation
import XCTest
import LineEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An in-process pseudo-terminal for driving `EditLineReader` from a test.
///
/// The reader gets the slave side. A background thread owns the master side: it keeps reading what
/// the reader draws (so libedit never blocks on a full buffer), and performs each queued action only
/// once the reader has switched the terminal to editing mode (ICANON off). Typing earlier would let
/// the kernel's cooked mode echo and edit the keys before libedit sees them.
///
/// Nothing here can hang a test: past the deadline the thread closes the master, the slave hangs up,
/// and a waiting `readLine` returns `.endOfInput`, which the test then fails on.
final class TerminalDriver: @unchecked Sendable {
    enum Action {
        case type(String)
        case signal(Int32)
    }

    /// The side a reader uses as its terminal; owned by the driver, closed by `shutdown()`.
    let slave: Int32

    private let master: Int32
    private let lock = NSLock()
    private var queue: [Action] = []
    private var transcript: [UInt8] = []
    private var stopping = false
    private let stopped = DispatchSemaphore(value: 0)
    private var isShutDown = false

    init(columns: UInt16 = 80, rows: UInt16 = 24, deadline: TimeInterval = 20) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        self.master = master
        self.slave = slave
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        let thread = Thread { [self] in run(until: Date(timeIntervalSinceNow: deadline)) }
        thread.start()
    }

    deinit {
        shutdown()
    }

    /// Types `keys` once the reader is editing.
    func whenEditing(type keys: String) {
        enqueue(.type(keys))
    }

    /// Sends `signal` to this process once the reader is editing (so its trap is armed).
    func whenEditing(send signal: Int32) {
        enqueue(.signal(signal))
    }

    /// Everything the reader drew so far.
    var output: String {
        lock.withLock { String(decoding: transcript, as: UTF8.self) }
    }

    /// Waits until the reader has drawn `text` (drawing happens on the driver's thread).
    func waitForOutput(_ text: String, timeout: TimeInterval = 5) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if output.contains(text) { return true }
            usleep(2000)
        }
        return output.contains(text)
    }

    /// Whether every queued action has been performed.
    var isIdle: Bool {
        lock.withLock { queue.isEmpty }
    }

    /// The slave's terminal state now, to compare with `TerminalState.hasSameAttributes(as:)`.
    func state() -> TerminalState? {
        TerminalState(fileDescriptor: slave)
    }

    /// The slave's attributes now.
    func attributes() -> termios? {
        var attributes = termios()
        return tcgetattr(slave, &attributes) == 0 ? attributes : nil
    }

    /// Stops the thread and closes both sides. Idempotent.
    func shutdown() {
        let alreadyDown = lock.withLock {
            defer { isShutDown = true; stopping = true }
            return isShutDown
        }
        guard !alreadyDown else { return }
        stopped.wait()
        close(slave)
    }

    private func enqueue(_ action: Action) {
        lock.withLock { queue.append(action) }
    }

    private func run(until deadline: Date) {
        defer {
            close(master)
            stopped.signal()
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 5) > 0 {
                let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if count > 0 {
                    lock.withLock { transcript.append(contentsOf: buffer[..<count]) }
                }
            }
            let next: Action? = lock.withLock {
                if stopping { return nil }
                return queue.first
            }
            if lock.withLock({ stopping }) { return }
            guard let next, slaveIsEditing() else { continue }
            perform(next)
            lock.withLock { _ = queue.removeFirst() }
        }
    }

    private func perform(_ action: Action) {
        switch action {
        case .type(let keys):
            var bytes = Array(keys.utf8)[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
                if written > 0 {
                    bytes = bytes.dropFirst(written)
                } else {
                    usleep(1000)
                }
            }
        case .signal(let signal):
            kill(getpid(), signal)
        }
    }

    private func slaveIsEditing() -> Bool {
        guard let attributes = attributes() else { return false }
        return attributes.c_lflag & tcflag_t(ICANON) == 0
    }
}
