import CoachDrillCore
import Foundation

/// Sessions as xAPI 1.0.3 statements (a JSON array), for loading into a Learning Record Store.
///
/// - a play session: `completed` (reached an end beat) or `attempted` (quit, interrupted, killed), with the
///   share of answers that partnered as `score.scaled`;
/// - a drill run: `passed` or `failed` by the pack's criteria (`attempted` if interrupted), with the share of
///   items passed as `score.scaled`, and one `answered` statement per finished item, its parent the pack.
///
/// Activity ids are `<base>/scenario/<id>`, `<base>/pack/<id>` and `<base>/pack/<id>/item/<item id>`; the
/// base defaults to https://coachdrill.example/xapi and is set with `--xapi-base`. Statement ids are
/// derived from the statement's content, so loading the same transcripts twice does not duplicate them.
struct ReportXAPI {
    static let defaultBase = "https://coachdrill.example/xapi"

    /// Activity IRI prefix, without a trailing slash.
    var base: String
    /// When set, every trainee is identified by `mailto:<name, percent-encoded>@<domain>`; otherwise by an
    /// account on `base` (or the name itself when it is an e-mail address).
    var emailDomain: String?

    init(base: String = defaultBase, emailDomain: String? = nil) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.emailDomain = emailDomain
    }

    func render(_ report: Report) -> String {
        render(report).json
    }

    /// The statements that meet xAPI 1.0.3, and a line for each one left out because it did not (an
    /// empty trainee name, say): a Learning Record Store refuses a whole batch for one bad statement.
    func render(_ report: Report) -> (json: String, leftOut: [String]) {
        let (valid, leftOut) = statements(report)
        return (JSONDocument.array(valid).rendered(), leftOut)
    }

    /// The statements one by one (for sending in batches), and the lines for those left out.
    func statements(_ report: Report) -> (statements: [JSONDocument], leftOut: [String]) {
        var valid: [JSONDocument] = []
        var leftOut: [String] = []
        for session in report.sessions {
            for statement in statements(session) {
                let problems = XAPIStatementRules.problems(in: statement)
                if problems.isEmpty {
                    valid.append(statement)
                } else {
                    leftOut.append(
                        "left out an xAPI statement for '\(session.trainee)' (\(session.scenario), started \(session.started)): "
                            + problems.joined(separator: "; "))
                }
            }
        }
        return (valid, leftOut)
    }

    func statements(_ session: SessionSummary) -> [JSONDocument] {
        let timestamp = session.ended.isEmpty ? session.started : session.ended
        guard session.mode == .drill else {
            let completed = session.reason == .completed
            return [
                statement(
                    session, verb: completed ? .completed : .attempted,
                    object: activity(id: "\(base)/scenario/\(Self.segment(session.scenario))", name: session.scenario, type: Self.simulation),
                    result: result(
                        scaled: session.counts.partnerRate, raw: session.counts.partnered, max: session.counts.total,
                        success: nil, completion: completed, duration: duration(session)),
                    parent: nil, timestamp: timestamp)
            ]
        }
        let pack = activity(id: "\(base)/pack/\(Self.segment(session.scenario))", name: session.scenario, type: Self.assessment)
        var out: [JSONDocument] = session.items.map { item in
            statement(
                session, verb: .answered,
                object: activity(
                    id: "\(base)/pack/\(Self.segment(session.scenario))/item/\(Self.segment(item.id))", name: item.id,
                    type: Self.interaction),
                result: result(
                    scaled: item.passed ? 1 : 0, raw: item.passed ? 1 : 0, max: 1, success: item.passed, completion: true,
                    duration: item.elapsedSeconds.map(Self.isoDuration)),
                parent: pack, timestamp: timestamp)
        }
        let verb: Verb = session.result.map { $0.passed ? .passed : .failed } ?? .attempted
        let items = session.result.map(\.items) ?? session.items.count
        let itemsPassed = session.result.map(\.itemsPassed) ?? session.items.filter(\.passed).count
        out.append(
            statement(
                session, verb: verb, object: pack,
                result: result(
                    scaled: items == 0 ? 0 : Double(itemsPassed) / Double(items), raw: itemsPassed, max: items,
                    success: session.result?.passed, completion: session.result != nil, duration: duration(session)),
                parent: nil, timestamp: timestamp))
        return out
    }

    // MARK: Parts

    enum Verb: String {
        case completed, attempted, passed, failed, answered

        var id: String { "http://adlnet.gov/expapi/verbs/\(rawValue)" }
    }

    static let simulation = "http://adlnet.gov/expapi/activities/simulation"
    static let assessment = "http://adlnet.gov/expapi/activities/assessment"
    static let interaction = "http://adlnet.gov/expapi/activities/cmi.interaction"

    private func statement(
        _ session: SessionSummary, verb: Verb, object: JSONDocument, result: JSONDocument, parent: JSONDocument?,
        timestamp: String
    ) -> JSONDocument {
        var contextFields: [(String, JSONDocument)] = []
        if let parent { contextFields.append(("contextActivities", .object([("parent", .array([parent]))]))) }
        contextFields.append(
            ("extensions", .object([("\(base)/extension/mode", .string(session.mode.rawValue))])))
        let actor = actor(session.trainee)
        let objectID = Self.id(of: object)
        // The id keeps the recorded text of the time, so ids stay what earlier versions gave.
        let identity = [actor.key, verb.rawValue, objectID, session.started, session.run ?? "", timestamp].joined(separator: "\u{1F}")
        return .object([
            ("id", .string(Self.uuid(identity))),
            ("actor", actor.json),
            ("verb", .object([("id", .string(verb.id)), ("display", .object([("en-US", .string(verb.rawValue))]))])),
            ("object", object),
            ("result", result),
            ("context", .object(contextFields)),
        ] + (Self.timestamp(timestamp).map { [("timestamp", JSONDocument.string($0))] } ?? []))
    }

    /// One identifier per trainee, and never the same one for two different names: the exact name is the
    /// account's name, an e-mail address is its own mbox, and with `--xapi-email-domain` every name's
    /// UTF-8 is percent-encoded into the address's local part ("José" is `Jos%C3%A9@…`, "Jos" is
    /// `Jos@…`, 李明 is `%E6%9D%8E%E6%98%8E@…`), which no two names share.
    private func actor(_ name: String) -> (key: String, json: JSONDocument) {
        if let emailDomain {
            let mbox = "mailto:\(Self.segment(name))@\(emailDomain)"
            return (mbox, .object([("objectType", .string("Agent")), ("name", .string(name)), ("mbox", .string(mbox))]))
        }
        if Self.isEmail(name) {
            return ("mailto:" + name, .object([("objectType", .string("Agent")), ("name", .string(name)), ("mbox", .string("mailto:" + name))]))
        }
        // An account on the CoachDrill base avoids inventing e-mail addresses that could belong to someone else.
        return (
            "account:" + name,
            .object([
                ("objectType", .string("Agent")), ("name", .string(name)),
                ("account", .object([("homePage", .string(base)), ("name", .string(name))])),
            ])
        )
    }

    private func activity(id: String, name: String, type: String) -> JSONDocument {
        .object([
            ("objectType", .string("Activity")),
            ("id", .string(id)),
            ("definition", .object([("name", .object([("en-US", .string(name))])), ("type", .string(type))])),
        ])
    }

    private func result(
        scaled: Double, raw: Int, max: Int, success: Bool?, completion: Bool, duration: String?
    ) -> JSONDocument {
        var fields: [(String, JSONDocument)] = []
        // xAPI wants min below max: with nothing to score (no answers, no items) there is no score.
        if max > 0 {
            fields.append(("score", .object([("scaled", .rate(scaled)), ("raw", .int(raw)), ("min", .int(0)), ("max", .int(max))])))
        }
        if let success { fields.append(("success", .bool(success))) }
        fields.append(("completion", .bool(completion)))
        if let duration { fields.append(("duration", .string(duration))) }
        return .object(fields)
    }

    /// From the recorded start and end times; nil for an interrupted session (it has no end time).
    private func duration(_ session: SessionSummary) -> String? {
        let formatter = ISO8601DateFormatter()
        guard let start = formatter.date(from: session.started), let end = formatter.date(from: session.ended),
            end >= start
        else { return nil }
        return Self.isoDuration(end.timeIntervalSince(start))
    }

    static func isoDuration(_ seconds: Double) -> String {
        "PT" + JSONDocument.decimal(max(0, seconds), places: 2) + "S"
    }

    private static func id(of activity: JSONDocument) -> String {
        if case .object(let fields) = activity, let id = fields.first(where: { $0.0 == "id" }), case .string(let text) = id.1 {
            return text
        }
        return ""
    }

    private static func isEmail(_ name: String) -> Bool {
        let parts = name.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !name.contains(where: \.isWhitespace)
    }

    /// A recorded time as RFC 3339 with milliseconds ("2026-03-02T09:04:10.000Z"), as xAPI 1.0.3 asks;
    /// nil when the transcript's text is not a time (the statement then has no timestamp).
    static func timestamp(_ recorded: String) -> String? {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = plain.date(from: recorded) ?? fractional.date(from: recorded) else { return nil }
        return fractional.string(from: date)
    }

    /// A path segment with everything but unreserved characters percent-encoded.
    static func segment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// A name-based UUID (RFC 9562 version 8) from two FNV-1a 64 hashes of `text`: stable across runs.
    static func uuid(_ text: String) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            return hash
        }
        var high = fnv(0xcbf2_9ce4_8422_2325)
        var low = fnv(0x84222325_cbf29ce4)
        high = (high & ~0xF000) | 0x8000  // version 8 in bits 48-51 of the UUID
        low = (low & ~(0xC000_0000_0000_0000)) | 0x8000_0000_0000_0000  // RFC 9562 variant
        let hex = String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
