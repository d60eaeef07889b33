import Foundation
import XCTest

/// `coachdrill serve` with the system's OpenSSH server on a loopback port, and participants who connect with
/// the OpenSSH client, each through a pseudo-terminal as a person at a laptop would: three check in and
/// answer, one gives the wrong code, one asks sshd to run a command of their own, one drops mid-drill. The
/// facilitator's terminal shows the class board, and Ctrl-C (confirmed) ends the workshop.
final class ServeTests: XCTestCase {
    private var folder = ""
    private var ssh = ""
    private var user = ""
    private var port: UInt16 = 0
    private let code = "2468"

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd"), let client = ExternalTool.find(["ssh"]),
              let keygen = ExternalTool.find(["ssh-keygen"])
        else { throw TestPrerequisite.missing("OpenSSH is not installed: make test installs openssh-server and openssh-client") }
        ssh = client
        folder = NSTemporaryDirectory() + "cd-serve-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for person in 1...4 {
            let made = try ExternalTool.run(keygen, ["-q", "-t", "ed25519", "-N", "", "-f", folder + "/key\(person)"])
            XCTAssertEqual(made.status, 0, made.stderr)
        }
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { throw TestPrerequisite.missing("a user name for this uid (sshd logs in as it)") }
        user = String(cString: name)
        port = try LoopbackPort.free()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private var results: String { folder + "/results" }

    private func sshOptions(_ person: Int) -> [String] {
        [
            "-p", String(port), "-i", folder + "/key\(person)", "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
        ]
    }

    /// A participant's laptop: ssh on a terminal of its own.
    private func connect(_ person: Int) throws -> PseudoTerminal {
        let home = folder + "/home\(person)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return try PseudoTerminal(
            executable: ssh, arguments: sshOptions(person) + ["\(user)@127.0.0.1"],
            environment: ["HOME": home, "TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"], columns: 100, rows: 30)
    }

    private func checkIn(_ terminal: PseudoTerminal, name: String, code: String) {
        XCTAssertTrue(terminal.waitFor("Your name: ", timeout: 30), terminal.output)
        terminal.send(name + "\r")
        XCTAssertTrue(terminal.waitFor("Workshop code"), terminal.output)
        terminal.send(code + "\r")
    }

    /// Where each terminal's next prompt is looked for: after the last answer was recorded.
    private var answered: [ObjectIdentifier: Int] = [:]

    private func answer(_ terminal: PseudoTerminal, _ line: String) {
        let key = ObjectIdentifier(terminal)
        XCTAssertTrue(terminal.waitFor("coach>", after: answered[key] ?? 0, timeout: 20), terminal.output)
        usleep(100_000)  // the prompt is drawn; keys now go to the line editor
        let mark = terminal.mark
        terminal.send(line + "\r")
        XCTAssertTrue(terminal.waitFor("Answer recorded", after: mark, timeout: 20), terminal.output)
        answered[key] = terminal.mark
    }

    func testAWorkshopOverSSH() throws {
        // An earlier workshop's run in the same results folder: not on the board, not in this class report.
        try FileManager.default.createDirectory(atPath: results, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CoachDrillBinary.fixture("transcripts/drill/room-a/robin.jsonl"), toPath: results + "/robin-earlier.jsonl")
        let facilitator = try PseudoTerminal(
            executable: CoachDrillBinary.executable.path,
            arguments: [
                "serve", CoachDrillBinary.fixture("packs/serve/packs/two-moments.yaml"), "--address", "127.0.0.1", "--port",
                String(port), "--code", code, "--state", folder + "/state", "--results", results,
            ],
            environment: [
                "HOME": folder, "USER": user, "TERM": "xterm", "NO_COLOR": "1", "LANG": "C.UTF-8",
                "PATH": "/usr/bin:/bin:/usr/sbin",
            ],
            directory: CoachDrillBinary.packageRoot.path, columns: 110, rows: 30)
        XCTAssertTrue(facilitator.waitFor("ssh -p \(port) \(user)@127.0.0.1", timeout: 30), facilitator.output)
        XCTAssertTrue(facilitator.waitFor("Workshop code:       \(code)"), facilitator.output)

        // Three participants check in.
        let ana = try connect(1)
        checkIn(ana, name: "Ana Souza", code: code)
        let ben = try connect(2)
        checkIn(ben, name: "Ben Okafor", code: code)
        let chloe = try connect(3)
        checkIn(chloe, name: "Chloé Martin", code: code)
        XCTAssertTrue(facilitator.waitFor("Chloé Martin", timeout: 20), facilitator.output)
        XCTAssertTrue(facilitator.waitFor("3 connected", timeout: 20), facilitator.output)

        // A wrong code ends the connection before any item.
        let mallory = try connect(4)
        checkIn(mallory, name: "Mallory", code: "1111")
        XCTAssertTrue(mallory.waitFor("That is not this workshop's code"), mallory.output)
        XCTAssertNotEqual(mallory.waitForExit(timeout: 20), 0)
        XCTAssertFalse(mallory.output.contains("Item 1"), mallory.output)

        // A command of one's own is never run: sshd runs the drill instead, which has nobody to check in.
        let marker = folder + "/x"
        XCTAssertTrue(FileManager.default.createFile(atPath: marker, contents: Data("keep".utf8)))
        let own = try ExternalTool.run(ssh, sshOptions(4) + ["\(user)@127.0.0.1", "rm", "-rf", marker], timeout: 60)
        XCTAssertFalse(own.timedOut)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker), "rm -rf ran: \(own.stdout) \(own.stderr)")
        XCTAssertTrue(own.stdout.contains("CoachDrill workshop · Two moments"), own.stdout + own.stderr)

        // Ana passes both items; Ben advises on the first; Chloé answers one and her connection drops.
        answer(ana, "How do you want to hold yourself to that?")
        answer(ben, "Email me every Friday so I know you stuck to it.")
        answer(chloe, "How do you want to hold yourself to that?")
        answer(ana, "How would you like to close our session today?")
        XCTAssertTrue(waitUntil { ana.plainOutput.contains("PASSED: 2 of 2 items") }, ana.output)
        XCTAssertEqual(ana.waitForExit(timeout: 20), 0)
        answer(ben, "How would you like to close our session today?")
        XCTAssertTrue(waitUntil { ben.plainOutput.contains("NOT PASSED: 1 of 2 items") }, ben.output)
        XCTAssertEqual(ben.waitForExit(timeout: 20), 0)
        chloe.sendSignal(SIGKILL)
        XCTAssertNotNil(chloe.waitForExit(timeout: 20))

        // The board follows: the pack's pass rate, who finished, who left, items passed.
        XCTAssertTrue(facilitator.waitFor("Pack pass rate: 50% (1 of 2 finished)", timeout: 30), facilitator.plainOutput)
        // The dropped run is closed by its drill: it records how it ended, and the board shows it.
        let chloeFile = try XCTUnwrap(
            try FileManager.default.contentsOfDirectory(atPath: results).first { $0.hasPrefix("chloe-martin-") })
        XCTAssertTrue(
            waitUntil(timeout: 30) {
                ((try? String(contentsOfFile: self.results + "/" + chloeFile, encoding: .utf8)) ?? "").contains("\"event\":\"end\"")
            }, "the dropped connection's drill wrote its end line")
        let chloeLines = try String(contentsOfFile: results + "/" + chloeFile, encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(chloeLines.last?.contains("\"reason\":\"interrupted\"") ?? false, chloeLines.joined(separator: "\n"))
        XCTAssertTrue(chloeLines.first?.contains("\"participant_key\":\"SHA256:") ?? false, "the run records the key")
        XCTAssertTrue(
            waitUntil(timeout: 20) {
                facilitator.plainOutput.contains("Chloé Martin              left        –         –             1 of 2")
            },
            facilitator.plainOutput)

        // Chloé reconnects with the same key: her name comes back, she gives the code again, and goes on.
        let again = try connect(3)
        XCTAssertTrue(again.waitFor("Welcome back, Chloé Martin", timeout: 30), again.output)
        XCTAssertTrue(again.waitFor("Your name [Chloé Martin]: "), again.output)
        again.send("\r")
        XCTAssertTrue(again.waitFor("Workshop code"), again.output)
        again.send(code + "\r")
        answer(again, "How do you want to hold yourself to that?")
        answer(again, "How would you like to close our session today?")
        XCTAssertTrue(waitUntil { again.plainOutput.contains("PASSED: 2 of 2 items") }, again.output)
        XCTAssertEqual(again.waitForExit(timeout: 20), 0)
        XCTAssertTrue(facilitator.waitFor("Pack pass rate: 67% (2 of 3 finished)", timeout: 30), facilitator.plainOutput)
        let chloeRuns = try FileManager.default.contentsOfDirectory(atPath: results).filter { $0.hasPrefix("chloe-martin-") }
        XCTAssertEqual(chloeRuns.count, 2)
        let keys = try chloeRuns.map { file -> String in
            let first = try String(contentsOfFile: results + "/" + file, encoding: .utf8).split(separator: "\n").first ?? ""
            return String(first.split(separator: ",").first { $0.contains("participant_key") } ?? "")
        }
        XCTAssertEqual(Set(keys).count, 1, "both runs carry the same key: \(keys)")

        // Ctrl-C asks first; no carries on.
        facilitator.send("\u{03}")
        XCTAssertTrue(facilitator.waitFor("End the workshop?"), facilitator.output)
        let asked = facilitator.mark
        facilitator.send("n\r")
        XCTAssertTrue(facilitator.waitFor("Ctrl-C ends the workshop", after: asked, timeout: 20), facilitator.output)
        XCTAssertTrue(LoopbackPort.isListening(port), "sshd still serving")

        // Yes ends the workshop, stops sshd and says where the class report is.
        facilitator.send("\u{03}")
        XCTAssertTrue(facilitator.waitFor("End the workshop?", after: asked), facilitator.output)
        facilitator.send("y\r")
        XCTAssertTrue(facilitator.waitFor("Class report: \(results)/class-report.html", timeout: 30), facilitator.plainOutput)
        XCTAssertEqual(facilitator.waitForExit(timeout: 30), 0)
        XCTAssertFalse(LoopbackPort.isListening(port), "sshd stopped with the workshop")
        let classReport = try String(contentsOfFile: results + "/class-report.html", encoding: .utf8)
        XCTAssertTrue(classReport.contains("Ana Souza"))
        XCTAssertFalse(classReport.contains("Robin"), "the earlier workshop's run is not in this workshop's report")

        // Every participant once in the class report (Mallory never got in); every file reads.
        let gradebook = try CoachDrillBinary.run(["report", results, "--format", "gradebook"])
        XCTAssertEqual(gradebook.status, 0, gradebook.stderr)
        XCTAssertFalse(gradebook.stderr.contains("skipped"), gradebook.stderr)
        let summaries = gradebook.stdout.split(separator: "\r\n").filter { $0.contains(",summary,") }.map {
            String($0.split(separator: ",")[0])
        }
        XCTAssertEqual(summaries, ["Ana Souza", "Ben Okafor", "Chloé Martin", "Robin"], gradebook.stdout)
    }

    private func waitUntil(timeout: TimeInterval = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }
}
