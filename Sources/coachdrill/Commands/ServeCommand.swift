import ArgumentParser
import CoachDrillCore
import Foundation
import ScenarioFormat
import TerminalOutput

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a drill for a room over SSH, with a live class board; participants install nothing.",
        discussion: """
            Starts the system's OpenSSH server (sshd, from openssh-server) as you, on its own configuration \
            and host key in the state folder. Every connection is forced into the drill: the participant types \
            their name and the workshop code shown here, then answers at a real prompt. Results go to one \
            folder, and the board shows who is connected, their item and time left, items passed and the pass \
            rate. Ctrl-C asks, then ends the workshop, stops sshd and writes the class report.

              coachdrill serve warmup-all-markers --results results/
            """)

    @Argument(help: "A drill pack id (see Scenarios/packs/) or a path to a pack file.")
    var pack: String

    @Option(help: "The port sshd listens on.")
    var port: Int = 2222

    @Option(help: "The address sshd listens on (0.0.0.0: every network of this machine).")
    var address: String = "0.0.0.0"

    @Option(help: "The host name participants connect to, as shown on the board (default: this machine's name).")
    var host: String?

    @Option(help: "The folder results are written to; created if missing.")
    var results: String = ResultsFolder.defaultPath

    @Option(help: "A folder of scenarios (with its packs/ folder) to use instead of the usual places.")
    var scenarios: String?

    @Option(help: "The workshop code participants type (default: four random digits).")
    var code: String?

    @Option(help: "The folder for sshd's configuration and host key (default: ~/.local/state/coachdrill/serve).")
    var state: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1 to 65535") }
        if let code, code.isEmpty || code.count > 32 || !code.allSatisfy({ $0.isLetter || $0.isNumber }) {
            throw ValidationError("--code must be 1 to 32 letters or digits")
        }
        guard address.allSatisfy({ $0.isNumber || $0 == "." || $0 == ":" || $0.isLetter }) else {
            throw ValidationError("--address must be an IP address, such as 0.0.0.0 or 127.0.0.1")
        }
    }

    func run() throws {
        let style = Style.forStandardOutput()
        let environment = ProcessInfo.processInfo.environment
        let library = ScenarioLibrary.standard(scenariosOption: scenarios)
        let packPath: String
        switch library.resolvePack(pack) {
        case .success(let found): packPath = Self.absolute(found)
        case .failure(let error): throw ValidationError("\(error)")
        }
        let loaded: DrillPack
        switch DrillPackLoader.load(contentsOf: packPath, scenarios: library) {
        case .success(let pack): loaded = pack
        case .failure(let diagnostics):
            FileHandle.standardError.write(Data(diagnostics.rendered(color: style.enabled).utf8))
            throw ExitCode(1)
        }
        guard let sshd = SSHServer.find("sshd") else {
            throw ErrorReport.fail(
                "sshd not found: coachdrill serve runs the system's OpenSSH server; install it with "
                    + "apt-get install openssh-server (make test does)")
        }
        let resultsFolder = Self.absolute(results)
        let folder = WorkshopFolder(path: Self.absolute(state ?? WorkshopFolder.defaultPath(environment: environment)))
        let workshopCode = code ?? String(format: "%04d", Int.random(in: 0...9999))
        let user = LoginName.current(environment: environment)
        do {
            try FileManager.default.createDirectory(atPath: resultsFolder, withIntermediateDirectories: true)
            try folder.prepare()
            try folder.writeCode(workshopCode)
        } catch {
            throw ErrorReport.fail("\(error)")
        }

        var command = [Self.executablePath(), "drill", packPath, "--results", resultsFolder, "--workshop", folder.path]
        if let scenarios { command += ["--scenarios", Self.absolute(scenarios)] }
        let server = SSHServer(
            folder: folder,
            settings: SSHServer.Settings(
                address: address, port: port, user: user, forcedCommand: command.map(Self.shellQuoted).joined(separator: " ")),
            sshd: sshd)
        let pid: pid_t
        do {
            pid = try server.start()
        } catch {
            throw ErrorReport.fail("\(error)")
        }
        let signals = SignalFlags([SIGINT, SIGTERM, SIGHUP])
        let shownHost = host ?? (address == "0.0.0.0" || address == "::" ? ProcessInfo.processInfo.hostName : address)
        let join = "ssh -p \(port) \(user)@\(shownHost)"
        let interactive = isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1
        var board = ClassBoard(pack: loaded, folder: resultsFolder)
        var last = ""
        var why = "ended"
        watch: while true {
            let rows = board.rows(now: ProcessInfo.processInfo.systemUptime)
            let text = ClassBoard.render(rows, pack: loaded, command: join, code: workshopCode, style: style)
            if text != last {
                // The whole board again, from the top of a cleared screen; on a pipe, each new state once.
                StandardOutput.write((interactive ? "\u{1B}[H\u{1B}[2J" : "\n") + text, terminator: "")
                last = text
            }
            for _ in 0..<10 {
                if let signal = signals.take() {
                    if signal != SIGINT || !interactive || Self.confirmEnd() { why = signal == SIGINT ? "ended" : "stopped"; break watch }
                    last = ""
                }
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid {
                    ErrorReport.say("sshd stopped on its own: " + SSHServer.tail(of: folder.logFile))
                    why = "lost"
                    break watch
                }
                usleep(100_000)
            }
        }
        server.stop(pid)
        // Drills cut off by the stop write their end lines as they go; give them a moment to finish.
        usleep(500_000)
        let reportPath = resultsFolder + "/class-report.html"
        let written = Self.writeClassReport(resultsFolder, to: reportPath)
        StandardOutput.write("\nWorkshop \(why); sshd stopped. Results: \(resultsFolder)")
        if written {
            StandardOutput.write("Class report: \(reportPath)")
            StandardOutput.write(
                "Gradebook: coachdrill report \(Self.shellQuoted(resultsFolder)) --format gradebook --output gradebook.csv")
        } else {
            StandardOutput.write("No results yet, so no class report.")
        }
        if why == "lost" { throw ExitCode(1) }
    }

    /// "End the workshop?" on the facilitator's terminal; yes only for y or yes.
    private static func confirmEnd() -> Bool {
        StandardOutput.write("\nEnd the workshop? Everyone still connected is disconnected; their answers so far are kept. [y/N] ", terminator: "")
        guard let answer = readLine() else { return true }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    private static func writeClassReport(_ folder: String, to path: String) -> Bool {
        let files = ClassBoard.runFiles(in: folder)
        guard !files.isEmpty else { return false }
        let (builder, read, _, _) = ReportCommand.fold(files, into: ReportBuilder(trainee: nil, anonymize: false))
        guard read > 0 else { return false }
        do throws(OutputFile.WriteError) {
            try OutputFile.write(ReportHTML.render(builder.build()), to: path)
            return true
        } catch {
            ErrorReport.say(error.description)
            return false
        }
    }

    static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    /// This program, by its real path: sshd runs it for every connection.
    private static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? absolute(CommandLine.arguments[0])
    }

    /// One word for the shell sshd runs ForceCommand with.
    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Signals noticed while the board waits: the handler only sets a flag, the board loop acts on it.
final class SignalFlags: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Int32] = []
    private var sources: [DispatchSourceSignal] = []

    init(_ signals: [Int32]) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.add(number) }
            source.resume()
            sources.append(source)
        }
    }

    private func add(_ signal: Int32) {
        lock.lock()
        pending.append(signal)
        lock.unlock()
    }

    func take() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        return pending.isEmpty ? nil : pending.removeFirst()
    }
}
