import Foundation
import XCTest

/// The class report's HTML as a facilitator shows and files it: a six-person drill of the shipped
/// warm-up pack, drawn by headless Chromium at 1280 px (a projector) and printed on A4. Each table must fit
/// the page; the screenshots are kept under .build/screenshots for a person to look at. Skipped only where
/// Chromium is not installed (`make test` installs it where apt-get can).
final class ClassReportScreenshotTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "cd-screens-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static let good = [
        "Where are you now with what you wanted from today?", "What have you learned about yourself today?",
        "What did you notice about the situation?", "How will you use what you realised?",
        "What would you like to do before we next meet?", "Who could support you with that?",
        "How would you like to hold yourself accountable?", "What would you like to acknowledge in yourself?",
        "How would you like to close our session today?", "What stands out for you now?",
    ]
    private static let advice = [
        "You should make a checklist.", "You need to tell your deputy.", "Just do it tomorrow.", "Email me on Friday.",
        "Great job!", "You should rest.", "I will check in with you.", "Let us stop there.", "Write it down tonight.",
        "Do the plan.",
    ]

    func testTheClassReportFitsAProjectorAndA4() throws {
        guard let chromium = ExternalTool.find(["chromium", "chromium-browser", "google-chrome"]) else {
            throw TestPrerequisite.missing("Chromium is not installed here (make test installs it where apt-get can)")
        }
        let results = folder + "/results"
        let room: [(String, [String])] = [
            ("Ana Souza", Self.good), ("Ben Okafor", Self.advice),
            ("Chloé Martin", Array(Self.good.prefix(5) + Self.advice.suffix(5))),
            ("Dev Patel", Array(Self.advice.prefix(6) + Self.good.suffix(4))), ("Eun-ji Park", Self.good),
            ("Farid Haddad-Lindqvist-Oyelaran", Array(Self.advice.prefix(3))),
        ]
        for (name, answers) in room {
            let run = try CoachDrillBinary.run(
                ["drill", "warmup-all-markers", "--as", name, "--results", results],
                input: answers.map { $0 + "\n" }.joined(), environment: ["COACHDRILL_SCENARIOS": "Scenarios"])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        let html = folder + "/class.html"
        let report = try CoachDrillBinary.run(["report", results, "--format", "html", "--output", html])
        XCTAssertEqual(report.status, 0, report.stderr)

        // The page measures itself: every table's right edge inside the window, and nothing to scroll sideways.
        let page = try String(contentsOfFile: html, encoding: .utf8)
        let probe = """
            <script>addEventListener('load', () => { const w = document.documentElement.clientWidth; \
            const over = [...document.querySelectorAll('table, .chart, .figures')].filter(t => t.getBoundingClientRect().right > w + 0.5) \
            .map(t => (t.querySelector('th') || t).textContent.trim().slice(0, 30)); \
            if (document.documentElement.scrollWidth > w) over.push('page ' + document.documentElement.scrollWidth); \
            const p = document.createElement('pre'); p.id = 'fit'; p.textContent = over.length ? 'OVER: ' + over.join(' | ') : 'FITS'; \
            document.body.appendChild(p); });</script>
            """
        let probed = folder + "/probed.html"
        try page.replacingOccurrences(of: "</body>", with: probe + "</body>").write(toFile: probed, atomically: true, encoding: .utf8)
        // 1280 px: a projector. 688 px: the 182 mm between A4's 14 mm margins at 96 px an inch.
        for width in [1280, 688] {
            let dom = try chrome(chromium, ["--window-size=\(width),1000", "--dump-dom", "file://" + probed])
            XCTAssertTrue(dom.contains("<pre id=\"fit\">FITS</pre>"), "at \(width) px: " + Self.fitLine(dom))
        }

        let shots = CoachDrillBinary.packageRoot.appendingPathComponent(".build/screenshots").path
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let png = shots + "/class-report-1280.png"
        let pdf = shots + "/class-report-a4.pdf"
        try? FileManager.default.removeItem(atPath: png)
        try? FileManager.default.removeItem(atPath: pdf)
        _ = try chrome(chromium, ["--window-size=1280,2600", "--screenshot=" + png, "file://" + html])
        _ = try chrome(chromium, ["--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + html])
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        XCTAssertEqual(Array(image.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        // The IHDR width, big-endian at bytes 16..19.
        XCTAssertEqual(image.count > 24 ? image[16..<20].reduce(0) { $0 << 8 | Int($1) } : 0, 1280)
        let printed = try Data(contentsOf: URL(fileURLWithPath: pdf))
        let text = String(decoding: printed, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("%PDF"), "a PDF")
        // A4 is 595 x 842 points.
        XCTAssertTrue(text.contains("/MediaBox [0 0 594.95996 841.91998]") || text.contains("/MediaBox [0 0 595"), "an A4 page")
        if let pdftoppm = ExternalTool.find(["pdftoppm"]) {
            let pages = try ExternalTool.run(pdftoppm, ["-png", "-r", "70", pdf, shots + "/class-report-a4"])
            XCTAssertEqual(pages.status, 0, pages.stderr)
        }
    }

    private func chrome(_ chromium: String, _ arguments: [String]) throws -> String {
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        let run = try ExternalTool.run(
            chromium,
            ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + folder + "/profile"]
                + arguments,
            environment: ["HOME": folder, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"], timeout: 180)
        XCTAssertFalse(run.timedOut, "Chromium did not finish: \(run.stderr)")
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout
    }

    private static func fitLine(_ dom: String) -> String {
        guard let start = dom.range(of: "<pre id=\"fit\">") else { return "no measurement in the page" }
        return String(dom[start.upperBound...].prefix(300))
    }
}
