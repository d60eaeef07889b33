import Foundation
import XCTest

/// The drill's countdown on a real (pseudo-)terminal: it counts while the participant types, says when the
/// time is up, and never touches the line being typed.
final class DrillCountdownTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("cd-countdown-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: home)
    }

    func testTheCountdownCountsWhileTypingAndSaysWhenTimeIsUp() throws {
        let terminal = try PseudoTerminal(
            executable: CoachDrillBinary.executable.path,
            arguments: [
                "drill", "one-second", "--as", "Robin", "--results", home + "/results", "--scenarios",
                CoachDrillBinary.fixture("packs/library"),
            ],
            environment: ["HOME": home, "TERM": "xterm", "NO_COLOR": "1", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"],
            directory: CoachDrillBinary.packageRoot.path)
        let before = terminal.terminalSettings()
        XCTAssertTrue(terminal.waitFor("[0:01] coach> "), terminal.output)

        // Half an answer, then nothing: the prompt is redrawn while the line waits, and says time is up.
        terminal.send("How would you like")
        XCTAssertTrue(terminal.waitFor("How would you like"), terminal.output)
        let typed = terminal.mark
        // libedit redraws only what changed (here it inserts "time up" into the prompt), so the screen is
        // checked in its pieces rather than as one string of bytes.
        XCTAssertTrue(terminal.waitFor("time up", after: typed), "the prompt never changed: \(terminal.output)")
        XCTAssertTrue(terminal.waitFor("over]", after: typed), terminal.output)
        // The redraw keeps the half-typed answer; the rest of it joins on.
        terminal.send(" to end our session?\r")
        XCTAssertTrue(terminal.waitFor("after the time was up."), terminal.output)
        XCTAssertTrue(terminal.waitFor("PASSED: 1 of 1"), terminal.output)
        XCTAssertTrue(
            terminal.waitFor("You: \"How would you like to end our session?\""),
            "the answer is the whole line typed across the redraws: \(terminal.plainOutput)")
        XCTAssertEqual(terminal.waitForExit(), 0)
        let after = terminal.terminalSettings()
        XCTAssertEqual(before.c_lflag, after.c_lflag, "terminal local modes restored")
        XCTAssertEqual(before.c_iflag, after.c_iflag, "terminal input modes restored")
    }
}
