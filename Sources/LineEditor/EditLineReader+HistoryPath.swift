#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EditLineReader {
    /// Where CoachDrill keeps line history: `$XDG_STATE_HOME/coachdrill/history`, or
    /// `~/.local/state/coachdrill/history` when XDG_STATE_HOME is unset or not absolute (as the XDG
    /// Base Directory spec requires). Creates the folder (mode 0700: history holds what the user
    /// typed). Nil when there is no home to put it in or the folder cannot be made.
    public static func defaultHistoryPath(environment: [String: String]) -> String? {
        let stateHome: String
        if let configured = environment["XDG_STATE_HOME"], configured.hasPrefix("/") {
            stateHome = configured
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            stateHome = home == "/" ? "/.local/state" : home + "/.local/state"
        } else {
            return nil
        }
        let folder = stateHome + "/coachdrill"
        guard makeDirectories(folder) else { return nil }
        return folder + "/history"
    }

    /// `mkdir -p` with mode 0700 for the folders it creates.
    private static func makeDirectories(_ path: String) -> Bool {
        var prefix = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                return false
            }
        }
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
