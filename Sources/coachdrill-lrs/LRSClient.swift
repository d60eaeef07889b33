import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LRSDelivery
import TerminalOutput

/// Sends xAPI statements to a Learning Record Store: `POST <endpoint>/statements` in batches, with
/// `X-Experience-API-Version: 1.0.3` and Basic auth.
///
/// Statement ids are derived from the run and the item (ReportXAPI), so sending again stores nothing twice:
/// an LRS answers a batch of statements it already holds with success. A 5xx answer or a connection that
/// fails is tried again after a growing pause (the LRS may be restarting, the Wi-Fi may drop), and so are
/// 408 (request timeout) and 429 (too many requests), waiting as long as the LRS's Retry-After asks (in
/// seconds, at most `maxRetryAfter`); any other 4xx answer is the LRS refusing the statements or the
/// credentials, which trying again cannot mend, so sending stops there with the LRS's own reason.
///
/// Redirects are never followed: URLSession turns a POST redirected by 301 or 302 into a GET, which stores
/// nothing and can still end in 200. A 3xx is reported as a refusal naming the URL to use instead.
///
/// It lives in `coachdrill-lrs` alone: URLSession is FoundationNetworking, which `coachdrill` must not link
/// (LRSHelperProtocol says why and how the two talk).
struct LRSClient {
    typealias Failure = LRSDelivery.Failure

    /// The longest Retry-After honoured: an LRS asking for an hour should not hold the command that long.
    static let maxRetryAfter: TimeInterval = 60

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
        statementsURL: URL, user: String?, password: String?, batchSize: Int = LRSDelivery.defaultBatchSize, tries: Int = 5,
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
            case .failed(let reason, let retryAfter):
                problem = reason
                guard attempt < tries else { break }
                let delay = retryAfter ?? wait
                note("batch \(batch) of \(batches): \(reason); trying again in \(Self.seconds(delay))")
                pause(delay)
                wait *= 2
            }
        }
        throw .gaveUp(problem: problem, tries: tries, batch: batch, batches: batches, url: statementsURL.absoluteString)
    }

    private enum Outcome {
        case stored
        case refused(status: Int, reason: String)
        case failed(String, retryAfter: TimeInterval? = nil)
    }

    /// What an HTTP status means for a batch: stored, worth another try (5xx, 408, 429), or refused.
    enum Verdict: Equatable {
        case stored
        case redirected
        case temporary
        case refused
    }

    static func verdict(status: Int) -> Verdict {
        switch status {
        case 200..<300: return .stored
        case 300..<400: return .redirected
        case 408, 429: return .temporary
        case 400..<500: return .refused
        default: return .temporary
        }
    }

    /// Retry-After as seconds (an HTTP date is not honoured: the usual pause applies), at most `maxRetryAfter`.
    static func retryAfter(_ value: String?) -> TimeInterval? {
        guard let value, let seconds = Int(value.trimmingCharacters(in: .whitespaces)), seconds >= 0 else { return nil }
        return min(TimeInterval(seconds), maxRetryAfter)
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
        switch Self.verdict(status: status) {
        case .stored: return .stored
        case .redirected:
            let location = exchange.location.map { TerminalText.sanitize($0, allowNewlines: false) } ?? "(no Location given)"
            var use = location
            if use.hasSuffix("/statements") { use = String(use.dropLast("/statements".count)) }
            return .refused(
                status: status,
                reason: "it redirects, and a redirected POST stores nothing; use the URL it redirects to: \(location)"
                    + (use != location ? " (as --lrs \(use))" : ""))
        case .refused: return .refused(status: status, reason: Self.reason(exchange.body))
        case .temporary:
            return .failed("HTTP \(status): " + Self.reason(exchange.body), retryAfter: Self.retryAfter(exchange.retryAfter))
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
/// next is sent. The session's delegate (not a completion handler, which follows redirects on its own)
/// refuses every redirect, so a 3xx comes back as the answer.
private final class HTTPExchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // Written by the session's delegate calls before `done` is signalled, read after the wait: never at the same time.
    var status: Int?
    var location: String?
    var retryAfter: String?
    var body = Data()
    var error: Error?
    private let done = DispatchSemaphore(value: 0)

    static func run(_ request: URLRequest) -> HTTPExchange {
        let exchange = HTTPExchange()
        let session = URLSession(configuration: .ephemeral, delegate: exchange, delegateQueue: nil)
        session.dataTask(with: request).resume()
        exchange.done.wait()
        session.finishTasksAndInvalidate()
        return exchange
    }

    private func record(_ response: URLResponse?) {
        guard let http = response as? HTTPURLResponse else { return }
        status = http.statusCode
        location = http.value(forHTTPHeaderField: "Location")
        retryAfter = http.value(forHTTPHeaderField: "Retry-After")
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        record(response)
        if location == nil { location = request.url?.absoluteString }
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        record(response)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        body.append(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if status == nil { record(task.response) }
        self.error = error
        done.signal()
    }
}
