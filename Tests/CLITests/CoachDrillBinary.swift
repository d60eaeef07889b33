import Foundation
import XCTest

/// Runs the built `coachdrill` executable, as a user would, and captures what it prints.
enum CoachDrillBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The folder `swift build` put the products in (the test bundle lives there too).
    static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
        #else
        return Bundle.main.bundleURL
        #endif
    }

    static var executable: URL { productsDirectory.appendingPathComponent("coachdrill") }

    /// The package root, for fixtures.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func fixture(_ path: String) -> String {
        packageRoot.appendingPathComponent("Tests/Fixtures/" + path).path
    }

    /// Runs with `input` piped to standard input and a clean environment (no colour, a private home, USER
    /// "tester"); `unsetting` leaves variables of that clean environment out. `program` is another copy of
    /// coachdrill, or a link to it.
    static func run(
        _ arguments: [String], input: String = "", environment extra: [String: String] = [:],
        unsetting: [String] = [], directory: String? = nil, program: URL = executable
    ) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("coachdrill-test-home-\(getpid())")
        var environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "USER": "tester"]
        environment.merge(extra) { _, new in new }
        for variable in unsetting { environment[variable] = nil }
        process.environment = environment
        process.currentDirectoryURL = directory.map { URL(fileURLWithPath: $0) } ?? packageRoot
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// Compares `actual` with a golden file; `COACHDRILL_UPDATE_GOLDEN=1` rewrites it instead.
    static func assertMatchesGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let path = fixture("golden/" + name)
        if ProcessInfo.processInfo.environment["COACHDRILL_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        if actual != expected {
            XCTFail("output differs from \(path) (COACHDRILL_UPDATE_GOLDEN=1 rewrites it):\n--- expected\n\(expected)\n--- got\n\(actual)", file: file, line: line)
        }
    }
}
