import Foundation

/// Opening files that strangers may have named: scenarios, packs, transcripts and outputs.
///
/// A FIFO or a device under a file's name must not be opened by accident: opening a FIFO blocks until
/// someone opens the other end (forever, in a shared results folder), and reading `/dev/zero` never ends.
/// So the open is non-blocking, `fstat` then says what was opened, and anything but a regular file is
/// refused with a message that names what it is.
public enum RegularFile {
    public enum OpenError: Error, Sendable, Equatable, CustomStringConvertible {
        /// open(2) or fstat(2) failed: the system's reason, and its errno (EEXIST for an exclusive create).
        case cannotOpen(String, errno: Int32)
        /// The name leads to something other than a regular file ("a FIFO", "a character device"...).
        case notRegular(String)

        public var description: String {
            switch self {
            case .cannotOpen(let reason, _): reason
            case .notRegular(let kind): "it is \(kind), not a regular file"
            }
        }
    }

    /// Opens `path` for reading and returns the descriptor (blocking again, positioned at the start).
    public static func openForReading(_ path: String) -> Result<Int32, OpenError> {
        open(path, flags: O_RDONLY)
    }

    /// Opens `path` with `flags` (O_WRONLY, O_CREAT...) plus O_NONBLOCK and O_CLOEXEC, and keeps the
    /// descriptor only when it is a regular file. A FIFO opened for writing with no reader fails at once
    /// (ENXIO) instead of waiting.
    public static func open(_ path: String, flags: Int32, mode: mode_t = 0o644) -> Result<Int32, OpenError> {
        let fd = Foundation.open(path, flags | O_NONBLOCK | O_CLOEXEC, mode)
        guard fd >= 0 else {
            let code = errno
            if code == ENXIO { return .failure(.notRegular("a FIFO with no reader")) }
            return .failure(.cannotOpen(String(cString: strerror(code)), errno: code))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            return .failure(.cannotOpen(String(cString: strerror(code)), errno: code))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return .failure(.notRegular(kind(of: info.st_mode)))
        }
        // Regular files never block; clearing the flag keeps later reads and writes ordinary.
        let current = fcntl(fd, F_GETFL)
        if current >= 0 { _ = fcntl(fd, F_SETFL, current & ~O_NONBLOCK) }
        return .success(fd)
    }

    /// Reads `fd` to its end in blocks, handing each to `body`; stops early (with the error) when `body`
    /// throws. Nothing larger than one block is held here. Returns nil at the end of the file, or the
    /// system's reason when a read fails.
    public static func forEachBlock<E: Error>(
        of fd: Int32, size: Int = 1 << 16, _ body: (UnsafeRawBufferPointer) throws(E) -> Void
    ) throws(E) -> String? {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            if count == 0 { return nil }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// "a FIFO", "a folder"...: what a file mode says a name leads to, for messages.
    public static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "a regular file"
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }
}
