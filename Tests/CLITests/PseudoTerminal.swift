import Foundation
import XCTest
import LineEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program under a pseudo-terminal, the way a person at a terminal would: the program's
/// standard input, output and error are the terminal, it leads its own session with the terminal as
/// its controlling terminal, so Ctrl-C typed as "\u{03}" reaches it as SIGINT and job control works.
///
/// Reading is pulled, not pushed: output is collected whenever `waitFor`, `waitForExit`, `mark`,
/// `output` or `send` run, so no thread is involved and a test reads top to bottom. Every wait has a
/// timeout, and the program is killed when the harness goes away.
///
///     var environment = PseudoTerminal.baseEnvironment
///     environment["XDG_STATE_HOME"] = temporaryFolder          // keep history out of the real home
///     let terminal = try PseudoTerminal(
///         executable: PseudoTerminal.builtProduct("coachdrill"), arguments: ["play"],
///         environment: environment)
///     XCTAssertTrue(terminal.waitFor("coach> "))
///     let mark = terminal.mark                                  // only output after this point counts
///     terminal.send("What do you want from today?\r")
///     XCTAssertTrue(terminal.waitFor("coach> ", after: mark))  // the next prompt
///     terminal.send("\u{04}")
///     XCTAssertEqual(terminal.waitForExit(), 0)
///     XCTAssertTrue(terminal.attributesMatchStart())
final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A small, predictable environment for the program; pass it merged with your own settings.
    static var baseEnvironment: [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        return [
            "PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": inherited["HOME"] ?? "/",
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            // On a terminal, Swift's crash backtracer would otherwise stop and wait for keys.
            "SWIFT_BACKTRACE": "interactive=no",
        ]
    }

    /// The path of an executable this package built (such as "coachdrill"): test bundles are built
    /// into the same folder as the package's products.
    static func builtProduct(_ name: String) -> String {
        #if os(macOS)
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(name).path
        }
        #endif
        return Bundle.main.bundleURL.appendingPathComponent(name).path
    }

    /// The running (or finished) program's process id.
    private(set) var processID: pid_t?

    /// The terminal's state just before the program started.
    private(set) var stateAtStart: TerminalState?

    private var master: Int32 = -1
    /// Kept open so attributes can be read at any time, even after the program exits.
    private var slave: Int32 = -1
    private var slavePath = ""
    private var received: [UInt8] = []
    private var status: Int32?

    /// A terminal of the given size with nothing running on it yet; see `start`.
    init(columns: UInt16 = 120, rows: UInt16 = 40) throws {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0, let name = ttyname(slave) else {
            throw Failure(description: "openpty failed: \(String(cString: strerror(errno)))")
        }
        slavePath = String(cString: name)
        for descriptor in [master, slave] {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)  // the program gets the terminal by path, below
        }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    /// A terminal with `executable` already started on it.
    convenience init(
        executable: String, arguments: [String] = [], environment: [String: String] = PseudoTerminal.baseEnvironment,
        directory: String? = nil, columns: UInt16 = 120, rows: UInt16 = 40
    ) throws {
        try self.init(columns: columns, rows: rows)
        try start(executable: executable, arguments: arguments, environment: environment, directory: directory)
    }

    deinit {
        if let processID, status == nil {
            kill(processID, SIGKILL)
            var ignored: Int32 = 0
            waitpid(processID, &ignored, 0)
        }
        close(master)
        close(slave)
    }

    // MARK: Running

    /// Starts `executable` with exactly `environment` (see `baseEnvironment`), in `directory` if given.
    func start(
        executable: String, arguments: [String] = [], environment: [String: String] = PseudoTerminal.baseEnvironment,
        directory: String? = nil
    ) throws {
        guard processID == nil else { throw Failure(description: "already started") }
        stateAtStart = TerminalState(fileDescriptor: slave)

        var actions = makeFileActions()
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let directory {
            try Self.addChangeDirectory(&actions, directory)
        }
        // Opened by the child after setsid(), so this terminal becomes its controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = makeSpawnAttributes()
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in 1..<32 where signal != SIGKILL && signal != SIGSTOP {
            sigaddset(&defaults, Int32(signal))  // the test runner's handlers and ignores stay behind
        }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(
            &attributes, Int16(Self.spawnSetSessionFlag | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        )

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        processID = pid
    }

    /// The program's process id; the program must have been started.
    var pid: pid_t {
        guard let processID else { preconditionFailure("PseudoTerminal: nothing started") }
        return processID
    }

    /// Types `text` (send "\r" for Enter, "\u{03}" for Ctrl-C, "\u{04}" for Ctrl-D, "\u{1B}[A" for Up).
    /// Returns false if the terminal would not take it all within `timeout`.
    @discardableResult
    func send(_ text: String, timeout: TimeInterval = 5) -> Bool {
        var pending = Array(text.utf8)[...]
        let deadline = Date(timeIntervalSinceNow: timeout)
        while !pending.isEmpty {
            let written = pending.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 {
                pending = pending.dropFirst(written)
            } else if Date() > deadline {
                return false
            } else {
                pump(waitingUpTo: 0.005)  // the program may be blocked writing to us
            }
        }
        return true
    }

    /// Sends `signal` to the program, or with `toProcessGroup` to its whole process group.
    func sendSignal(_ signal: Int32, toProcessGroup: Bool = false) {
        guard let processID else { return }
        kill(toProcessGroup ? -processID : processID, signal)
    }

    /// Changes the window size; the program gets SIGWINCH.
    func resize(columns: UInt16, rows: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    // MARK: Reading

    /// Everything the program wrote so far (terminal echo included), as UTF-8.
    var output: String {
        pump(waitingUpTo: 0)
        return String(decoding: received, as: UTF8.self)
    }

    /// `output` with terminal escape sequences removed: what a person would read, minus layout.
    var plainOutput: String {
        Self.removingEscapes(output)
    }

    /// How many bytes of output have arrived so far; pass it to `waitFor(_:after:)` to look only at
    /// what comes next (for example the prompt after the line just sent).
    var mark: Int {
        pump(waitingUpTo: 0)
        return received.count
    }

    /// Waits until `text` appears in the output after byte offset `offset` (a `mark`); by default
    /// anywhere. False on timeout, or once the program has exited without writing it.
    @discardableResult
    func waitFor(_ text: String, after offset: Int = 0, timeout: TimeInterval = 10) -> Bool {
        let needle = Array(text.utf8)
        let deadline = Date(timeIntervalSinceNow: timeout)
        while true {
            if Self.contains(needle, in: received, from: max(0, offset)) {
                return true
            }
            if Date() > deadline || (hasExited && !pump(waitingUpTo: 0)) {
                return false
            }
            pump(waitingUpTo: 0.01)
        }
    }

    /// Waits for the program to end; returns its exit status, or 128 + the signal that killed it (as a
    /// shell reports it), or nil if it is still running after `timeout`. Output keeps being collected.
    @discardableResult
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while !hasExited {
            if Date() > deadline { return nil }
            pump(waitingUpTo: 0.01)
        }
        while pump(waitingUpTo: 0) {}  // what it wrote last
        return exitStatus
    }

    /// The exit status as `waitForExit` reports it, once the program has ended.
    var exitStatus: Int32? {
        guard let status else { return nil }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// The signal that killed the program, if one did.
    var terminationSignal: Int32? {
        guard let status, status & 0x7F != 0 else { return nil }
        return status & 0x7F
    }

    // MARK: Terminal attributes

    /// The terminal's attributes now (as the program left them, if it has exited).
    func currentAttributes() -> termios? {
        var attributes = termios()
        return tcgetattr(slave, &attributes) == 0 ? attributes : nil
    }

    /// `currentAttributes()`, or zeroed attributes if they cannot be read.
    func terminalSettings() -> termios {
        currentAttributes() ?? termios()
    }

    /// Whether the terminal is configured now exactly as it was when the program started.
    func attributesMatchStart() -> Bool {
        guard let before = stateAtStart, let now = TerminalState(fileDescriptor: slave) else { return false }
        return before.hasSameAttributes(as: now)
    }

    // MARK: Internals

    private var hasExited: Bool {
        guard let processID else { return true }
        if status != nil { return true }
        var result: Int32 = 0
        if waitpid(processID, &result, WNOHANG) == processID {
            status = result
            return true
        }
        return false
    }

    /// Reads whatever output is available, waiting at most `seconds` for some. True if any came.
    @discardableResult
    private func pump(waitingUpTo seconds: TimeInterval) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(seconds * 1000)) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var any = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { return any }
            received.append(contentsOf: buffer[..<count])
            any = true
        }
    }

    private static func contains(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count - start >= needle.count else { return false }
        return (start...(haystack.count - needle.count)).contains { index in
            haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle)
        }
    }

    /// Drops CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \) and two-character escapes.
    static func removingEscapes(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\u{1B}", let kind = scalars.popFirst() else {
                result.append(scalar)
                continue
            }
            switch kind {
            case "[":
                while let next = scalars.popFirst(), !(0x40...0x7E).contains(next.value) {}
            case "]":
                while let next = scalars.popFirst() {
                    if next == "\u{7}" { break }
                    if next == "\u{1B}", scalars.first == "\\" {
                        scalars.removeFirst()
                        break
                    }
                }
            default:
                break
            }
        }
        return String(result)
    }

    /// posix_spawn_file_actions_addchdir_np, looked up at run time: glibc and Darwin both have it, but
    /// glibc declares it only for _GNU_SOURCE, which Swift does not define.
    private static func addChangeDirectory(_ actions: inout FileActions, _ directory: String) throws {
        typealias AddChangeDirectory = @convention(c) (UnsafeMutablePointer<FileActions>, UnsafePointer<CChar>) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np") else {
            throw Failure(description: "this C library cannot start a program in another directory")
        }
        let addChangeDirectory = unsafeBitCast(symbol, to: AddChangeDirectory.self)
        guard addChangeDirectory(&actions, directory) == 0 else {
            throw Failure(description: "cannot change to \(directory)")
        }
    }

    #if os(Linux)
    private typealias FileActions = posix_spawn_file_actions_t

    /// glibc's POSIX_SPAWN_SETSID, which Swift cannot see (spawn.h hides it behind _GNU_SOURCE).
    private static let spawnSetSessionFlag: Int32 = 0x80

    private func makeFileActions() -> posix_spawn_file_actions_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        return actions
    }

    private func makeSpawnAttributes() -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        return attributes
    }
    #else
    private typealias FileActions = posix_spawn_file_actions_t?

    private static let spawnSetSessionFlag: Int32 = POSIX_SPAWN_SETSID

    private func makeFileActions() -> posix_spawn_file_actions_t? {
        var actions: posix_spawn_file_actions_t?
        posix_spawn_file_actions_init(&actions)
        return actions
    }

    private func makeSpawnAttributes() -> posix_spawnattr_t? {
        var attributes: posix_spawnattr_t?
        posix_spawnattr_init(&attributes)
        return attributes
    }
    #endif
}

