import Foundation
import XCTest

/// The README's shell examples (every ```sh block, in order) run as written in one shell, on a fresh clone
/// of this repository with an empty home folder: the quick start builds, `make install PREFIX=$HOME/.local`
/// puts coachdrill on the PATH, and the examples after it find it by name.
///
/// Two departures, both said here: `make test` is left out (this test runs inside it), and the build is a
/// debug one (`CONFIG=debug`, the Makefile's own knob), which takes half the time of a release build and
/// runs the same code. Standard input is empty, so `make play` opens its scenario and ends at once.
final class ReadmeExamplesTests: XCTestCase {
    func testTheReadmesShellExamplesWorkOnAFreshClone() throws {
        guard let git = ExternalTool.find(["git"]), let bash = ExternalTool.find(["bash"]) else {
            throw TestPrerequisite.missing("git and bash are needed to clone and run the examples")
        }
        let root = CoachDrillBinary.packageRoot.path
        guard FileManager.default.fileExists(atPath: root + "/.git") else {
            throw TestPrerequisite.missing("a git checkout to clone (this folder is not one)")
        }
        let folder = NSTemporaryDirectory() + "cd-readme-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let home = folder + "/home"
        let clone = folder + "/clone"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let cloned = try ExternalTool.run(git, ["clone", "--quiet", "--no-hardlinks", root, clone], timeout: 120)
        XCTAssertEqual(cloned.status, 0, cloned.stderr)

        let readme = try String(contentsOfFile: clone + "/README.md", encoding: .utf8)
        let blocks = Self.shellBlocks(readme)
        XCTAssertGreaterThanOrEqual(blocks.count, 3, "the quick start, the PATH step and the scripted session")
        var script = "set -euo pipefail\ncd \"$CLONE\"\n"
        for line in blocks.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("make test") {
                script += "# left out: \(line)\n"
            } else {
                script += "echo '+ \(line.replacingOccurrences(of: "'", with: "'\\''"))'\n\(line)\n"
            }
        }
        // "From any folder": the installed copy, run away from the checkout, finds its scenarios.
        script += "cd \"$HOME\"\necho \"coachdrill is $(command -v coachdrill)\"\ncoachdrill list | head -3\n"

        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let run = try ExternalTool.run(
            bash, ["-c", script],
            environment: [
                "HOME": home, "PATH": path, "CLONE": clone, "CONFIG": "debug", "LANG": "C.UTF-8", "NO_COLOR": "1",
                "TERM": "dumb",
            ],
            timeout: 1800)
        let transcript = run.stdout + "\n--- stderr ---\n" + run.stderr
        XCTAssertFalse(run.timedOut, transcript)
        XCTAssertEqual(run.status, 0, transcript)
        XCTAssertTrue(run.stdout.contains("coachdrill is \(home)/.local/bin/coachdrill"), transcript)
        XCTAssertTrue(run.stdout.contains("+ coachdrill list"), transcript)
        XCTAssertTrue(run.stdout.contains("new-manager-checklist"), transcript)
        // The scripted session: the answer is judged.
        XCTAssertTrue(run.stdout.contains("8.1 progress · partnered"), transcript)
        XCTAssertTrue(FileManager.default.isReadableFile(atPath: home + "/.local/share/coachdrill/Scenarios/new-manager-checklist.yaml"))
        // What `report --lrs` runs, installed beside coachdrill.
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: home + "/.local/bin/coachdrill-lrs"))
    }

    /// The lines of every ```sh block, in order.
    static func shellBlocks(_ markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [String]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```sh" {
                current = []
            } else if let lines = current, line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current?.append(String(line))
            }
        }
        return blocks
    }
}
