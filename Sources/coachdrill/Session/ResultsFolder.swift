import Foundation

/// Where drill transcripts go: one new file per participant and run, in a folder that may be shared by a
/// whole room (a network share, a synced drive, a USB stick).
///
/// Names never collide: `<name>-<pack>-<UTC time>-<pid>-<random>.jsonl`, created with O_EXCL, and a taken
/// name is retried with a fresh random part. Names use only `a-z 0-9 - T Z .`, which every file system
/// (FAT on a USB stick included) and every synced drive accepts.
enum ResultsFolder {
    static let defaultPath = "results"

    enum CreateError: Error, CustomStringConvertible {
        case cannotCreate(folder: String, reason: String)

        var description: String {
            switch self {
            case .cannotCreate(let folder, let reason):
                "cannot write results into '\(folder)': \(reason). Choose another folder with --results DIR."
            }
        }
    }

    /// A new transcript file and the run id recorded in it (the file name's time, pid and random part).
    static func create(
        in folder: String, packID: String, trainee: String, now: Date
    ) throws(CreateError) -> (writer: TranscriptWriter, run: String) {
        let stem = slug(trainee) + "-" + packID
        for _ in 0..<maxAttempts {
            let run = "\(TranscriptWriter.fileStamp(now))-\(getpid())-\(randomSuffix())"
            let path = join(folder, "\(stem)-\(run).jsonl")
            do throws(TranscriptWriter.OpenError) {
                return (try TranscriptWriter(path: path, exclusive: true), run)
            } catch {
                switch error {
                case .exists: continue
                case .cannotOpen(_, let reason), .cannotWrite(_, let reason):
                    throw .cannotCreate(folder: folder, reason: reason)
                }
            }
        }
        throw .cannotCreate(folder: folder, reason: "every name tried was taken")
    }

    /// Collisions need the same second, pid and six random characters; a few retries are plenty.
    static let maxAttempts = 16

    /// A participant's name as a file-name part: ASCII letters and digits, lowercased, accents dropped,
    /// other runs of characters joined by '-'; at most 32 characters; "participant" when nothing is left.
    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        var out = ""
        for scalar in folded.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
            if out.count >= 32 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "participant" : out
    }

    /// Six characters from an alphabet without look-alikes (no 0/o, 1/l), from the system's random source.
    static func randomSuffix() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<6).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
