import Foundation

/// Reads a scenario file from disk: bounded in size, strictly UTF-8, never a FIFO or device.
enum SourceFile {
    /// Stops reading once a file has shown it is over the limit.
    private struct FileTooLarge: Error {}

    /// Why a file's text cannot be had, with as much of the text as could be read (for quoting lines).
    struct Unreadable: Error {
        var diagnostic: Diagnostic
        var partialSource: String = ""
    }

    /// The file's text, or the diagnostic explaining why it cannot be had.
    static func read(_ path: String, limits: LoadLimits) -> Result<String, Unreadable> {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(
                Unreadable(
                    diagnostic:
                        Diagnostic(
                            .unreadableFile, "no such file", at: .file(path),
                            help: "check the path; `coachdrill list` shows the scenarios it can find")))
        }
        if isDirectory.boolValue {
            return .failure(
                Unreadable(
                    diagnostic:
                        Diagnostic(
                            .unreadableFile, "this is a folder, not a scenario file", at: .file(path),
                            help: "name a .yaml file inside it")))
        }
        let fd: Int32
        switch RegularFile.openForReading(path) {
        case .success(let opened): fd = opened
        case .failure(let error):
            return .failure(
                Unreadable(
                    diagnostic: Diagnostic(
                        .unreadableFile, "cannot open the file for reading: \(error)", at: .file(path),
                        help: "name a scenario file (.yaml); check its permissions")))
        }
        defer { close(fd) }
        // The size as opened, so the message can give it; the bounded read below still guards a file that grows.
        var info = stat()
        if fstat(fd, &info) == 0, Int(info.st_size) > limits.maxBytes {
            return .failure(
                Unreadable(
                    diagnostic:
                        Diagnostic(
                            .fileTooLarge,
                            "file is \(info.st_size) bytes; scenario files are limited to \(limits.maxBytes) bytes",
                            at: .file(path),
                            help: "split the scenario into smaller ones; a real scenario is a few kilobytes")))
        }
        var data = Data()
        // One byte past the limit is enough to know the file is too large.
        var failure: String?
        do throws(FileTooLarge) {
            failure = try RegularFile.forEachBlock(of: fd) { (block: UnsafeRawBufferPointer) throws(FileTooLarge) in
                data.append(contentsOf: block.prefix(limits.maxBytes + 1 - data.count))
                if data.count > limits.maxBytes { throw FileTooLarge() }
            }
        } catch {
            failure = nil  // the size check below says so
        }
        if let failure {
            return .failure(
                Unreadable(
                    diagnostic: Diagnostic(.unreadableFile, "cannot read the file: \(failure)", at: .file(path))))
        }
        if data.count > limits.maxBytes {
            return .failure(
                Unreadable(
                    diagnostic:
                        Diagnostic(
                            .fileTooLarge, "file is larger than \(limits.maxBytes) bytes, the limit for scenario files",
                            at: .file(path),
                            help: "split the scenario into smaller ones; a real scenario is a few kilobytes")))
        }
        return decode(data, path: path)
    }

    /// Strict UTF-8; on failure, the line and column of the first bad byte.
    static func decode(_ data: Data, path: String) -> Result<String, Unreadable> {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            return .failure(
                Unreadable(
                    diagnostic:
                        Diagnostic(
                            .invalidEncoding, "file is UTF-16; scenario files must be UTF-8", at: .file(path),
                            help: "save the file as UTF-8 in your editor")))
        }
        // Valid UTF-8, the usual case, in one pass; the scalar walk below only runs to locate an error.
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        var decoded = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        var codec = UTF8()
        var consumed = 0
        while true {
            switch codec.decode(&iterator) {
            case .scalarValue(let scalar):
                decoded.append(scalar)
                consumed += UTF8.width(scalar)
            case .emptyInput:
                return .success(String(decoded))
            case .error:
                let text = String(decoded)
                let location = YAMLErrorMapping.location(of: text.endIndex, in: text, path: path)
                let bad = String(bytes[min(consumed, bytes.count - 1)], radix: 16, uppercase: true)
                return .failure(
                    Unreadable(
                        diagnostic: Diagnostic(
                            .invalidEncoding,
                            "file is not valid UTF-8: byte \(consumed) (0x\(bad)) starts no character",
                            at: location,
                            help: "save the file as UTF-8 in your editor; check text pasted from other programs"),
                        partialSource: String(decoding: bytes, as: UTF8.self)))
            }
        }
    }
}
