import Foundation
import TerminalOutput

/// What `coachdrill report --lrs` and its helper `coachdrill-lrs` both need to know about sending to a
/// Learning Record Store: the settings, the checks of the URL and the credentials, and the failures.
/// coachdrill checks everything it can before it starts the helper, so a mistake is reported at once, as a
/// usage error; the helper checks the same things again, because it can also be run by hand.
///
/// Foundation only: this is linked into `coachdrill`, which must not pull in FoundationNetworking (its
/// libcurl, OpenSSL, GnuTLS, Kerberos and LDAP tripled coachdrill's start-up; docs/performance.md).
public enum LRSDelivery {
    /// The environment variable the password is read from: never a flag, where `ps` and shell history see it.
    public static let passwordVariable = "COACHDRILL_LRS_PASSWORD"
    public static let defaultBatchSize = 100
    /// Statements per POST: an LRS may refuse a larger body, and one statement a POST is the least.
    public static let batchSizes = 1...1000

    /// The statements endpoint for an LRS base URL as typed (`https://lrs.example.org/xAPI`), or why it
    /// cannot be one.
    public static func statementsURL(_ text: String) -> Result<URL, ValidationFailure> {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return .failure(ValidationFailure("--lrs must be an http(s) URL, such as https://lrs.example.org/xAPI")) }
        guard components.password == nil, components.user == nil else {
            return .failure(
                ValidationFailure("--lrs must not carry credentials; use --lrs-user and the \(passwordVariable) variable"))
        }
        guard components.query == nil, components.fragment == nil else {
            return .failure(ValidationFailure("--lrs is the LRS's base URL, without a query: /statements is added to it"))
        }
        var trimmed = text
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed + "/statements") else {
            return .failure(ValidationFailure("--lrs is not a URL: \(TerminalText.sanitize(text))"))
        }
        return .success(url)
    }

    /// Basic credentials are readable by anyone on the network over plain http://; allowed only to this
    /// machine (127.0.0.0/8, ::1, localhost), where a local test LRS runs.
    public static func credentialsCheck(_ url: URL, user: String?) -> ValidationFailure? {
        guard user != nil, url.scheme?.lowercased() == "http" else { return nil }
        let host = (url.host ?? "").lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if isLoopback(host) { return nil }
        return ValidationFailure(
            "--lrs-user sends the password readable by anyone on the network over plain http://; "
                + "use the LRS's https:// URL (http:// is allowed only to this machine, such as 127.0.0.1)")
    }

    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else { return false }
        return UInt32(bigEndian: address.s_addr) >> 24 == 127
    }

    /// Why a URL or the credentials cannot be used, in words for the command line.
    public struct ValidationFailure: Error, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// Why statements were not all stored: what the helper reports, and coachdrill prints, on failure.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// 4xx (or a 3xx, which is never followed): the LRS said no.
        case refused(status: Int, reason: String, batch: Int, batches: Int, url: String)
        /// 5xx or no connection, every try.
        case gaveUp(problem: String, tries: Int, batch: Int, batches: Int, url: String)

        public var description: String {
            switch self {
            case let .refused(status, reason, batch, batches, url):
                let hint =
                    status == 401 || status == 403
                    ? " (check --lrs-user and the password in \(LRSDelivery.passwordVariable))" : ""
                return "the LRS at \(url) refused batch \(batch) of \(batches) with HTTP \(status): \(reason)\(hint)"
                    + (batch > 1 ? "; the batches before it were stored, and sending again will not repeat them" : "")
            case let .gaveUp(problem, tries, batch, batches, url):
                return "could not send batch \(batch) of \(batches) to \(url) after \(tries) tries (\(problem)); "
                    + "nothing is lost: send again when the LRS is back, and what it already has is not repeated"
            }
        }
    }
}
