import Foundation

/// How `coachdrill report --lrs` hands its xAPI statements to `coachdrill-lrs`, the small executable that
/// sends them. Sending is a program of its own so that coachdrill never loads FoundationNetworking: URLSession
/// brings 32 more shared libraries (libcurl, OpenSSL, GnuTLS, Kerberos, LDAP, SSH2, ...) whose symbol
/// look-ups made every coachdrill command start nearly three times slower than a bare Foundation tool, though
/// only `report --lrs` ever sends anything (docs/performance.md).
///
/// - Which helper: the `coachdrill-lrs` in the folder of coachdrill's own executable, symlinks resolved
///   (/proc/self/exe on Linux), never one found on PATH, so that the two come from the same build or the
///   same `make install`.
/// - Arguments: `coachdrill-lrs [--user=NAME] [--batch=N] STATEMENTS_URL`. The URL is the
///   `<endpoint>/statements` coachdrill made of `--lrs` (`LRSDelivery.statementsURL`); N is 1 to 1000
///   (default 100); --user asks for Basic auth.
/// - The password: in the `COACHDRILL_LRS_PASSWORD` environment variable, which the helper inherits; never
///   an argument, which `ps` shows to everyone on the machine. Required with --user.
/// - Standard input: the statements, each a JSON object on one line, ended by a line feed. JSON escapes
///   every line feed inside a string, so a statement written without indentation has none; `frame` refuses
///   one that does rather than let it split in two. Blank lines are ignored. The helper reads all of it
///   before it sends anything, since each note names the batch count ("batch 2 of 5").
/// - Standard error: the retry notes as they happen, a line each, with no program-name prefix; coachdrill
///   relays each with its own ("coachdrill: batch 1 of 1: HTTP 503: ...; trying again in 500 ms").
/// - Standard output and the exit status carry the outcome, apart from the notes, so that coachdrill can
///   relay the notes as they come and still tell the end from them:
///   - 0: every batch was stored; the output is the number of batches.
///   - 1: a batch was not stored; the output is the failure's description (`LRSDelivery.Failure`), which
///     coachdrill prints as its own error, word for word.
///   - 2: the password is missing; why is on standard error. (Arguments it cannot use are refused by
///     ArgumentParser with its usage status, 64: coachdrill builds them, so that is a bug.)
///
///   Any other status, or a signal, means the helper broke.
public enum LRSHelperProtocol {
    /// The helper's file name, next to `coachdrill`.
    public static let executableName = "coachdrill-lrs"

    public enum ExitStatus: Int32 {
        case stored = 0
        case notStored = 1
        case unusable = 2
    }

    /// What the helper is asked to do: everything but the password and the statements.
    public struct Request: Equatable {
        public var statementsURL: URL
        public var user: String?
        public var batchSize: Int

        public init(statementsURL: URL, user: String?, batchSize: Int = LRSDelivery.defaultBatchSize) {
            self.statementsURL = statementsURL
            self.user = user
            self.batchSize = batchSize
        }

        /// The helper's arguments for this request. `--user=NAME`, joined, so that a name that starts with a
        /// dash is still the name.
        public var arguments: [String] {
            (user.map { ["--user=" + $0] } ?? []) + ["--batch=\(batchSize)", statementsURL.absoluteString]
        }
    }

    public enum FramingFailure: Error, CustomStringConvertible, Equatable {
        /// A statement held a raw line feed (or nothing at all), so it cannot be one line of the input.
        case notOneLine(index: Int)

        public var description: String {
            switch self {
            case .notOneLine(let index):
                "statement \(index + 1) is not one line of JSON, so it cannot be handed to \(executableName)"
            }
        }
    }

    /// The helper's standard input: every statement on a line of its own.
    public static func frame(_ statements: [String]) -> Result<Data, FramingFailure> {
        var input = Data()
        for (index, statement) in statements.enumerated() {
            guard !statement.utf8.contains(UInt8(ascii: "\n")),
                  !statement.allSatisfy({ $0.isWhitespace })
            else { return .failure(.notOneLine(index: index)) }
            input.append(contentsOf: statement.utf8)
            input.append(UInt8(ascii: "\n"))
        }
        return .success(input)
    }

    /// The statements in the helper's standard input, as `frame` wrote them.
    public static func statements(in input: Data) -> [String] {
        input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            .map { String(decoding: $0, as: UTF8.self) }
            .filter { !$0.allSatisfy(\.isWhitespace) }
    }
}
