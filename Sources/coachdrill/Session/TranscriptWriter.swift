import CoachDrillCore
import Foundation
import ScenarioFormat

/// Appends a session's events to a JSON Lines file, flushing each to disk (fsync) as it is written, so a
/// killed process loses at most the line being typed. Schema: docs/transcript.md.
final class TranscriptWriter {
    static let formatVersion = 1

    enum OpenError: Error, CustomStringConvertible {
        case cannotOpen(path: String, reason: String)
        case cannotWrite(path: String, reason: String)
        /// An exclusive open found the name taken (another participant's file); pick another name.
        case exists(path: String)

        var description: String {
            switch self {
            case .cannotOpen(let path, let reason):
                "cannot write the transcript to '\(path)': \(reason). Choose another place with --transcript FILE."
            case .cannotWrite(let path, let reason):
                "cannot write the transcript to '\(path)': \(reason). Free some space or choose another place with --transcript FILE."
            case .exists(let path):
                "cannot write the transcript to '\(path)': a file of that name already exists."
            }
        }
    }

    let path: String
    private let descriptor: Int32

    /// Opens (creating folders as needed) and proves the file is writable before the session starts.
    /// `exclusive` refuses a file that already exists (O_EXCL), so writers sharing a folder never share a file.
    init(path: String, exclusive: Bool = false) throws(OpenError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotOpen(path: path, reason: "cannot create folder '\(folder)'")
            }
        }
        // Never a FIFO or device: a FIFO with no reader would hang the session before it starts, and a
        // transcript that goes nowhere is not a record (`--no-transcript` says so plainly).
        switch RegularFile.open(path, flags: O_WRONLY | O_CREAT | O_APPEND | (exclusive ? O_EXCL : 0)) {
        case .success(let fd):
            descriptor = fd
        case .failure(.cannotOpen(_, let code)) where exclusive && code == EEXIST:
            throw .exists(path: path)
        case .failure(let error):
            throw .cannotOpen(path: path, reason: error.description)
        }
    }

    deinit {
        close(descriptor)
    }

    /// Writes one event (a JSON object without the newline) and syncs it to disk.
    func append(_ json: String) throws(OpenError) {
        var bytes = Array(json.utf8)
        bytes.append(UInt8(ascii: "\n"))
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        if fsync(descriptor) != 0, errno != EINVAL {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// `$XDG_DATA_HOME/coachdrill/transcripts/<scenario>-<time>-<pid>.jsonl` (fallback ~/.local/share).
    static func defaultPath(scenarioID: String, environment: [String: String], now: Date) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return "\(base)/coachdrill/transcripts/\(scenarioID)-\(fileStamp(now))-\(getpid()).jsonl"
    }

    static func fileStamp(_ date: Date) -> String {
        UTCTime.compact(date)
    }
}

/// The events of a transcript, as JSON objects.
enum TranscriptEvent {
    static func session(
        scenario: Scenario, contentHash: String, seed: UInt64, mode: String, trainee: String, started: Date
    ) -> String {
        "{\"event\":\"session\",\"version\":\(TranscriptWriter.formatVersion),"
            + "\"scenario\":\(JSONText.quote(scenario.id)),\"scenario_hash\":\(JSONText.quote(contentHash)),"
            + "\"seed\":\(seed),\"mode\":\(JSONText.quote(mode)),\"trainee\":\(JSONText.quote(trainee)),"
            + "\"started\":\(JSONText.quote(isoTime(started)))}"
    }

    static func client(beat: String, text: String) -> String {
        "{\"event\":\"client\",\"beat\":\(JSONText.quote(beat)),\"text\":\(JSONText.quote(text))}"
    }

    static func coach(turn: Int, beat: String, next: String, branch: Int?, seconds: Double, assessment: Assessment) -> String {
        "{\"event\":\"coach\",\"turn\":\(turn),\"beat\":\(JSONText.quote(beat)),\"next\":\(JSONText.quote(next)),"
            + "\"branch\":\(branch.map(String.init) ?? "null"),\"response_seconds\":\(JSONText.number(seconds)),"
            + "\"assessment\":\(AssessmentJSON.object(assessment))}"
    }

    static func undo(turn: Int) -> String {
        "{\"event\":\"undo\",\"turn\":\(turn)}"
    }

    static func end(reason: String, card: Scorecard, ended: Date) -> String {
        let markers = card.tallies.map {
            "{\"marker\":\(JSONText.quote($0.marker.id)),\"partnered\":\($0.partnered),\"advised\":\($0.advised),\"neutral\":\($0.neutral)}"
        }
        let traps = card.traps.map { "{\"trap\":\(JSONText.quote($0.trap.rawValue)),\"count\":\($0.count)}" }
        return "{\"event\":\"end\",\"reason\":\(JSONText.quote(reason)),\"ended\":\(JSONText.quote(isoTime(ended))),"
            + "\"scorecard\":{\"turns\":\(card.turns),\"partnered\":\(card.partneredTurns),\"advised\":\(card.advisedTurns),"
            + "\"markers\":\(JSONText.array(markers)),\"traps\":\(JSONText.array(traps))}}"
    }

    static func isoTime(_ date: Date) -> String {
        UTCTime.iso8601(date)
    }
}