// MARK: - The harness's own tests

/// Proves the harness on programs every system has, so a failing CLI test points at the CLI.
final class PseudoTerminalTests: XCTestCase {
    func testCatEchoesWhatIsTypedAndEndsOnCtrlD() throws {
        let terminal = try PseudoTerminal()
        try terminal.start(executable: "/bin/cat")
        XCTAssertTrue(terminal.send("hello\r"))
        XCTAssertTrue(terminal.waitFor("hello\r\n"), "the terminal's echo")
        XCTAssertTrue(terminal.waitFor("hello\r\nhello"), "and cat's copy")
        terminal.send("\u{04}")
        XCTAssertEqual(terminal.waitForExit(), 0)
        XCTAssertTrue(terminal.attributesMatchStart())
    }

    func testShellSeesATerminalAndReportsItsExitStatus() throws {
        let terminal = try PseudoTerminal()
        let script = #"[ -t 0 ] && [ -t 1 ] && printf 'tty ok in %s\n' "$PWD"; printf 'ready> '; read line; echo "got:$line"; exit 3"#
        try terminal.start(executable: "/bin/sh", arguments: ["-c", script], directory: "/tmp")
        XCTAssertTrue(terminal.waitFor("tty ok in /tmp"), terminal.output)
        XCTAssertTrue(terminal.waitFor("ready> "))
        let mark = terminal.mark
        terminal.send("café\r")
        XCTAssertTrue(terminal.waitFor("got:café", after: mark))
        XCTAssertFalse(terminal.waitFor("tty ok", after: mark, timeout: 0.1), "only output after the mark counts")
        XCTAssertEqual(terminal.waitForExit(), 3)
        XCTAssertNil(terminal.terminationSignal)
    }

