import Foundation

/// The name `--as` defaults to: the login name of whoever runs CoachDrill.
enum LoginName {
    /// $USER, then $LOGNAME, then the password database's entry for the real user id: cron, containers,
    /// `env -i` and some service managers leave both variables unset, and the transcript should still say
    /// who practised. "trainee" only when even that is missing (a user id with no entry).
    static func current(environment: [String: String]) -> String {
        for variable in ["USER", "LOGNAME"] {
            if let name = environment[variable]?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
                return name
            }
        }
        if let entry = getpwuid(getuid()), let pointer = entry.pointee.pw_name {
            let name = String(cString: pointer)
            if !name.isEmpty { return name }
        }
        return "trainee"
    }

    /// The account this process runs as, from the password database (effective user id), never from
    /// $USER or $LOGNAME: sshd's AllowUsers must name the account sshd really runs as, whatever the
    /// environment says (`sudo -E`, `su` without `-`, a stale or hand-set $USER). Nil for a user id with no entry.
    static func effectiveAccount() -> String? {
        guard let entry = getpwuid(geteuid()), let pointer = entry.pointee.pw_name else { return nil }
        let name = String(cString: pointer)
        return name.isEmpty ? nil : name
    }
}
