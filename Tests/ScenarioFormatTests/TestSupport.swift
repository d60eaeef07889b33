import Foundation

/// Paths to the shared fixtures, found from this file's location.
enum Fixtures {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()  // ScenarioFormatTests
        url.deleteLastPathComponent()  // Tests
        return url.appendingPathComponent("Fixtures/lint").path
    }()

    static var clean: String { root + "/clean" }
    static var broken: String { root + "/broken" }
    /// Broken drill packs (DrillPackLoaderTests): their codes and messages count as fixtures too.
    static var brokenPacks: String { root + "/../packs/broken" }

    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    static func yamlFiles(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// The example scenario of the first format, with one reply set per branch (Tests/Fixtures/lint/
    /// single-reply-set): it still loads and plays, with the v2 warnings about its thin, confused replies.
    static var example: String {
        get throws { try text(root + "/single-reply-set/new-manager-checklist.yaml") }
    }
}

/// A fresh temporary folder, removed when the value is dropped.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "coachdrill-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        let full = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
