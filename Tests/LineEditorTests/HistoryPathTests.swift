import Foundation
import XCTest

@testable import LineEditor

final class HistoryPathTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("HistoryPathTests-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testXDGStateHomeWinsAndTheFolderIsCreated() throws {
        let state = folder.appendingPathComponent("state").path
        let path = EditLineReader.defaultHistoryPath(environment: ["XDG_STATE_HOME": state, "HOME": "/nonexistent"])
        XCTAssertEqual(path, state + "/coachdrill/history")
        var isFolder: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: state + "/coachdrill", isDirectory: &isFolder))
        XCTAssertTrue(isFolder.boolValue)
    }

    func testFallsBackToHomeWhenXDGStateHomeIsUnsetOrRelative() throws {
        let home = folder.path
        XCTAssertEqual(
            EditLineReader.defaultHistoryPath(environment: ["HOME": home]), home + "/.local/state/coachdrill/history"
        )
        for ignored in ["relative/state", ""] {
            XCTAssertEqual(
                EditLineReader.defaultHistoryPath(environment: ["HOME": home, "XDG_STATE_HOME": ignored]),
                home + "/.local/state/coachdrill/history"
            )
        }
    }

    func testNoHomeMeansNoHistory() {
        XCTAssertNil(EditLineReader.defaultHistoryPath(environment: [:]))
    }
}
