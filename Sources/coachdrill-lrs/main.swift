import Foundation
import LRSDelivery

// coachdrill-lrs: sends the xAPI statements `coachdrill report --lrs` hands it to a Learning Record Store.
// It is a program of its own so that coachdrill never links FoundationNetworking, which only sending
// needs; LRSHelperProtocol (in LRSDelivery) is the whole contract between the two: arguments, password,
// input, output and exit statuses.

/// One line on standard error: a retry note as it happens, or why the input cannot be used.
func say(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// The outcome on standard output, then the exit status that goes with it.
func finish(_ status: LRSHelperProtocol.ExitStatus, _ outcome: String) -> Never {
    FileHandle.standardOutput.write(Data((outcome + "\n").utf8))
    exit(status.rawValue)
}

func unusable(_ message: String) -> Never {
    say("\(LRSHelperProtocol.executableName): \(message)")
    exit(LRSHelperProtocol.ExitStatus.unusable.rawValue)
}

let request: LRSHelperProtocol.Request
do throws(LRSHelperProtocol.UsageError) {
    request = try LRSHelperProtocol.Request(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    unusable(error.description)
}

let password = ProcessInfo.processInfo.environment[LRSDelivery.passwordVariable]
if let user = request.user, password?.isEmpty ?? true {
    unusable("--user \(user) needs its password in the \(LRSDelivery.passwordVariable) environment variable")
}

// All of the input first: the notes name the number of batches.
let statements = LRSHelperProtocol.statements(in: FileHandle.standardInput.readDataToEndOfFile())
let client = LRSClient(
    statementsURL: request.statementsURL, user: request.user, password: password, batchSize: request.batchSize,
    note: say)
do throws(LRSDelivery.Failure) {
    finish(.stored, String(try client.send(statements)))
} catch {
    finish(.notStored, error.description)
}
