import CoachDrillCore
import Foundation

/// Finds transcript files under the paths given on the command line and reads them.
enum TranscriptFiles {
    enum FindError: Error, CustomStringConvertible {
        case noSuchPath(String)
        case noTranscripts([String])

        var description: String {
            switch self {
            case .noSuchPath(let path):
                "no file or folder at '\(path)'"
            case .noTranscripts(let paths):
                "no transcripts (*.jsonl) under \(paths.map { "'\($0)'" }.joined(separator: ", "))"
            }
        }
    }

    /// A file that could not be read, or was read with something to say about it.
    struct Problem: Error, CustomStringConvertible {
        var path: String
        var message: String

        var description: String { "\(path): \(message)" }
    }

    /// Files named on the command line as they are; folders searched recursively for `*.jsonl`, sorted by
    /// path so reports never depend on the order the file system lists them in.
    static func find(_ paths: [String]) throws(FindError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .noSuchPath(path) }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            let base = path.hasSuffix("/") ? path : path + "/"
            if let walker = FileManager.default.enumerator(atPath: path) {
                for case let relative as String in walker where relative.hasSuffix(".jsonl") {
                    let full = base + relative
                    var nestedIsDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: full, isDirectory: &nestedIsDirectory), !nestedIsDirectory.boolValue {
                        found.append(full)
                    }
                }
            }
            files.append(contentsOf: found.sorted())
        }
        guard !files.isEmpty else { throw .noTranscripts(paths) }
        return files
    }

    /// Reads one file's sessions. Bytes that are not UTF-8 become U+FFFD rather than failing the file.
    static func read(_ path: String) -> Result<[Transcript], Problem> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Problem(path: path, message: "cannot read the file"))
        }
        let text = String(decoding: data, as: UTF8.self)
        do throws(TranscriptError) {
            return .success(try TranscriptReader.sessions(in: text))
        } catch {
            return .failure(Problem(path: "\(path):\(error.line)", message: error.message))
        }
    }
}
