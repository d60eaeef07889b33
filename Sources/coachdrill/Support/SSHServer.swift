import Foundation

/// The system's OpenSSH server, run for one workshop as the facilitator's own user: `sshd -D -f CONFIG`
/// in a process group of its own (so Ctrl-C at the class board reaches the board, which asks first), with
/// every connection forced into the drill.
struct SSHServer {
    struct Settings {
        var address: String
        var port: Int
        /// The account that runs sshd: the only one it lets in.
        var user: String
        /// The command every connection runs, whatever the client asked for.
        var forcedCommand: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    let folder: WorkshopFolder
    let settings: Settings
    let sshd: String

    /// The programs, where Debian's openssh-server and openssh-client put them.
    static func find(_ name: String) -> String? {
        for folder in ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"] {
            let path = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The configuration: keys only, any key accepted (AuthorizedKeysCommand prints back the key offered,
    /// `restrict`ed to a pty), nothing forwarded, and the drill forced on every connection.
    static func configuration(_ settings: Settings, folder: WorkshopFolder, echo: String) -> String {
        """
        # Written by coachdrill serve for one workshop; rewritten each time.
        Port \(settings.port)
        ListenAddress \(settings.address)
        HostKey \(folder.hostKey)
        PidFile \(folder.pidFile)
        AllowUsers \(settings.user)
        AuthenticationMethods publickey
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        HostbasedAuthentication no
        UsePAM no
        AuthorizedKeysFile none
        AuthorizedKeysCommand \(echo) restrict,pty %t %k
        AuthorizedKeysCommandUser \(settings.user)
        ExposeAuthInfo yes
        PermitTTY yes
        AllowAgentForwarding no
        AllowTcpForwarding no
        AllowStreamLocalForwarding no
        X11Forwarding no
        PermitTunnel no
        PermitUserEnvironment no
        PermitUserRC no
        GatewayPorts no
        PrintMotd no
        PrintLastLog no
        Banner none
        ClientAliveInterval 15
        ClientAliveCountMax 4
        SetEnv LANG=C.UTF-8 LC_ALL=C.UTF-8
        LogLevel ERROR
        ForceCommand \(settings.forcedCommand)

        """
    }

    /// Writes the host key (once) and the configuration, checks it with `sshd -t`, and starts sshd.
    /// Returns its process id once it accepts connections.
    func start() throws -> pid_t {
        if !FileManager.default.fileExists(atPath: folder.hostKey) {
            guard let keygen = Self.find("ssh-keygen") else {
                throw Failure("ssh-keygen not found: install openssh-client (apt-get install openssh-client)")
            }
            let made = try Self.runQuietly(keygen, ["-q", "-t", "ed25519", "-N", "", "-C", "coachdrill-workshop", "-f", folder.hostKey])
            guard made == 0 else { throw Failure("ssh-keygen could not write the host key \(folder.hostKey)") }
        }
        let echo = URL(fileURLWithPath: Self.find("echo") ?? "/bin/echo").resolvingSymlinksInPath().path
        try WorkshopFolder.writePrivate(Self.configuration(settings, folder: folder, echo: echo), to: folder.configFile)
        if getuid() == 0 {
            // Privilege separation needs this folder when sshd runs as root; a Debian system makes it at boot.
            try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        }
        let test = try Self.runQuietly(sshd, ["-t", "-f", folder.configFile], log: folder.logFile)
        guard test == 0 else {
            throw Failure("sshd refused its configuration \(folder.configFile): " + Self.tail(of: folder.logFile))
        }
        let pid = try Self.spawnInOwnGroup(sshd, ["-D", "-f", folder.configFile, "-E", folder.logFile])
        let deadline = Date(timeIntervalSinceNow: 20)
        while !Self.isListening(address: settings.address, port: settings.port) {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                throw Failure("sshd stopped at once: " + Self.tail(of: folder.logFile))
            }
            guard Date() < deadline else {
                stop(pid)
                throw Failure("sshd did not start listening on \(settings.address):\(settings.port)")
            }
            usleep(50_000)
        }
        return pid
    }

    /// Stops sshd and every connection it is serving: the listener first (no one new gets in), then its
    /// connection processes, whose participants' drills record how they ended.
    func stop(_ pid: pid_t) {
        let children = Self.children(of: pid)
        kill(pid, SIGTERM)
        for child in children { kill(child, SIGTERM) }
        var status: Int32 = 0
        for _ in 0..<100 {
            if waitpid(pid, &status, WNOHANG) == pid { return }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
    }

    // MARK: Helpers

    private static func children(of parent: pid_t) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let paren = stat.lastIndex(of: ")")
            else { return nil }
            // "pid (name) state ppid ...": the name may hold spaces and parentheses, so read after the last ")".
            let fields = stat[stat.index(after: paren)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == parent ? pid : nil
        }
    }

    static func isListening(address: String, port: Int) -> Bool {
        let host = address == "0.0.0.0" || address == "::" ? "127.0.0.1" : address
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { return false }
        defer { close(socketFD) }
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = UInt16(clamping: port).bigEndian
        target.sin_addr.s_addr = inet_addr(host)
        return withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        } == 0
    }

    static func tail(of file: String) -> String {
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").suffix(3).joined(separator: "; ")
        return lines.isEmpty ? "see \(file)" : lines
    }

    /// Runs a tool to its end with output to `log` (or nowhere); returns its exit status.
    static func runQuietly(_ path: String, _ arguments: [String], log: String? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        if let log {
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: log) ?? FileHandle.nullDevice
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// posix_spawn with its own process group, standard input from /dev/null.
    private static func spawnInOwnGroup(_ path: String, _ arguments: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard result == 0 else { throw Failure("cannot start \(path): \(String(cString: strerror(result)))") }
        return pid
    }
}
