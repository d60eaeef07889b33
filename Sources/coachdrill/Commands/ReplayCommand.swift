import ArgumentParser
import CoachDrillCore
import Foundation
import ScenarioFormat

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run a transcript's coach lines against today's scenario and engine; list what changed.",
        discussion: """
            Finds the transcript's scenario by id (as `play` does), starts where the session started with \
            the recorded seed, answers with the recorded coach lines, and lists every turn whose marker, \
            stance, traps or next beat differs from the transcript. Says when the scenario file's content \
            hash differs from the one recorded.

            Exit status: 0 when every turn is the same (even if the file changed), 1 when any turn changed, \
            2 when the transcript cannot be replayed (unreadable, scenario missing or broken, a drill).
            """)

    @Argument(help: "A transcript file (.jsonl) written by `coachdrill play`.")
    var transcript: String

    @Option(help: "A folder of scenarios to use instead of the usual places.")
    var scenarios: String?

    func run() throws {
        let style = Style.forStandardOutput()
        let sessions: [Transcript]
        switch TranscriptFiles.read(transcript) {
        case .failure(let problem): throw fail("\(problem)")
        case .success(let read): sessions = read
        }
        let library = ScenarioLibrary.standard(scenariosOption: scenarios)
        var changed = false
        for (index, session) in sessions.enumerated() {
            if index > 0 { StandardOutput.write("") }
            StandardOutput.write(ReplayText.heading(session))
            for note in session.notes { StandardOutput.write(style.dim("note: \(note)")) }
            if session.header.mode == .drill { throw fail(ReplayError.drill(pack: session.header.pack ?? session.header.scenario).description) }
            let path: String
            // By id through the library only: the transcript may have been edited, and its `scenario`
            // field must not name a file to read.
            switch library.resolve(id: session.header.scenario) {
            case .success(let found): path = found
            case .failure(let error): throw fail("\(error)")
            }
            let scenario: Scenario
            switch ScenarioLoader.load(contentsOf: path) {
            case .success(let loaded): scenario = loaded
            case .failure(let diagnostics):
                FileHandle.standardError.write(Data(diagnostics.rendered(color: false).utf8))
                throw fail("scenario '\(path)' does not load; fix it (coachdrill lint) and replay again")
            }
            StandardOutput.write("Scenario: \(TerminalText.sanitize(path, allowNewlines: false))")
            if let note = ReplayText.hashNote(recorded: session.header.scenarioHash, now: ContentHash.of(file: path)) {
                StandardOutput.write(style.yellow(note))
            }
            let result: ReplayResult
            do {
                result = try TranscriptReplay.run(session, scenario: scenario)
            } catch {
                throw fail(error.description)
            }
            StandardOutput.write(ReplayText.render(result, style: style), terminator: "")
            if !result.isIdentical { changed = true }
        }
        if changed { throw ExitCode(1) }
    }

    /// Says what went wrong; exit code 2 means the transcript could not be replayed at all.
    private func fail(_ message: String) -> ExitCode {
        ErrorReport.fail(message, exitCode: 2)
    }
}
