import CoachDrillCore
import Foundation
import Testing

@testable import ScenarioFormat

@Suite struct ScenarioLibraryTests {
    private func scenario(id: String, title: String = "A title", persona: String = "Sam", difficulty: String = "gentle")
        -> String
    {
        """
        id: \(id)
        title: \(title)
        summary: A short one.
        difficulty: \(difficulty)
        markers: [8.9]
        traps: [coach-closed-session]
        persona: { name: \(persona) }
        start: only
        beats:
          only:
            client: Bye.
            end: true
        """
    }

    @Test func searchOrderPrefersTheOptionThenTheEnvironmentThenTheDefaults() {
        let withOption = ScenarioLibrary.standard(
            scenariosOption: "/opt/mine", environment: ["COACHDRILL_SCENARIOS": "/env"], currentDirectory: "/work",
            executablePath: "/usr/local/bin/coachdrill")
        #expect(withOption.directories == ["/opt/mine"])
        let withEnvironment = ScenarioLibrary.standard(
            scenariosOption: nil, environment: ["COACHDRILL_SCENARIOS": "/env:/env2"], currentDirectory: "/work",
            executablePath: "/usr/local/bin/coachdrill")
        #expect(withEnvironment.directories == ["/env", "/env2"])
        let defaults = ScenarioLibrary.standard(
            scenariosOption: nil, environment: [:], currentDirectory: "/work",
            executablePath: "/usr/local/bin/coachdrill")
        #expect(defaults.directories == ["/work/Scenarios", "/usr/local/share/coachdrill/Scenarios"])
    }

    @Test func listsScenariosSortedByIdAndReportsBrokenFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("zeta.yaml", scenario(id: "zeta", title: "Last", persona: "Zoe"))
        try directory.write("alpha.yaml", scenario(id: "alpha", title: "First", persona: "Al", difficulty: "stretch"))
        try directory.write("broken.yaml", "id: broken\n")
        try directory.write("notes.txt", "not a scenario")
        try directory.write("packs/pack.yaml", "not: searched")
        let listing = ScenarioLibrary(directories: [directory.path]).list()
        #expect(listing.entries.map(\.id) == ["alpha", "zeta"])
        let alpha = try #require(listing.entries.first)
        #expect(alpha.title == "First")
        #expect(alpha.personaName == "Al")
        #expect(alpha.difficulty == .stretch)
        #expect(alpha.markers == [.closing])
        #expect(alpha.traps == [.coachClosedSession])
        #expect(alpha.path == directory.path + "/alpha.yaml")
        #expect(listing.failures.map(\.path) == [directory.path + "/broken.yaml"])
    }

    @Test func findsByIdOrPathAndEarlierFoldersWin() throws {
        let first = try TemporaryDirectory()
        let second = try TemporaryDirectory()
        try first.write("shared.yaml", scenario(id: "shared", title: "From first"))
        try second.write("shared.yaml", scenario(id: "shared", title: "From second"))
        try second.write("only-second.yaml", scenario(id: "only-second"))
        let library = ScenarioLibrary(directories: [first.path, "/does/not/exist", second.path])
        #expect(try library.load("shared").get().title == "From first")
        #expect(try library.load("only-second").get().id == "only-second")
        #expect(try library.load(second.path + "/shared.yaml").get().title == "From second")
        #expect(library.list().entries.map(\.title) == ["A title", "From first"])
    }

    @Test func anUnknownIdSuggestsTheNearestOne() throws {
        let directory = try TemporaryDirectory()
        try directory.write("new-manager.yaml", scenario(id: "new-manager"))
        let library = ScenarioLibrary(directories: [directory.path])
        guard case .failure(let error) = library.resolve("new-managr") else {
            Issue.record("expected a failure")
            return
        }
        #expect(error == .noSuchScenario("new-managr", searched: [directory.path], suggestion: "new-manager"))
        #expect(error.description.hasPrefix("no scenario 'new-managr' (did you mean 'new-manager'?); looked in "))
    }

    @Test func aFileThatDoesNotLoadIsReportedWithItsDiagnostics() throws {
        let directory = try TemporaryDirectory()
        try directory.write("bad.yaml", "id: bad\n")
        guard
            case .failure(.invalid(let path, let diagnostics)) = ScenarioLibrary(directories: [directory.path]).load(
                "bad")
        else {
            Issue.record("expected .invalid")
            return
        }
        #expect(path == directory.path + "/bad.yaml")
        #expect(diagnostics.hasErrors)
    }
}
