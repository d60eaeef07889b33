import Foundation

/// Checks transcript text against docs/transcript.md, independently of CoachDrillCore's reader: every line
/// must parse with JSONSerialization and carry exactly the documented fields with the documented types.
/// Returns the problems found ("line 3: coach.assessment.stance: ..."), empty when the text conforms.
enum TranscriptSchema {
    static let modes: Set<String> = ["practice", "assess", "drill"]
    static let stances: Set<String> = ["partner", "advise", "neutral"]
    static let reasons: Set<String> = ["completed", "quit", "eof", "interrupted"]
    static let kinds: Set<String> = ["scenario", "quick-fire", "rewrite"]
    static let traps: Set<String> = [
        "advice-giving", "leading-question", "coach-owned-accountability", "rushing-to-action", "overambitious-plan",
        "premature-celebration", "evaluative-praise", "coach-closed-session", "stacked-questions", "closed-question",
    ]
    static let markers: Set<String> = Set((1...9).map { "8.\($0)" })

    static func validate(_ text: String) -> [String] {
        var problems: [String] = []
        var mode = "practice"
        var sawEnd = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            let number = index + 1
            var checker = Checker(line: number)
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                problems.append("line \(number): not a JSON object")
                continue
            }
            let event = object["event"] as? String ?? "?"
            if number == 1, event != "session" { checker.fail("", "the first event must be session, found \(event)") }
            if sawEnd { checker.fail("", "\(event) after the end event") }
            switch event {
            case "session":
                mode = object["mode"] as? String ?? mode
                checker.object(
                    object, "session",
                    required: [
                        "event": .string, "version": .int, "scenario": .string, "scenario_hash": .hash, "seed": .int,
                        "mode": .oneOf(modes), "trainee": .string, "started": .time,
                    ],
                    optional: ["pack": .string, "pack_hash": .hash, "run": .string])
                if object["version"] as? Int != 1 { checker.fail("session.version", "must be 1") }
            case "client":
                checker.object(object, "client", required: ["event": .string, "beat": .string, "text": .string], optional: ["item": .int])
            case "coach":
                var required: [String: Kind] = [
                    "event": .string, "turn": .int, "beat": .string, "branch": .intOrNull, "response_seconds": .number,
                    "assessment": .assessment,
                ]
                var optional: [String: Kind] = ["item": .int, "target": .oneOf(markers), "passed": .bool]
                if mode == "drill" { optional["next"] = .string } else { required["next"] = .string }
                checker.object(object, "coach", required: required, optional: optional)
            case "undo":
                if mode == "drill" { checker.fail("undo", "no undo in drills") }
                checker.object(object, "undo", required: ["event": .string, "turn": .int], optional: [:])
            case "item":
                checker.object(
                    object, "item",
                    required: [
                        "event": .string, "item": .int, "kind": .oneOf(kinds), "id": .string, "time_limit_seconds": .number,
                        "elapsed_seconds": .number, "overtime": .bool, "passed": .bool,
                    ],
                    optional: [:])
            case "end":
                sawEnd = true
                checker.object(
                    object, "end", required: ["event": .string, "reason": .oneOf(reasons), "ended": .time, "scorecard": .scorecard],
                    optional: mode == "drill" ? ["result": .result] : [:])
            default:
                checker.fail("event", "unknown event '\(event)'")
            }
            problems.append(contentsOf: checker.problems)
        }
        return problems
    }

    indirect enum Kind: Sendable {
        case string, int, number, bool, intOrNull, stringOrNull, hash, time, oneOf(Set<String>), markerOrNull
        case array(Kind), object(required: [String: Kind], optional: [String: Kind])

        static let assessment = Kind.object(
            required: [
                "text": .string, "marker": .markerOrNull, "stance": .oneOf(stances),
                "markers": .array(
                    .object(
                        required: ["marker": .oneOf(markers), "stance": .oneOf(stances), "score": .number, "evidence": .array(.string)],
                        optional: [:])),
                "traps": .array(.oneOf(traps)),
                "stance_evidence": .array(.object(required: ["text": .string, "cue": .string], optional: [:])),
                "suggestion": .stringOrNull,
            ],
            optional: [:])

        static let scorecard = Kind.object(
            required: [
                "turns": .int, "partnered": .int, "advised": .int,
                "markers": .array(
                    .object(
                        required: ["marker": .oneOf(markers), "partnered": .int, "advised": .int, "neutral": .int], optional: [:])),
                "traps": .array(.object(required: ["trap": .oneOf(traps), "count": .int], optional: [:])),
            ],
            optional: [:])

        static let result = Kind.object(required: ["passed": .bool, "items_passed": .int, "items": .int], optional: [:])
    }

    private struct Checker {
        let line: Int
        var problems: [String] = []

        mutating func fail(_ field: String, _ message: String) {
            problems.append("line \(line): \(field.isEmpty ? "" : field + ": ")\(message)")
        }

        mutating func object(_ object: [String: Any], _ path: String, required: [String: Kind], optional: [String: Kind]) {
            for (key, kind) in required {
                guard let value = object[key] else {
                    fail("\(path).\(key)", "missing")
                    continue
                }
                check(value, kind, "\(path).\(key)")
            }
            for (key, value) in object where required[key] == nil {
                guard let kind = optional[key] else {
                    fail("\(path).\(key)", "not in the schema")
                    continue
                }
                check(value, kind, "\(path).\(key)")
            }
        }

        mutating func check(_ value: Any, _ kind: Kind, _ path: String) {
            switch kind {
            case .string:
                if !(value is String) { fail(path, "must be a string") }
            case .int:
                if (value as? Int).map({ $0 < 0 }) ?? true, (value as? UInt64) == nil { fail(path, "must be a whole number ≥ 0") }
            case .number:
                if !(value is NSNumber) || value is String { fail(path, "must be a number") }
            case .bool:
                if (value as? Bool) == nil { fail(path, "must be true or false") }
            case .intOrNull:
                if !(value is NSNull), (value as? Int) == nil { fail(path, "must be a whole number or null") }
            case .stringOrNull:
                if !(value is NSNull), !(value is String) { fail(path, "must be a string or null") }
            case .markerOrNull:
                if !(value is NSNull), !markers.contains(value as? String ?? "") { fail(path, "must be a marker 8.1 to 8.9 or null") }
            case .hash:
                let text = value as? String ?? ""
                if text.range(of: "^fnv1a64:[0-9a-f]{16}$", options: .regularExpression) == nil { fail(path, "must be fnv1a64:<16 hex digits>") }
            case .time:
                let text = value as? String ?? ""
                if text.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", options: .regularExpression) == nil {
                    fail(path, "must be an ISO 8601 UTC time")
                }
            case .oneOf(let allowed):
                if !allowed.contains(value as? String ?? "\u{0}") { fail(path, "'\(value)' is not one of \(allowed.sorted())") }
            case .array(let element):
                guard let items = value as? [Any] else { return fail(path, "must be an array") }
                for (index, item) in items.enumerated() { check(item, element, "\(path)[\(index)]") }
            case .object(let required, let optional):
                guard let nested = value as? [String: Any] else { return fail(path, "must be an object") }
                object(nested, path, required: required, optional: optional)
            }
        }
    }
}
