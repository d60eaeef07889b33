import CoachDrillCore
import Foundation
import ScenarioFormat

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
    struct Problem: Error, Sendable, CustomStringConvertible {
        var path: String
        var message: String

        var description: String { "\(path): \(message)" }
    }

    /// Files named on the command line as they are; folders searched recursively for `*.jsonl`, sorted by
    /// path so reports never depend on the order the file system lists them in. Each file is listed once,
    /// by device and inode, however many names lead to it (`report r r/ ./r`, a link inside the folder):
    /// the first name found stands for it.
    static func find(_ paths: [String]) throws(FindError) -> [String] {
        var seen: Set<FileIdentity> = []
        let files = try findAll(paths).filter { path in
            var info = stat()
            // A name that cannot be looked at is kept, so reading it names the problem.
            guard stat(path, &info) == 0 else { return true }
            return seen.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted
        }
        return files
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func findAll(_ paths: [String]) throws(FindError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .noSuchPath(path) }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            walk(path.hasSuffix("/") ? String(path.dropLast()) : path, into: &found, depth: 0)
            files.append(contentsOf: found.sorted())
        }
        guard !files.isEmpty else { throw .noTranscripts(paths) }
        return files
    }

    /// Folders deeper than this are not searched (a results folder is one or two levels deep).
    static let maxDepth = 32

    /// Every `*.jsonl` file under `directory`, with readdir: FileManager's enumerator costs more than
    /// parsing when a class's results folder holds thousands of files. Hidden entries are skipped, and
    /// symbolic links to folders are not followed (they could loop).
    private static func walk(_ directory: String, into found: inout [String], depth: Int) {
        guard depth <= maxDepth, let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let full = directory + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                // Follow a link to see what it is; a link to a folder is not descended into.
                var info = stat()
                guard stat(full, &info) == 0 else { continue }
                let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                if isFolder, type == Int32(DT_LNK) { continue }
                type = isFolder ? Int32(DT_DIR) : Int32(DT_REG)
            }
            if type == Int32(DT_DIR) {
                walk(full, into: &found, depth: depth + 1)
            } else if type == Int32(DT_REG), name.hasSuffix(".jsonl") {
                found.append(full)
            }
        }
    }

    /// Reads one file's sessions, a block at a time (the reader refuses an over-long line as it arrives,
    /// so a huge file is never held whole). Bytes that are not UTF-8 become U+FFFD rather than failing the
    /// file. A FIFO or device is refused, never opened for reading.
    static func read(_ path: String) -> Result<[Transcript], Problem> {
        let fd: Int32
        switch RegularFile.openForReading(path) {
        case .success(let opened): fd = opened
        case .failure(let error): return .failure(Problem(path: path, message: "cannot read the file: \(error)"))
        }
        defer { close(fd) }
        var stream = TranscriptStream()
        do throws(TranscriptError) {
            if let failure = try RegularFile.forEachBlock(of: fd, { (block: UnsafeRawBufferPointer) throws(TranscriptError) in
                try stream.feed(block)
            }) {
                return .failure(Problem(path: path, message: "cannot read the file: \(failure)"))
            }
            return .success(try stream.finish())
        } catch {
            return .failure(Problem(path: "\(path):\(error.line)", message: error.message))
        }
    }
}