    func testCtrlCIsDeliveredAsSIGINTThroughTheControllingTerminal() throws {
        let terminal = try PseudoTerminal()
        try terminal.start(executable: "/bin/cat")
        terminal.send("x\r")
        XCTAssertTrue(terminal.waitFor("x"))
        terminal.send("\u{03}")
        XCTAssertEqual(terminal.waitForExit(), 128 + SIGINT)
        XCTAssertEqual(terminal.terminationSignal, SIGINT)
    }

    func testSignalsAndTimeouts() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat")
        XCTAssertFalse(terminal.waitFor("never printed", timeout: 0.2))
        XCTAssertNil(terminal.waitForExit(timeout: 0.2), "still running")
        terminal.sendSignal(SIGTERM)
        XCTAssertEqual(terminal.waitForExit(), 128 + SIGTERM)
        XCTAssertFalse(terminal.waitFor("anything", timeout: 0.2), "an exited program writes nothing more")
    }

    func testAttributeSnapshotsSeeWhatTheProgramLeftBehind() throws {
        let terminal = try PseudoTerminal()
        try terminal.start(executable: "/bin/sh", arguments: ["-c", "stty raw -echo; printf done"])
        XCTAssertTrue(terminal.waitFor("done"))
        XCTAssertEqual(terminal.waitForExit(), 0)
        XCTAssertFalse(terminal.attributesMatchStart(), "stty changed the terminal and did not restore it")
        let flags = try XCTUnwrap(terminal.currentAttributes()).c_lflag
        XCTAssertEqual(flags & tcflag_t(ICANON), 0)
    }

    func testEnvironmentIsExactlyWhatWasGiven() throws {
        let terminal = try PseudoTerminal()
        var environment = PseudoTerminal.baseEnvironment
        environment["COACHDRILL_PROBE"] = "42"
        try terminal.start(executable: "/bin/sh", arguments: ["-c", "echo probe=$COACHDRILL_PROBE term=$TERM"], environment: environment)
        XCTAssertTrue(terminal.waitFor("probe=42 term=xterm"))
        XCTAssertEqual(terminal.waitForExit(), 0)
    }

    func testBuiltProductsAreFound() {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: PseudoTerminal.builtProduct("coachdrill")))
    }

    func testPlainOutputDropsEscapes() {
        XCTAssertEqual(PseudoTerminal.removingEscapes("\u{1B}[1;36mcoach>\u{1B}[0m \u{1B}[19G^C\u{1B}]0;t\u{7}!"), "coach> ^C!")
    }
}
