import CoachDrillCore
import Foundation
import ScenarioFormat

/// Appends a session's events to a JSON Lines file, flushing each to disk (fsync) as it is written, so a
/// killed process loses at most the line being typed. Schema: docs/transcript.md.
final class TranscriptWriter {
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

    /// Writes one event as a line (`TranscriptEvent.jsonLine()`) and syncs it to disk.
    func append(_ event: TranscriptEvent) throws(OpenError) {
        var bytes: [UInt8]
        do {
            bytes = try event.jsonLine()
        } catch {
            throw .cannotWrite(path: path, reason: error.description)
        }
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
