import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TerminalOutput

/// Sends xAPI statements to a Learning Record Store: `POST <endpoint>/statements` in batches, with
/// `X-Experience-API-Version: 1.0.3` and Basic auth.
///
/// Statement ids are derived from the run and the item (ReportXAPI), so sending again stores nothing twice:
/// an LRS answers a batch of statements it already holds with success. A 5xx answer or a connection that
/// fails is tried again after a growing pause (the LRS may be restarting, the Wi-Fi may drop); a 4xx answer
/// is the LRS refusing the statements or the credentials, which trying again cannot mend, so sending stops
/// there with the LRS's own reason.
struct LRSClient {
    enum Failure: Error, CustomStringConvertible {
        /// 4xx: the LRS said no.
        case refused(status: Int, reason: String, batch: Int, batches: Int, url: String)
        /// 5xx or no connection, every try.
        case gaveUp(problem: String, tries: Int, batch: Int, batches: Int, url: String)

        var description: String {
            switch self {
            case let .refused(status, reason, batch, batches, url):
                let hint =
                    status == 401 || status == 403
                    ? " (check --lrs-user and the password in \(LRSClient.passwordVariable))" : ""
                return "the LRS at \(url) refused batch \(batch) of \(batches) with HTTP \(status): \(reason)\(hint)"
                    + (batch > 1 ? "; the batches before it were stored, and sending again will not repeat them" : "")
            case let .gaveUp(problem, tries, batch, batches, url):
                return "could not send batch \(batch) of \(batches) to \(url) after \(tries) tries (\(problem)); "
                    + "nothing is lost: send again when the LRS is back, and what it already has is not repeated"
            }
        }
    }

    /// The environment variable the password is read from: never a flag, where `ps` and shell history see it.
    static let passwordVariable = "COACHDRILL_LRS_PASSWORD"
    static let defaultBatchSize = 100

    /// `<endpoint>/statements`.
    let statementsURL: URL
    let authorization: String?
    let batchSize: Int
    let tries: Int
    /// The pause before the second try; it doubles for each try after that.
    let firstPause: TimeInterval
    let pause: (TimeInterval) -> Void
    /// Where each retry is announced.
    let note: (String) -> Void

    init(
        statementsURL: URL, user: String?, password: String?, batchSize: Int = defaultBatchSize, tries: Int = 5,
        firstPause: TimeInterval = 0.5, pause: @escaping (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) },
        note: @escaping (String) -> Void
    ) {
        self.statementsURL = statementsURL
        if let user {
            authorization = "Basic " + Data("\(user):\(password ?? "")".utf8).base64EncodedString()
        } else {
            authorization = nil
        }
        self.batchSize = max(1, batchSize)
        self.tries = max(1, tries)
        self.firstPause = firstPause
        self.pause = pause
        self.note = note
    }

    /// The statements endpoint for an LRS base URL as typed (`https://lrs.example.org/xAPI`), or why it
    /// cannot be one.
    static func statementsURL(_ text: String) -> Result<URL, ValidationFailure> {
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

    struct ValidationFailure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Sends every statement (each one already rendered as JSON); returns how many batches it took.
    func send(_ statements: [String]) throws(Failure) -> Int {
        let batches = stride(from: 0, to: statements.count, by: batchSize).map {
            Array(statements[$0..<min($0 + batchSize, statements.count)])
        }
        for (index, batch) in batches.enumerated() {
            try send(Data(("[" + batch.joined(separator: ",") + "]").utf8), batch: index + 1, of: batches.count)
        }
        return batches.count
    }

    private func send(_ body: Data, batch: Int, of batches: Int) throws(Failure) {
        var wait = firstPause
        var problem = ""
        for attempt in 1...tries {
            switch post(body) {
            case .stored:
                return
            case .refused(let status, let reason):
                throw .refused(status: status, reason: reason, batch: batch, batches: batches, url: statementsURL.absoluteString)
            case .failed(let reason):
                problem = reason
                guard attempt < tries else { break }
                note("batch \(batch) of \(batches): \(reason); trying again in \(Self.seconds(wait))")
                pause(wait)
                wait *= 2
            }
        }
        throw .gaveUp(problem: problem, tries: tries, batch: batch, batches: batches, url: statementsURL.absoluteString)
    }

    private enum Outcome {
        case stored
        case refused(status: Int, reason: String)
        case failed(String)
    }

    private func post(_ body: Data) -> Outcome {
        var request = URLRequest(url: statementsURL, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 60)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("1.0.3", forHTTPHeaderField: "X-Experience-API-Version")
        if let authorization { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
        let exchange = HTTPExchange.run(request)
        if let error = exchange.error { return .failed(TerminalText.sanitize(error.localizedDescription, allowNewlines: false)) }
        guard let status = exchange.status else { return .failed("no HTTP answer") }
        switch status {
        case 200..<300: return .stored
        case 400..<500: return .refused(status: status, reason: Self.reason(exchange.body))
        default: return .failed("HTTP \(status): " + Self.reason(exchange.body))
        }
    }

    /// The LRS's own words: `detail`, `message` or `error` of a JSON answer (Ralph, Learning Locker,
    /// SQL LRS), else the text; control characters escaped, at most 400 characters.
    static func reason(_ body: Data) -> String {
        var text = String(decoding: body.prefix(64 * 1024), as: UTF8.self)
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            for key in ["detail", "message", "error", "errorMessage"] {
                if let value = object[key] as? String {
                    text = value
                    break
                }
                if let value = object[key], JSONSerialization.isValidJSONObject(value),
                   let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) {
                    text = String(decoding: data, as: UTF8.self)
                    break
                }
            }
        }
        text = TerminalText.sanitize(text.trimmingCharacters(in: .whitespacesAndNewlines), allowNewlines: false)
        if text.isEmpty { return "no reason given" }
        return text.count > 400 ? String(text.prefix(400)) + "…" : text
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value < 1 ? "\(Int((value * 1000).rounded())) ms" : "\(Int(value.rounded())) s"
    }
}

/// One HTTP request, waited for: the report command is synchronous, and a batch must be stored before the
/// next is sent.
private final class HTTPExchange: @unchecked Sendable {
    // Written by the session's callback before it signals, read after the wait: never at the same time.
    var status: Int?
    var body = Data()
    var error: Error?

    static func run(_ request: URLRequest) -> HTTPExchange {
        let exchange = HTTPExchange()
        let done = DispatchSemaphore(value: 0)
        let session = URLSession(configuration: .ephemeral)
        let task = session.dataTask(with: request) { data, response, error in
            exchange.status = (response as? HTTPURLResponse)?.statusCode
            exchange.body = data ?? Data()
            exchange.error = error
            done.signal()
        }
        task.resume()
        done.wait()
        session.finishTasksAndInvalidate()
        return exchange
    }
}
