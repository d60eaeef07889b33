import Foundation
import XCTest

/// `report --lrs` against a small fake LRS (Python's http.server, started on a loopback port) that answers
/// what a real LRS rarely does on demand: a redirect, 408 and 429. Every request it sees is logged as
/// "METHOD PATH", so a test can tell that a redirected POST never became a GET.
final class LRSAnswerTests: XCTestCase {
    private var folder = ""
    private var server: Process?
    private var port: UInt16 = 0
    private let drills = "Tests/Fixtures/transcripts/drill"

    private static let script = #"""
        import http.server, sys, threading
        port, log = int(sys.argv[1]), sys.argv[2]
        seen = {}
        lock = threading.Lock()
        class Handler(http.server.BaseHTTPRequestHandler):
            def answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length: self.rfile.read(length)
                with lock:
                    with open(log, "a") as f: f.write(self.command + " " + self.path + "\n")
                    seen[self.path] = seen.get(self.path, 0) + 1
                    count = seen[self.path]
                head = self.path.split("/")[1]
                if head == "moved" and self.command == "POST":
                    self.send_response(301)
                    self.send_header("Location", "http://127.0.0.1:%d/xAPI/statements" % port)
                    self.end_headers(); return
                if head == "busy" and count == 1:
                    self.send_response(429); self.send_header("Retry-After", "1"); self.end_headers()
                    self.wfile.write(b'{"detail":"slow down"}'); return
                if head == "slow" and count == 1:
                    self.send_response(408); self.end_headers(); return
                if head == "bad":
                    self.send_response(400); self.send_header("Content-Type", "application/json"); self.end_headers()
                    self.wfile.write(b'{"detail":"statement 1 has no actor"}'); return
                self.send_response(200); self.send_header("Content-Type", "application/json"); self.end_headers()
                self.wfile.write(b"[]")
            do_POST = answer
            do_GET = answer
            def log_message(self, *args): pass
        http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
        """#

    override func setUpWithError() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
        else { throw TestPrerequisite.missing("python3 is not installed: the fake LRS runs on it") }
        folder = NSTemporaryDirectory() + "cd-lrs-answers-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.script.write(toFile: folder + "/fake_lrs.py", atomically: true, encoding: .utf8)
        port = try LoopbackPort.free()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [folder + "/fake_lrs.py", String(port), folder + "/requests.log"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        server = process
        let deadline = Date(timeIntervalSinceNow: 20)
        while !LoopbackPort.isListening(port) {
            guard Date() < deadline, process.isRunning else { throw TestPrerequisite.Missing(description: "the fake LRS did not start") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    override func tearDownWithError() throws {
        if let server, server.isRunning {
            server.terminate()
            server.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func requests() -> [String] {
        ((try? String(contentsOfFile: folder + "/requests.log", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    private func send(_ path: String, user: String? = nil, program: URL = CoachDrillBinary.executable) throws
        -> CoachDrillBinary.Result
    {
        var arguments = ["report", drills, "--format", "xapi", "--lrs", "http://127.0.0.1:\(port)/\(path)"]
        if let user { arguments += ["--lrs-user", user] }
        return try CoachDrillBinary.run(arguments, environment: ["COACHDRILL_LRS_PASSWORD": "secret"], program: program)
    }

    func testARedirectIsRefusedAndNamesWhereToSend() throws {
        let result = try send("moved")
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertEqual(
            result.stderr,
            "coachdrill: the LRS at http://127.0.0.1:\(port)/moved/statements refused batch 1 of 1 with HTTP 301: it "
                + "redirects, and a redirected POST stores nothing; use the URL it redirects to: "
                + "http://127.0.0.1:\(port)/xAPI/statements (as --lrs http://127.0.0.1:\(port)/xAPI)\n")
        XCTAssertEqual(requests(), ["POST /moved/statements"], "no GET to the redirect's target")
    }

    func test408And429AreTriedAgainHonouringRetryAfter() throws {
        let busy = try send("busy")
        XCTAssertEqual(busy.status, 0, busy.stderr)
        XCTAssertEqual(busy.stderr, "coachdrill: batch 1 of 1: HTTP 429: slow down; trying again in 1 s\n")
        XCTAssertTrue(busy.stdout.contains("the LRS stored them"), busy.stdout)

        let slow = try send("slow")
        XCTAssertEqual(slow.status, 0, slow.stderr)
        XCTAssertEqual(slow.stderr, "coachdrill: batch 1 of 1: HTTP 408: no reason given; trying again in 500 ms\n")
        XCTAssertEqual(requests(), ["POST /busy/statements", "POST /busy/statements", "POST /slow/statements", "POST /slow/statements"])
    }

    func testOther4xxStopsWithTheLRSsReason() throws {
        let bad = try send("bad")
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(
            bad.stderr,
            "coachdrill: the LRS at http://127.0.0.1:\(port)/bad/statements refused batch 1 of 1 with HTTP 400: "
                + "statement 1 has no actor\n")
        XCTAssertEqual(requests(), ["POST /bad/statements"], "not tried again")
    }

    func testBasicCredentialsOverPlainHTTPOnlyToThisMachine() throws {
        let remote = try CoachDrillBinary.run(
            ["report", drills, "--format", "xapi", "--lrs", "http://lrs.example.org/xAPI", "--lrs-user", "coach"],
            environment: ["COACHDRILL_LRS_PASSWORD": "secret"])
        XCTAssertNotEqual(remote.status, 0)
        XCTAssertTrue(remote.stderr.contains("use the LRS's https:// URL"), remote.stderr)
        XCTAssertEqual(remote.stdout, "")

        let local = try send("xAPI", user: "coach")
        XCTAssertEqual(local.status, 0, local.stderr)
        XCTAssertEqual(requests(), ["POST /xAPI/statements"])
    }

    // MARK: coachdrill-lrs, the helper that sends

    /// The helper refuses, with ArgumentParser's usage status, whatever coachdrill itself would not send, and a
    /// name that looks like an option is still the name.
    func testTheHelperRefusesWhatCoachdrillWouldNot() throws {
        let helper = CoachDrillBinary.productsDirectory.appendingPathComponent("coachdrill-lrs")
        for arguments in [
            [],
            ["--batch", "0", "https://lrs.example.org/s"],
            ["--batch", "1001", "https://lrs.example.org/s"],
            ["--user"],
            ["ftp://lrs.example.org/s"],
            ["https://coach:secret@lrs.example.org/s"],
            ["https://lrs.example.org/s", "https://other.example.org/s"],
            ["--password", "secret", "https://lrs.example.org/s"],
            // Basic auth over plain http only to this machine.
            ["--user", "coach", "http://lrs.example.org/s"],
        ] {
            let result = try CoachDrillBinary.run(arguments, program: helper)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
        }
        let noPassword = try CoachDrillBinary.run(
            ["--user=--batch", "http://[::1]:8100/xAPI/statements"], unsetting: ["COACHDRILL_LRS_PASSWORD"], program: helper)
        XCTAssertEqual(noPassword.status, 2, noPassword.stderr)
        XCTAssertTrue(noPassword.stderr.contains("--user --batch needs its password"), noPassword.stderr)
    }

    func testWithoutItsHelperCoachdrillSaysSoAndSendsNothing() throws {
        let alone = URL(fileURLWithPath: folder + "/alone", isDirectory: true)
        try FileManager.default.createDirectory(at: alone, withIntermediateDirectories: true)
        let copy = alone.appendingPathComponent("coachdrill")
        try FileManager.default.copyItem(at: CoachDrillBinary.executable, to: copy)
        let result = try send("xAPI", program: copy)
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertEqual(
            result.stderr,
            "coachdrill: coachdrill-lrs is not next to coachdrill (no \(copy.resolvingSymlinksInPath().deletingLastPathComponent().path)"
                + "/coachdrill-lrs); it sends the statements to the LRS, and `make install` installs both\n")
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(requests(), [])
    }

    func testALinkToCoachdrillFindsTheHelperBesideTheRealFile() throws {
        let link = URL(fileURLWithPath: folder + "/coachdrill")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: CoachDrillBinary.executable)
        let result = try send("xAPI", program: link)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Sent 19 statements to http://127.0.0.1:\(port)/xAPI/statements in 1 batch"), result.stdout)
        XCTAssertEqual(requests(), ["POST /xAPI/statements"])
    }
}
