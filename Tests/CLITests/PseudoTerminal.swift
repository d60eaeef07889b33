import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program on a pseudo-terminal, the way a person at a keyboard would: keys in, screen bytes out.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    private(set) var output = ""

    enum StartError: Error { case forkFailed }

    init(executable: String, arguments: [String], environment: [String: String], directory: String) throws {
        var master: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        // Built before the fork: the child may only call async-signal-safe functions.
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let pid = forkpty(&master, nil, nil, &size)
        if pid < 0 { throw StartError.forkFailed }
        if pid == 0 {
            _ = chdir(directory)
            execve(executable, argv, envp)
            _exit(127)
        }
        for pointer in argv + envp { free(pointer) }
        self.pid = pid
        self.master = master
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        close(master)
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until `text` has appeared after `offset` in the output, or the timeout passes.
    @discardableResult
    func waitFor(_ text: String, after offset: Int = 0, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            drain()
            if output.utf8.count >= offset, String(output.utf8.dropFirst(offset)).map({ $0.contains(text) }) ?? false {
                return true
            }
            usleep(20_000)
        }
        return false
    }

    var mark: Int { drain(); return output.utf8.count }

    /// Waits for the program to exit; its exit status, or nil on timeout.
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            drain()
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                drain()
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
            usleep(20_000)
        }
        return nil
    }

    /// Changes the window size, as a terminal emulator does when its window is resized (SIGWINCH follows).
    func resize(rows: UInt16, columns: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        kill(pid, SIGWINCH)
    }

    /// The terminal settings the program left on the pseudo-terminal.
    func terminalSettings() -> termios {
        var settings = termios()
        _ = tcgetattr(master, &settings)
        return settings
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            output += String(decoding: buffer[0..<count], as: UTF8.self)
        }
    }
}
