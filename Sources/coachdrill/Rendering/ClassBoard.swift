import CoachDrillCore
import Foundation
import TerminalOutput

/// The live class board `coachdrill serve` shows the facilitator: who is connected, the item each person is
/// on and their time left, items passed so far, and the pack's pass rate. It reads the results folder the
/// drills write (each event is on disk before a drill goes on), so it needs no line to the drills.
struct ClassBoard {
    struct Row: Equatable {
        var name: String
        var connected: Bool
        /// 0-based item being answered; nil between items and after the end.
        var item: Int?
        var secondsLeft: Int?
        var itemsPassed: Int
        var itemsDone: Int
        /// The run's pass or fail, once the participant has finished.
        var passed: Bool?
    }

    let pack: DrillPack
    let folder: String
    /// Files already in the folder when the workshop began: other sessions' runs, not shown.
    private let earlier: Set<String>
    /// When the board first saw each run's current item, for its countdown (transcripts record no clock
    /// times per item; the board looks every second).
    private var itemSeen: [String: (item: Int, at: TimeInterval)] = [:]

    init(pack: DrillPack, folder: String) {
        self.pack = pack
        self.folder = folder
        earlier = Set(Self.runFiles(in: folder))
    }

    static func runFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { folder + "/" + $0 }
    }

    /// The rows now: one per participant (by name; a reconnect shows their latest run).
    mutating func rows(now: TimeInterval) -> [Row] {
        var latest: [String: (started: String, row: Row)] = [:]
        for file in Self.runFiles(in: folder) where !earlier.contains(file) {
            guard case .success(let sessions) = TranscriptFiles.read(file),
                  let run = sessions.last(where: { $0.header.pack == pack.id })
            else { continue }
            let name = run.header.trainee
            let done = Set(run.items.map(\.item))
            let shown = run.clientLines.compactMap(\.item).max()
            var current: Int? = nil
            if run.end == nil, let shown, !done.contains(shown) { current = shown }
            var left: Int?
            if let current {
                if itemSeen[file]?.item != current { itemSeen[file] = (current, now) }
                let since = now - (itemSeen[file]?.at ?? now)
                if pack.items.indices.contains(current) {
                    left = pack.items[current].timeLimitSeconds - Int(since.rounded(.down))
                }
            }
            let row = Row(
                name: name, connected: run.end == nil && Self.isRunning(run.header.run), item: current,
                secondsLeft: left, itemsPassed: run.items.filter(\.passed).count, itemsDone: done.count,
                passed: Self.finished(run) ? run.end?.result?.passed : nil)
            if let kept = latest[name], kept.started > run.header.started { continue }
            latest[name] = (run.header.started, row)
        }
        return latest.values.map(\.row).sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// The participant finished the drill (or ended it with :quit); a run cut off by a dropped connection
    /// or a stopped workshop shows as left, and is not in the board's pass rate (the class report scores it).
    private static func finished(_ run: Transcript) -> Bool {
        guard let reason = run.end?.reason else { return false }
        return reason == .completed || reason == .quit
    }

    /// Whether the drill that writes the run is still running: its process id is in the run id
    /// (`<time>-<pid>-<random>`), and the board runs on the same machine as the drills.
    private static func isRunning(_ run: String?) -> Bool {
        guard let run else { return false }
        let parts = run.split(separator: "-")
        guard parts.count >= 3, let pid = pid_t(parts[parts.count - 2]), pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    // MARK: Text

    static func render(_ rows: [Row], pack: DrillPack, command: String, code: String, style: Style) -> String {
        var out = style.bold("CoachDrill workshop · " + TerminalText.sanitize(pack.title)) + "\n\n"
        out += "Participants type:   " + style.bold(command) + "\n"
        out += "Workshop code:       " + style.bold(code) + "\n"
        out += style.dim("No SSH key yet? Run ssh-keygen once (press Enter at each question), then connect.") + "\n\n"
        let count = pack.items.count
        out += pad("participant", 26) + pad("status", 12) + pad("item", 10) + pad("time left", 14) + "items passed\n"
        if rows.isEmpty { out += style.dim("(nobody yet)") + "\n" }
        for row in rows {
            let status: String
            if let passed = row.passed {
                status = passed ? style.green(pad("passed", 12)) : style.red(pad("not passed", 12))
            } else {
                status = row.connected ? style.green(pad("connected", 12)) : style.yellow(pad("left", 12))
            }
            let item = row.item.map { "\($0 + 1) of \(count)" } ?? (row.passed != nil ? "done" : "–")
            var time = "–"
            if let left = row.secondsLeft {
                time = left > 0 ? Countdown.clock(left) : "time up"
            }
            out += pad(TerminalText.sanitize(row.name, allowNewlines: false), 26) + status + pad(item, 10) + pad(time, 14)
                + "\(row.itemsPassed) of \(count)\n"
        }
        let finished = rows.filter { $0.passed != nil }
        let passed = finished.filter { $0.passed == true }.count
        out += "\n"
        out += finished.isEmpty
            ? "Pack pass rate: – (nobody has finished yet)"
            : "Pack pass rate: \(Int((Double(passed) / Double(finished.count) * 100).rounded()))% (\(passed) of \(finished.count) finished)"
        out += " · \(rows.filter(\.connected).count) connected\n"
        out += style.dim("Ctrl-C ends the workshop (it asks first).") + "\n"
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        let shown = DisplayWidth.of(text)
        return shown >= width ? text + " " : text + String(repeating: " ", count: width - shown)
    }
}
