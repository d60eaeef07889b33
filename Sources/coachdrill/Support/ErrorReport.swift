import ArgumentParser
import Foundation

/// "coachdrill: <message>" on standard error: how every command says what went wrong.
enum ErrorReport {
    static func say(_ message: String) {
        FileHandle.standardError.write(Data("coachdrill: \(message)\n".utf8))
    }

    /// Says what went wrong and gives the exit code for the caller to throw (1 unless it means more).
    static func fail(_ message: String, exitCode: Int32 = 1) -> ExitCode {
        say(message)
        return ExitCode(exitCode)
    }
}
