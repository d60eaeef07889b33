import XCTest

@testable import LineEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class TerminalStateTests: XCTestCase {
    func testRestorePutsBackWhatWasCaptured() throws {
        let driver = try TerminalDriver()
        defer { driver.shutdown() }
        let saved = try XCTUnwrap(TerminalState(fileDescriptor: driver.slave))
        var raw = try XCTUnwrap(driver.attributes())
        cfmakeraw(&raw)
        XCTAssertEqual(tcsetattr(driver.slave, TCSANOW, &raw), 0)
        XCTAssertFalse(saved.hasSameAttributes(as: try XCTUnwrap(TerminalState(fileDescriptor: driver.slave))))

        XCTAssertTrue(saved.restore())
        XCTAssertTrue(saved.hasSameAttributes(as: try XCTUnwrap(TerminalState(fileDescriptor: driver.slave))))
    }

    func testArmedStateIsRestoredByTheSignalHandlerEntryPoint() throws {
        let driver = try TerminalDriver()
        defer {
            TerminalState.disarmSignalHandlers()
            driver.shutdown()
        }
        let saved = try XCTUnwrap(TerminalState(fileDescriptor: driver.slave))
        saved.armForSignalHandlers()
        XCTAssertEqual(TerminalState.armedForSignalHandlers?.fileDescriptor, driver.slave)

        var raw = try XCTUnwrap(driver.attributes())
        cfmakeraw(&raw)
        XCTAssertEqual(tcsetattr(driver.slave, TCSANOW, &raw), 0)
        XCTAssertTrue(TerminalState.restoreArmedFromSignalHandler())
        XCTAssertTrue(saved.hasSameAttributes(as: try XCTUnwrap(TerminalState(fileDescriptor: driver.slave))))

        TerminalState.disarmSignalHandlers()
        XCTAssertNil(TerminalState.armedForSignalHandlers)
        XCTAssertFalse(TerminalState.restoreArmedFromSignalHandler(), "nothing armed, nothing touched")
    }

    func testNotATerminalHasNoState() {
        var ends: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&ends), 0)
        defer { ends.forEach { close($0) } }
        XCTAssertNil(TerminalState(fileDescriptor: ends[0]))
    }
}
