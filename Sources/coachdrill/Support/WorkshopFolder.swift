import Foundation

/// The facilitator's state for `coachdrill serve`: a private folder (mode 700) holding the sshd
/// configuration, its ed25519 host key, the workshop code and who each SSH key belongs to.
///
/// Default `$XDG_STATE_HOME/coachdrill/serve` (`~/.local/state/coachdrill/serve`). The host key is kept
/// between workshops, so a participant's `known_hosts` entry stays valid; the code is new each time.
struct WorkshopFolder {
    let path: String

    var configFile: String { path + "/sshd_config" }
    var hostKey: String { path + "/ssh_host_ed25519_key" }
    var codeFile: String { path + "/workshop-code" }
    var participantsFile: String { path + "/participants.tsv" }
    var pidFile: String { path + "/sshd.pid" }
    var logFile: String { path + "/sshd.log" }

    static func defaultPath(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/coachdrill/serve" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/coachdrill/serve"
    }

    /// Creates the folder (and its parents) if missing, readable by its owner only.
    func prepare() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard chmod(path, 0o700) == 0 else { throw Failure("cannot make \(path) private: \(String(cString: strerror(errno)))") }
    }

    /// The code participants type; nil when the file is missing or empty.
    func code() -> String? {
        guard let text = try? String(contentsOfFile: codeFile, encoding: .utf8) else { return nil }
        let code = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return code.isEmpty ? nil : code
    }

    func writeCode(_ code: String) throws {
        try Self.writePrivate(code + "\n", to: codeFile)
    }

    /// The name last given with this key fingerprint, if any.
    func name(forKey fingerprint: String) -> String? {
        guard let text = try? String(contentsOfFile: participantsFile, encoding: .utf8) else { return nil }
        var found: String?
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 1)
            if fields.count == 2, fields[0] == fingerprint { found = String(fields[1]) }
        }
        return found
    }

    /// Remembers the name for the key: one line appended (O_APPEND), so two check-ins at once both land.
    func remember(name: String, forKey fingerprint: String) {
        let clean = name.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        let descriptor = open(participantsFile, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let line = Array("\(fingerprint)\t\(clean)\n".utf8)
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    static func writePrivate(_ text: String, to file: String) throws {
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure("cannot write \(file): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        _ = fchmod(descriptor, 0o600)
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw Failure("cannot write \(file): \(String(cString: strerror(errno)))") }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
