import CoachDrillCore
import Foundation
import ScenarioFormat

/// One scripted session played through the built binary the way a person plays (issue 15, section 7), and
/// what went wrong in it: the script is piped to `coachdrill play`, and the transcript the binary wrote is
/// read back against the scenario.
///
/// A script is one coach line per line, 8 to 16 of them, mixing partnering and advising; blank lines and
/// `#` comments are skipped, and `# seed: N` picks the seed (default 1).
struct Playthrough {
    let scenarioPath: String
    let scriptPath: String

    static let lineCount = 8...16

    /// The coach lines and the seed of a script.
    static func script(_ text: String) -> (lines: [String], seed: UInt64) {
        var lines: [String] = []
        var seed: UInt64 = 1
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") {
                let comment = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if comment.hasPrefix("seed:"), let value = UInt64(comment.dropFirst(5).trimmingCharacters(in: .whitespaces)) {
                    seed = value
                }
                continue
            }
            if !line.isEmpty { lines.append(line) }
        }
        return (lines, seed)
    }

    /// Plays the script and returns every problem found, each a sentence naming the turn; none is a pass.
    func problems() throws -> [String] {
        let scenario: Scenario
        switch ScenarioLoader.load(contentsOf: scenarioPath) {
        case .success(let loaded): scenario = loaded
        case .failure(let diagnostics): return ["the scenario does not load:\n" + diagnostics.rendered(color: false)]
        }
        let (lines, seed) = Self.script(try String(contentsOfFile: scriptPath, encoding: .utf8))
        var problems: [String] = []
        if !Self.lineCount.contains(lines.count) {
            problems.append("the script has \(lines.count) coach lines; a playthrough has \(Self.lineCount.lowerBound) to \(Self.lineCount.upperBound)")
        }
        let transcriptPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("cd-playthrough-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: transcriptPath) }
        let result = try CoachDrillBinary.run(
            ["play", scenarioPath, "--seed", String(seed), "--transcript", transcriptPath, "--as", "playthrough"],
            input: lines.joined(separator: "\n") + "\n")
        guard result.status == 0 else { return problems + ["play exited with \(result.status): \(result.stderr)"] }
        let sessions = try TranscriptReader.sessions(in: try String(contentsOfFile: transcriptPath, encoding: .utf8))
        guard let session = sessions.first, sessions.count == 1 else { return problems + ["no single session was recorded"] }
        return problems + Self.problems(in: session, of: scenario, lines: lines.count, output: result.stdout)
    }

    /// The checks on a recorded session, in the order a reader meets them.
    static func problems(in session: Transcript, of scenario: Scenario, lines: Int, output: String) -> [String] {
        var problems: [String] = []
        let turns = session.turns
        let stances = Set(turns.map(\.assessment.stance))
        if !stances.contains(.partner) || !stances.contains(.advise) {
            problems.append("the script should mix partnering and advising; the engine judged: \(turns.map(\.assessment.stance.rawValue))")
        }
        if turns.count < lines {
            problems.append("the session ended after turn \(turns.count), but the script has \(lines) lines")
        }
        // What the client said after each answer (announcements apart), in file order.
        let said = clientLines(after: turns, in: session)
        if let first = session.clientLines.first, scenario.beat(first.beat)?.client.contains(first.text) != true {
            problems.append("the opening line of the start beat '\(first.beat)' was not said first")
        }
        for (index, turn) in turns.enumerated() {
            let replies = said[index]
            let quoted = "turn \(turn.turn) (\"\(turn.assessment.text)\", \(turn.assessment.stance.rawValue) on \(turn.assessment.marker?.id ?? "no marker"))"
            if turn.assessment.stance == .partner, let confused = replies.lines.first(where: ConfusionReply.isConfusion) {
                problems.append("\(quoted): a partnering line met with confusion: \"\(confused)\"")
            }
            guard let next = turn.next, next != turn.beat, let nextBeat = scenario.beat(next) else { continue }
            let branch = turn.branch.flatMap { index in scenario.beat(turn.beat)?.branches[safe: index] }
            let leadsIn = (branch?.leadsIn ?? false) && !nextBeat.end
            if !leadsIn, !replies.lines.contains(where: nextBeat.client.contains) {
                problems.append("\(quoted): moved to beat '\(next)', but its opening line was never said")
            }
            if nextBeat.end {
                let chosen = branch != nil && turn.assessment.marker == .closing
                let announced = index > 0 && said[index - 1].announced
                if !chosen, !announced, nextBeat.announce != .none {
                    problems.append("\(quoted): the session ended at '\(next)' without the coach closing it or an announcement")
                }
            }
        }
        let ended = turns.last.flatMap { $0.next }.flatMap { scenario.beat($0) }?.end == true
        if !ended || session.end?.reason != .completed {
            problems.append("the session did not reach an end beat by the end of the script")
        }
        if output.contains(PracticeSessionText.endedReminder) {
            problems.append("the script goes on after the session ended")
        }
        return problems
    }

    /// For each turn, the client lines said after it (before the next answer) and whether one of them was the
    /// announcement of an ending.
    private static func clientLines(after turns: [TranscriptTurn], in session: Transcript) -> [(lines: [String], announced: Bool)] {
        turns.enumerated().map { index, turn in
            let end = index + 1 < turns.count ? turns[index + 1].line : Int.max
            let between = session.clientLines.filter { $0.line > turn.line && $0.line < end }
            return (between.filter { !$0.isAnnouncement }.map(\.text), between.contains(where: \.isAnnouncement))
        }
    }
}

/// What `play` prints to a line typed after the session ended (PracticeSession.endedReminder).
enum PracticeSessionText {
    static let endedReminder = "The session has ended, so that line was not judged."
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
