import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `report --format xapi --lrs URL` against a real Learning Record Store: Ralph (`ralph runserver -b fs`,
/// from the virtual environment `make test` makes), started on a loopback port for the test. The
/// statements are read back with GET and compared with what `--format xapi` prints.
///
/// Ralph's file-system backend stores one write per user (a second POST of new statements fails with HTTP
/// 500, "Statements bulk indexation failed"; ralph/backends/data/fs.py refuses to add to an existing file).
/// The test uses that: the first send is one batch; the second, in small batches, holds only statements
/// Ralph already has, which it accepts without storing them twice; and new statements after that meet a
/// real 5xx, which is retried and then reported.
final class LRSTests: XCTestCase {
    private var folder = ""
    private var server: Process?
    private var port: UInt16 = 0
    private let password = "correct horse battery staple"

    override func setUpWithError() throws {
        let ralph = CoachDrillBinary.packageRoot.appendingPathComponent(".build-venv-lrs/bin/ralph").path
        guard FileManager.default.isExecutableFile(atPath: ralph) else {
            throw TestPrerequisite.missing("Ralph is not installed: make test installs it into .build-venv-lrs (make lrs-venv)")
        }
        folder = NSTemporaryDirectory() + "cd-lrs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let environment = [
            "HOME": folder, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "RALPH_AUTH_FILE": folder + "/auth.json",
            "RALPH_RUNSERVER_BACKEND": "fs",
        ]
        // The user file, with the password typed at Ralph's prompt (twice), not given as an argument.
        let auth = Process()
        auth.executableURL = URL(fileURLWithPath: ralph)
        auth.arguments = ["auth", "-u", "facilitator", "-s", "all", "-M", "mailto:facilitator@example.org", "-w"]
        auth.environment = environment
        auth.currentDirectoryURL = URL(fileURLWithPath: folder)
        let typed = Pipe()
        auth.standardInput = typed
        auth.standardOutput = FileHandle.nullDevice
        auth.standardError = FileHandle.nullDevice
        try auth.run()
        try typed.fileHandleForWriting.write(contentsOf: Data("\(password)\n\(password)\n".utf8))
        try typed.fileHandleForWriting.close()
        auth.waitUntilExit()
        XCTAssertEqual(auth.terminationStatus, 0, "ralph auth")

        port = try LoopbackPort.free()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ralph)
        process.arguments = [
            "runserver", "-b", "fs", "-h", "127.0.0.1", "-p", String(port), "--fs-default-directory-path", folder + "/data",
        ]
        process.environment = environment
        // Its reloader watches the working folder: give it an empty one.
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let log = folder + "/ralph.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        server = process
        let deadline = Date(timeIntervalSinceNow: 90)
        while !LoopbackPort.isListening(port) {
            guard Date() < deadline, process.isRunning else {
                throw TestPrerequisite.Missing(
                    description: "Ralph did not start: " + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    override func tearDownWithError() throws {
        if let server, server.isRunning {
            server.terminate()
            server.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private var base: String { "http://127.0.0.1:\(port)/xAPI" }
    private let drills = "Tests/Fixtures/transcripts/drill"

    private func send(_ paths: [String], password: String? = nil, extra: [String] = []) throws -> CoachDrillBinary.Result {
        try CoachDrillBinary.run(
            ["report"] + paths + ["--format", "xapi", "--lrs", base, "--lrs-user", "facilitator"] + extra,
            environment: ["COACHDRILL_LRS_PASSWORD": password ?? self.password])
    }

    func testStatementsReachTheLRSOnceAndReadBackTheSame() throws {
        let printed = try CoachDrillBinary.run(["report", drills, "--format", "xapi"])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        let expected = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(expected.count, 19)

        let first = try send([drills])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(
            first.stdout,
            "Sent 19 statements to \(base)/statements in 1 batch; the LRS stored them (statements it already had are "
                + "not repeated).\n")

        // Sending again, five a batch: four POSTs, nothing stored twice.
        let again = try send([drills], extra: ["--lrs-batch", "5"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("Sent 19 statements to \(base)/statements in 4 batches"), again.stdout)

        let stored = try readBack()
        XCTAssertEqual(stored.count, 19, "sending twice stored nothing twice")
        let byID = Dictionary(uniqueKeysWithValues: stored.compactMap { statement in
            (statement["id"] as? String).map { ($0, statement) }
        })
        for statement in expected {
            let id = try XCTUnwrap(statement["id"] as? String)
            let back = try XCTUnwrap(byID[id], "statement \(id) is in the LRS")
            // The LRS adds its own fields (stored, authority, version); everything sent comes back as sent.
            for key in ["actor", "verb", "object", "result", "context", "timestamp"] {
                XCTAssertEqual(
                    Self.canonical(back[key]), Self.canonical(statement[key]), "\(key) of \(id)")
            }
        }
    }

    func testARefusalQuotesTheLRSAndAFailingLRSIsTriedAgain() throws {
        let refused = try send([drills], password: "wrong")
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(
            refused.stderr,
            "coachdrill: the LRS at \(base)/statements refused batch 1 of 1 with HTTP 401: Invalid authentication "
                + "credentials (check --lrs-user and the password in COACHDRILL_LRS_PASSWORD)\n")
        XCTAssertEqual(refused.stdout, "")

        // No password at all: said before anything is sent, and never asked for as a flag.
        let missing = try CoachDrillBinary.run(["report", drills, "--format", "xapi", "--lrs", base, "--lrs-user", "facilitator"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("needs its password in the COACHDRILL_LRS_PASSWORD environment variable"), missing.stderr)

        // The first write is stored; new statements after it meet Ralph's HTTP 500, tried five times.
        XCTAssertEqual(try send([drills]).status, 0)
        let failing = try send(["Tests/Fixtures/transcripts/play"])
        XCTAssertEqual(failing.status, 1)
        let lines = failing.stderr.split(separator: "\n").filter { !$0.contains("note:") }
        XCTAssertEqual(
            lines,
            [
                "coachdrill: batch 1 of 1: HTTP 500: Statements bulk indexation failed; trying again in 500 ms",
                "coachdrill: batch 1 of 1: HTTP 500: Statements bulk indexation failed; trying again in 1 s",
                "coachdrill: batch 1 of 1: HTTP 500: Statements bulk indexation failed; trying again in 2 s",
                "coachdrill: batch 1 of 1: HTTP 500: Statements bulk indexation failed; trying again in 4 s",
                "coachdrill: could not send batch 1 of 1 to \(base)/statements after 5 tries (HTTP 500: Statements "
                    + "bulk indexation failed); nothing is lost: send again when the LRS is back, and what it already "
                    + "has is not repeated",
            ])
        XCTAssertEqual(try readBack().count, 19, "the failed batch stored nothing")
    }

    func testNoLRSListeningIsTriedAgainThenReported() throws {
        let closed = try LoopbackPort.free()
        let result = try CoachDrillBinary.run(
            ["report", drills, "--format", "xapi", "--lrs", "http://127.0.0.1:\(closed)/xAPI"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.components(separatedBy: "trying again").count - 1, 4, result.stderr)
        XCTAssertTrue(result.stderr.contains("could not send batch 1 of 1 to http://127.0.0.1:\(closed)/xAPI/statements after 5 tries"), result.stderr)
    }

    // MARK: Reading back

    private func readBack() throws -> [[String: Any]] {
        var request = URLRequest(url: try XCTUnwrap(URL(string: base + "/statements?limit=500")))
        request.setValue("1.0.3", forHTTPHeaderField: "X-Experience-API-Version")
        request.setValue(
            "Basic " + Data("facilitator:\(password)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        let box = Answer()
        let done = DispatchSemaphore(value: 0)
        URLSession(configuration: .ephemeral).dataTask(with: request) { data, response, _ in
            box.data = data ?? Data()
            box.status = (response as? HTTPURLResponse)?.statusCode ?? 0
            done.signal()
        }.resume()
        done.wait()
        XCTAssertEqual(box.status, 200, String(decoding: box.data, as: UTF8.self))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: box.data) as? [String: Any])
        return try XCTUnwrap(object["statements"] as? [[String: Any]])
    }

    private final class Answer: @unchecked Sendable {
        var data = Data()
        var status = 0
    }

    /// JSON with sorted keys, numbers as JSONSerialization reads them, for comparing values whatever order
    /// the LRS keeps keys in.
    private static func canonical(_ value: Any?) -> String {
        guard let value else { return "null" }
        guard JSONSerialization.isValidJSONObject([value]),
              let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys])
        else { return String(describing: value) }
        return String(decoding: data, as: UTF8.self)
    }
}
