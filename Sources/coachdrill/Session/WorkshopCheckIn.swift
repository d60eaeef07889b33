import Foundation
import LineEditor
import TerminalOutput

/// The door of a drill served over SSH (`coachdrill serve`): before the first item the participant gives
/// their name and the workshop code on the facilitator's screen. A wrong code ends the connection. The SSH
/// key they connected with (sshd's ExposeAuthInfo) is recorded with the run, and a key seen before brings
/// its name back, so a reconnect continues as the same person.
struct WorkshopCheckIn {
    let folder: WorkshopFolder
    let reader: LineReader
    let say: (String) -> Void

    enum Outcome {
        case admitted(name: String, keyFingerprint: String?)
        case refused
        case left
    }

    /// Names are a few words; anything longer is pasted by mistake.
    static let maxNameLength = 80

    func run(environment: [String: String]) -> Outcome {
        let fingerprint = environment["SSH_USER_AUTH"].flatMap(Self.fingerprint(ofAuthInfo:))
        var name = fingerprint.flatMap { folder.name(forKey: $0) }
        if let known = name {
            say("Welcome back, \(TerminalText.sanitize(known)). (Not you? Type your own name; Enter keeps this one.)")
            switch ask("Your name [\(TerminalText.sanitize(known))]: ") {
            case .line(let typed):
                let trimmed = Self.clean(typed)
                if !trimmed.isEmpty { name = trimmed }
            case .none: return .left
            }
        }
        while name == nil {
            switch ask("Your name: ") {
            case .line(let typed):
                let trimmed = Self.clean(typed)
                if !trimmed.isEmpty { name = trimmed } else { say("Please type the name your results should carry.") }
            case .none: return .left
            }
        }
        guard let name else { return .left }
        switch ask("Workshop code (on the facilitator's screen): ") {
        case .line(let typed):
            guard let code = folder.code(), typed.trimmingCharacters(in: .whitespaces) == code else {
                say("That is not this workshop's code. Check the facilitator's screen and connect again.")
                return .refused
            }
        case .none: return .left
        }
        if let fingerprint { folder.remember(name: name, forKey: fingerprint) }
        return .admitted(name: name, keyFingerprint: fingerprint)
    }

    private enum Answer {
        case line(String)
        case none
    }

    private func ask(_ prompt: String) -> Answer {
        while true {
            switch reader.readLine(prompt: prompt) {
            case .line(let text): return .line(text)
            case .interrupted: continue
            case .endOfInput, .terminated: return .none
            }
        }
    }

    private static func clean(_ typed: String) -> String {
        let oneLine = typed.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }
        let text = String(String.UnicodeScalarView(oneLine)).trimmingCharacters(in: .whitespaces)
        return String(text.prefix(maxNameLength))
    }

    /// `SHA256:…` of the public key in sshd's ExposeAuthInfo file ("publickey ssh-ed25519 AAAA…"), as
    /// `ssh-keygen -l` prints it.
    static func fingerprint(ofAuthInfo file: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("publickey ") })
        else { return nil }
        let fields = line.split(separator: " ")
        guard fields.count >= 3, let blob = Data(base64Encoded: String(fields[2])) else { return nil }
        return "SHA256:" + SHA256.digest(blob).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }
}
