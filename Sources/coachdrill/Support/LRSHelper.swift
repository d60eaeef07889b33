import Foundation
import LRSDelivery
import ScenarioFormat

/// `report --lrs`'s sending, done by `coachdrill-lrs` in a process of its own, so that coachdrill links no
/// FoundationNetworking (LRSHelperProtocol is the contract, and says why). This side frames the statements,
/// relays the helper's retry notes as they come, and turns its exit into a result.
struct LRSHelper {
    enum Failure: Error, CustomStringConvertible {
        /// coachdrill cannot tell where its own executable is, so not where the helper is either.
        case ownPathUnknown
        /// No runnable coachdrill-lrs beside coachdrill: built alone (`swift build --product coachdrill`), or
        /// copied without it.
        case missing(path: String)
        case cannotStart(path: String, reason: String)
        case cannotFrame(LRSHelperProtocol.FramingFailure)
        /// The LRS did not store every batch; the helper's description of why (LRSDelivery.Failure).
        case notStored(String)
        /// The helper could not use its arguments, password or input (it said why, relayed above): a helper
        /// from another build than coachdrill's.
        case unusable(path: String)
        /// A crash, a signal, or an answer that is not the protocol's.
        case broke(path: String, how: String)

        var description: String {
            switch self {
            case .ownPathUnknown:
                return "cannot find coachdrill's own executable, and coachdrill-lrs, which sends the statements, "
                    + "is looked for next to it"
            case .missing(let path):
                return "coachdrill-lrs is not next to coachdrill (no \(path)); it sends the statements to the LRS, "
                    + "and `make install` installs both"
            case .cannotStart(let path, let reason):
                return "cannot start \(path): \(reason)"
            case .cannotFrame(let failure):
                return failure.description
            case .notStored(let description):
                return description
            case .unusable(let path):
                return "\(path) could not use what coachdrill gave it (above); is it from the same build as coachdrill? "
                    + "`make install` installs both"
            case .broke(let path, let how):
                return "\(path) \(how); the LRS may hold some of the statements, and sending again does not repeat them"
            }
        }
    }

    let executable: URL

    /// The helper next to this executable, symlinks resolved: a `coachdrill` linked into ~/bin still finds
    /// the coachdrill-lrs installed beside the real file, and never another one on PATH.
    static func besideThisExecutable() throws(Failure) -> LRSHelper {
        guard let own = ScenarioLibrary.currentExecutablePath() else { throw .ownPathUnknown }
        let helper = URL(fileURLWithPath: own).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent(LRSHelperProtocol.executableName)
        guard FileManager.default.isExecutableFile(atPath: helper.path) else { throw .missing(path: helper.path) }
        return LRSHelper(executable: helper)
    }

    /// Sends the statements (each one JSON on one line) as `request` says; returns how many batches it took.
    /// `note` gets each retry note as the helper writes it.
    func send(_ statements: [String], _ request: LRSHelperProtocol.Request, note: (String) -> Void) throws(Failure) -> Int {
        let input: Data
        switch LRSHelperProtocol.frame(statements) {
        case .success(let framed): input = framed
        case .failure(let failure): throw .cannotFrame(failure)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = request.arguments
        // The environment is inherited as it is: the password travels in COACHDRILL_LRS_PASSWORD.
        let toHelper = Pipe()
        let outcome = Pipe()
        let notes = Pipe()
        process.standardInput = toHelper
        process.standardOutput = outcome
        process.standardError = notes
        do {
            try process.run()
        } catch {
            throw .cannotStart(path: executable.path, reason: error.localizedDescription)
        }
        // All of the input, then the end of it: the helper reads everything before it writes a word, so
        // nothing waits on a full pipe. A helper that stops early leaves the write failing with EPIPE
        // (coachdrill ignores SIGPIPE); its status and its own words say why.
        try? toHelper.fileHandleForWriting.write(contentsOf: input)
        try? toHelper.fileHandleForWriting.close()
        Self.forEachLine(of: notes.fileHandleForReading.fileDescriptor, note)
        let answer = String(decoding: outcome.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()

        let path = executable.path
        guard process.terminationReason == .exit else {
            throw .broke(path: path, how: "was stopped by signal \(process.terminationStatus)")
        }
        switch LRSHelperProtocol.ExitStatus(rawValue: process.terminationStatus) {
        case .stored:
            guard let batches = Int(answer) else { throw .broke(path: path, how: "answered \"\(answer)\", not a number of batches") }
            return batches
        case .notStored:
            guard !answer.isEmpty else { throw .broke(path: path, how: "failed without saying why") }
            throw .notStored(answer)
        case .unusable:
            throw .unusable(path: path)
        case nil:
            throw .broke(path: path, how: "exited with status \(process.terminationStatus)")
        }
    }

    /// Reads `descriptor` to its end, handing over each line as soon as it is complete (a retry note is
    /// followed by a pause of seconds, so it must show before the pause, not after). POSIX reads, because
    /// FileHandle's throwing `read(upToCount:)` waits for the whole count.
    private static func forEachLine(of descriptor: Int32, _ body: (String) -> Void) {
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            pending.append(contentsOf: buffer[0..<count])
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                body(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        if !pending.isEmpty { body(String(decoding: pending, as: UTF8.self)) }
    }
}
