import Foundation

/// The xAPI 1.0.3 rules (Data, section 2.4) a statement CoachDrill writes must meet, checked on every
/// statement before it is printed, so a transcript's odd values (an empty name, a time that is not a time)
/// can never produce a statement a Learning Record Store would refuse.
///
/// Checked: a UUID id; an Agent with exactly one identifier (mbox as a `mailto:` IRI, mbox_sha1sum, openid,
/// or an account with a homePage IRI and a name); IRIs for the verb, the object and parent activities and
/// extension keys; language maps of strings; `score.scaled` in [-1, 1] and `raw` between `min` and `max`,
/// with `min` below `max`; an ISO 8601 duration; and an RFC 3339 timestamp with milliseconds.
enum XAPIStatementRules {
    static func problems(in statement: JSONDocument) -> [String] {
        guard case .object(let fields) = statement else { return ["a statement is a JSON object"] }
        var problems: [String] = []
        if let id = string(fields, "id"), UUID(uuidString: id) == nil { problems.append("id '\(id)' is not a UUID") }
        problems += actor(member(fields, "actor"))
        if let verb = member(fields, "verb"), case .object(let verbFields) = verb {
            problems += iri(string(verbFields, "id"), "verb.id")
            problems += languageMap(member(verbFields, "display"), "verb.display")
        } else {
            problems.append("verb is missing")
        }
        problems += activity(member(fields, "object"), "object")
        if let result = member(fields, "result") { problems += self.result(result) }
        if case .object(let context)? = member(fields, "context") {
            if case .object(let activities)? = member(context, "contextActivities"),
                case .array(let parents)? = member(activities, "parent")
            {
                for parent in parents { problems += activity(parent, "context.contextActivities.parent") }
            }
            if case .object(let extensions)? = member(context, "extensions") {
                for (key, _) in extensions { problems += iri(key, "context.extensions key") }
            }
        }
        if let timestamp = member(fields, "timestamp") {
            if case .string(let text) = timestamp, isTimestamp(text) {
            } else {
                problems.append("timestamp is not an RFC 3339 time with milliseconds")
            }
        }
        return problems
    }

    // MARK: Parts

    private static func actor(_ value: JSONDocument?) -> [String] {
        guard case .object(let fields)? = value else { return ["actor is missing"] }
        let identifiers = ["mbox", "mbox_sha1sum", "openid", "account"].filter { member(fields, $0) != nil }
        guard identifiers.count == 1, let identifier = identifiers.first else {
            return ["an actor has exactly one identifier (mbox, mbox_sha1sum, openid or account); this one has \(identifiers.count)"]
        }
        switch identifier {
        case "mbox":
            guard let mbox = string(fields, "mbox"), mbox.hasPrefix("mailto:"), mbox.dropFirst(7).contains("@") else {
                return ["actor.mbox is a mailto: IRI"]
            }
            return []
        case "account":
            guard case .object(let account)? = member(fields, "account") else { return ["actor.account is an object"] }
            var problems = iri(string(account, "homePage"), "actor.account.homePage")
            if (string(account, "name") ?? "").isEmpty { problems.append("actor.account.name is not empty") }
            return problems
        default:
            return []
        }
    }

    private static func activity(_ value: JSONDocument?, _ place: String) -> [String] {
        guard case .object(let fields)? = value else { return ["\(place) is missing"] }
        var problems = iri(string(fields, "id"), "\(place).id")
        if case .object(let definition)? = member(fields, "definition") {
            if let name = member(definition, "name") { problems += languageMap(name, "\(place).definition.name") }
            if let type = string(definition, "type") { problems += iri(type, "\(place).definition.type") }
        }
        return problems
    }

    private static func result(_ value: JSONDocument) -> [String] {
        guard case .object(let fields) = value else { return ["result is an object"] }
        var problems: [String] = []
        if case .object(let score)? = member(fields, "score") {
            let scaled = number(score, "scaled")
            let raw = number(score, "raw")
            let min = number(score, "min")
            let max = number(score, "max")
            if let scaled, !(-1...1).contains(scaled) { problems.append("score.scaled \(scaled) is outside -1 to 1") }
            if let min, let max, min >= max { problems.append("score.min is below score.max") }
            if let raw, let min, raw < min { problems.append("score.raw is below score.min") }
            if let raw, let max, raw > max { problems.append("score.raw is above score.max") }
        }
        if let duration = member(fields, "duration") {
            if case .string(let text) = duration, text.wholeMatch(of: /P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?/) != nil,
                text != "P", text != "PT"
            {
            } else {
                problems.append("result.duration is not an ISO 8601 duration")
            }
        }
        return problems
    }

    /// An absolute IRI: a scheme, a colon and something after it.
    private static func iri(_ text: String?, _ place: String) -> [String] {
        guard let text, text.wholeMatch(of: /[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+/) != nil else {
            return ["\(place) is not an IRI"]
        }
        return []
    }

    private static func languageMap(_ value: JSONDocument?, _ place: String) -> [String] {
        guard case .object(let entries)? = value, !entries.isEmpty,
            entries.allSatisfy({ if case .string = $0.1 { !$0.0.isEmpty } else { false } })
        else { return ["\(place) is a language map of strings"] }
        return []
    }

    /// "2026-03-02T09:04:10.000Z" (or with an offset): what RFC 3339 allows, with milliseconds.
    static func isTimestamp(_ text: String) -> Bool {
        guard text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+\-]\d{2}:\d{2})/) != nil else { return false }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) != nil
    }

    private static func member(_ fields: [(String, JSONDocument)], _ key: String) -> JSONDocument? {
        fields.first { $0.0 == key }?.1
    }

    private static func string(_ fields: [(String, JSONDocument)], _ key: String) -> String? {
        if case .string(let text)? = member(fields, key) { return text }
        return nil
    }

    private static func number(_ fields: [(String, JSONDocument)], _ key: String) -> Double? {
        switch member(fields, key) {
        case .int(let value)?: Double(value)
        case .number(let value, _)?: value
        default: nil
        }
    }
}
