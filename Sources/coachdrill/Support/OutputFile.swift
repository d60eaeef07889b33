import Foundation
import ScenarioFormat

/// Writes a whole output file (`report --output FILE`) the careful way: into a temporary file in the same
/// folder, synced, then renamed over the target, so a reader never sees half a report and a failed write
/// leaves the old one in place.
///
/// Only a regular file is ever replaced. Renaming over a device node, a FIFO or a symbolic link would turn
/// it into a regular file (as root, `--output /dev/null` would delete the device), so those are refused.
/// An existing file keeps its permissions (a 0600 report stays private) and, where allowed, its owner.
enum OutputFile {
    enum WriteError: Error, Equatable, CustomStringConvertible {
        case notRegular(path: String, kind: String)
        case cannotWrite(path: String, reason: String)

        var description: String {
            switch self {
            case .notRegular(let path, let kind):
                "will not replace '\(path)': it is \(kind), not a regular file; name a file for --output"
            case .cannotWrite(let path, let reason):
                "cannot write '\(path)': \(reason)"
            }
        }
    }

    static func write(_ text: String, to path: String) throws(WriteError) {
        var existing = stat()
        let exists: Bool
        if lstat(path, &existing) == 0 {
            guard existing.st_mode & S_IFMT == S_IFREG else {
                throw .notRegular(path: path, kind: RegularFile.kind(of: existing.st_mode))
            }
            exists = true
        } else if errno == ENOENT {
            exists = false
        } else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }

        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + name + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        func fail(_ reason: String) -> WriteError {
            unlink(temporary)
            return .cannotWrite(path: path, reason: reason)
        }

        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw fail(String(cString: strerror(errno)))
            }
            offset += written
        }
        // mkostemp made the file 0600; give it the old file's mode, or what a new file would have had.
        let mode = exists ? existing.st_mode & 0o7777 : 0o666 & ~currentUmask()
        if exists { _ = fchown(fd, existing.st_uid, existing.st_gid) }  // only root may; others keep their own
        guard fchmod(fd, mode) == 0 else { throw fail(String(cString: strerror(errno))) }
        guard fsync(fd) == 0 else { throw fail(String(cString: strerror(errno))) }
        closed = true
        guard close(fd) == 0 else { throw fail(String(cString: strerror(errno))) }
        guard rename(temporary, path) == 0 else { throw fail(String(cString: strerror(errno))) }
    }

    /// The process's umask (reading it means setting it; it is put straight back).
    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
