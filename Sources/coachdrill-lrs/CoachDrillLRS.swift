import ArgumentParser
import Foundation
import LRSDelivery

/// coachdrill-lrs: sends the xAPI statements `coachdrill report --lrs` hands it to a Learning Record Store.
/// It is a program of its own so that coachdrill never links FoundationNetworking, which only sending
/// needs; LRSHelperProtocol (in LRSDelivery) is the whole contract between the two: arguments, password,
/// input, output and exit statuses.
@main
struct CoachDrillLRS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: LRSHelperProtocol.executableName,
        abstract: "Sends xAPI statements, one JSON object a line on standard input, to an LRS.",
        discussion: "coachdrill report --lrs runs this; the password is read from \(LRSDelivery.passwordVariable).")

    @Option(help: "The LRS user for Basic auth; the password is read from \(LRSDelivery.passwordVariable).")
    var user: String?

    @Option(help: "Statements a request (1 to 1000).")
    var batch: Int = LRSDelivery.defaultBatchSize

    @Argument(help: "The LRS's statements URL (<endpoint>/statements).")
    var statementsURL: String

    func validate() throws {
        guard LRSDelivery.batchSizes.contains(batch) else { throw ValidationError("--batch needs a number from 1 to 1000") }
        guard let url = URL(string: statementsURL), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", !(url.host ?? "").isEmpty, url.user == nil, url.password == nil
        else { throw ValidationError("the statements URL must be an http(s) URL without credentials") }
        if let failure = LRSDelivery.credentialsCheck(url, user: user) { throw ValidationError(failure.message) }
    }

    func run() throws {
        guard let url = URL(string: statementsURL) else { return }  // validate() checked it
        let password = ProcessInfo.processInfo.environment[LRSDelivery.passwordVariable]
        if let user, password?.isEmpty ?? true {
            say("\(LRSHelperProtocol.executableName): --user \(user) needs its password in the "
                + "\(LRSDelivery.passwordVariable) environment variable")
            throw ExitCode(LRSHelperProtocol.ExitStatus.unusable.rawValue)
        }
        // All of the input first: the notes name the number of batches.
        let statements = LRSHelperProtocol.statements(in: FileHandle.standardInput.readDataToEndOfFile())
        let client = LRSClient(statementsURL: url, user: user, password: password, batchSize: batch, note: say)
        do throws(LRSDelivery.Failure) {
            answer(String(try client.send(statements)))
        } catch {
            answer(error.description)
            throw ExitCode(LRSHelperProtocol.ExitStatus.notStored.rawValue)
        }
    }

    /// One line on standard error: a retry note as it happens, or why the password is missing.
    private func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The outcome, on standard output: the number of batches, or why a batch was not stored.
    private func answer(_ outcome: String) {
        FileHandle.standardOutput.write(Data((outcome + "\n").utf8))
    }
}
