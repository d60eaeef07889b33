import Foundation
import XCTest

/// What a test needs from the machine besides the package: a tool it drives (git, Chromium, OpenSSH,
/// python3, Ralph) or a checkout to clone.
///
/// `make test` installs those tools where apt-get can, and there runs the tests with
/// `COACHDRILL_TEST_TOOLS=required`: a missing one then fails the test that needs it, so a broken install
/// can never pass as a skip. Anywhere else (`swift test` on a Mac without Chromium, say) the test is
/// skipped, and says what is missing.
enum TestPrerequisite {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// The error to throw when `what` is missing: a failure under `make test` on Debian, a skip elsewhere.
    static func missing(_ what: String) -> any Error {
        guard ProcessInfo.processInfo.environment["COACHDRILL_TEST_TOOLS"] == "required" else { return XCTSkip(what) }
        return Missing(description: what + " (COACHDRILL_TEST_TOOLS=required, as make test sets where apt-get is)")
    }
}
