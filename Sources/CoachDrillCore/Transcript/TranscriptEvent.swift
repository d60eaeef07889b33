import Foundation

/// One line of a transcript file (JSON Lines, schema in docs/transcript.md): the one model both the session
/// writing it and every tool reading it use. Written with `JSONEncoder` and read with `JSONDecoder`; the
/// decoding checks every field as it reads it (types, vocabularies, the range of every number), so a value
/// a report could not trust never becomes a `Transcript`.
public enum TranscriptEvent: Sendable, Equatable {
    case session(TranscriptHeader)
    case client(TranscriptClientLine)
    case coach(TranscriptTurn)
    /// The trainee withdrew this turn's answer (practice only).
    case undo(turn: Int)
    case item(TranscriptItem)
    case end(TranscriptEnd)

    /// The value of the `event` field.
    public var name: String {
        switch self {
        case .session: "session"
        case .client: "client"
        case .coach: "coach"
        case .undo: "undo"
        case .item: "item"
        case .end: "end"
        }
    }

    /// The event as one line of the file, without its newline. Keys are sorted, so the same event is always
    /// the same bytes (`JSONEncoder` otherwise follows a dictionary's order, which changes from run to run).
    public func jsonLine() throws(TranscriptEncodingError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(self))
        } catch {
            throw TranscriptEncodingError(event: name, reason: String(describing: error))
        }
    }
}

/// An event that cannot be written: only a value JSON cannot hold (an infinite number of seconds) does this.
public struct TranscriptEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var event: String
    public var reason: String

    public var description: String { "cannot record the \(event) event: \(reason)" }
}

/// The version `jsonLine()` writes, and the highest the reader understands. Version 2 keeps the cue names of
/// per-marker evidence (version 1 kept only the words; both read).
public enum TranscriptFormat {
    public static let version = 2
}

// MARK: - The event envelope

extension TranscriptEvent: Codable {
    private enum EnvelopeKey: String, CodingKey { case event }

    public init(from decoder: any Decoder) throws {
        let name = try decoder.container(keyedBy: EnvelopeKey.self).decode(String.self, forKey: .event)
        // Whatever goes wrong inside the event is reported with the event's name ("coach event: ...").
        do {
            switch name {
            case "session": self = .session(try TranscriptHeader(from: decoder))
            case "client": self = .client(try TranscriptClientLine(from: decoder))
            case "coach": self = .coach(try TranscriptTurn(from: decoder))
            case "undo": self = .undo(turn: try UndoFields(from: decoder).turn)
            case "item": self = .item(try TranscriptItem(from: decoder))
            case "end": self = .end(try TranscriptEnd(from: decoder))
            default: throw TranscriptFieldError(path: [], problem: .unknownEvent(name))
            }
        } catch {
            throw EventDecodingError(event: name, underlying: error)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var envelope = encoder.container(keyedBy: EnvelopeKey.self)
        try envelope.encode(name, forKey: .event)
        // The payload's fields go into the same object as `event`.
        switch self {
        case .session(let header): try header.encode(to: encoder)
        case .client(let line): try line.encode(to: encoder)
        case .coach(let turn): try turn.encode(to: encoder)
        case .undo(let turn): try UndoFields(turn: turn).encode(to: encoder)
        case .item(let item): try item.encode(to: encoder)
        case .end(let end): try end.encode(to: encoder)
        }
    }
}

private struct UndoFields: Codable {
    var turn: Int

    init(turn: Int) {
        self.turn = turn
    }

    init(from decoder: any Decoder) throws {
        turn = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .turn, in: 1...TranscriptReader.Limits.maxTurn)
    }
}

/// A failure inside a named event, for the reader to report as "<event> event: ...".
struct EventDecodingError: Error {
    var event: String
    var underlying: any Error
}

/// A field whose value JSON could hold but the transcript schema does not allow.
struct TranscriptFieldError: Error {
    enum Problem {
        case outOfRange(value: String, range: String)
        /// A number the field's type cannot hold (`1.5` for a turn, `-1` for a seed, `1e400` for seconds).
        case wrongType(expected: String, found: String)
        case invalidValue(value: String, allowed: [String])
        /// A field that only makes sense with another one (a `passed` flag needs the `target` it was judged by).
        case missing
        case unknownEvent(String)
    }

    var path: [any CodingKey]
    var problem: Problem
}

// MARK: - Checked reading

extension KeyedDecodingContainer {
    /// A whole number that must lie in `range`: every number a transcript holds has one, so a forged
    /// `"item": 9223372036854775807` or a negative turn is refused where it is read, not where it overflows.
    func decode(_ type: Int.Type, forKey key: Key, in range: ClosedRange<Int>) throws -> Int {
        guard let value = try decodeIfPresent(Int.self, forKey: key, in: range) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: "missing"))
        }
        return value
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key, in range: ClosedRange<Int>) throws -> Int? {
        try number(Int.self, forKey: key, expected: "a whole number").map { value in try checked(value, key, in: range) }
    }

    /// A number the field's type can hold. JSONDecoder reports one it cannot (`1.5` for an Int) with an
    /// error of its own that names neither the field nor the type; this says both.
    func number<T: Decodable>(_ type: T.Type, forKey key: Key, expected: String) throws -> T? {
        do {
            return try decodeIfPresent(T.self, forKey: key)
        } catch let error as DecodingError {
            throw error
        } catch {
            throw TranscriptFieldError(path: codingPath + [key], problem: .wrongType(expected: expected, found: "a number it cannot hold"))
        }
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key, in range: ClosedRange<Double>) throws -> Double? {
        guard let value = try number(Double.self, forKey: key, expected: "a number") else { return nil }
        guard range.contains(value) else {
            throw TranscriptFieldError(
                path: codingPath + [key],
                problem: .outOfRange(value: String(value), range: "\(Int(range.lowerBound)) to \(Int(range.upperBound))"))
        }
        return value
    }

    private func checked(_ value: Int, _ key: Key, in range: ClosedRange<Int>) throws -> Int {
        guard range.contains(value) else {
            throw TranscriptFieldError(
                path: codingPath + [key], problem: .outOfRange(value: String(value), range: "\(range.lowerBound) to \(range.upperBound)"))
        }
        return value
    }

    /// A string from a fixed vocabulary (a mode, a stance, a marker...), named in full when it is not one.
    func decode<T: RawRepresentable & CaseIterable>(vocabulary type: T.Type, forKey key: Key) throws -> T where T.RawValue == String {
        try word(try decode(String.self, forKey: key), as: type, at: codingPath + [key])
    }

    func decodeIfPresent<T: RawRepresentable & CaseIterable>(vocabulary type: T.Type, forKey key: Key) throws -> T?
    where T.RawValue == String {
        try decodeIfPresent(String.self, forKey: key).map { text in try word(text, as: type, at: codingPath + [key]) }
    }
}

func word<T: RawRepresentable & CaseIterable>(_ text: String, as type: T.Type, at path: [any CodingKey]) throws -> T
where T.RawValue == String {
    guard let value = T(rawValue: text) else {
        throw TranscriptFieldError(path: path, problem: .invalidValue(value: text, allowed: T.allCases.map(\.rawValue)))
    }
    return value
}

/// Seconds and scores are written in hundredths: what a report shows, without false precision.
func hundredths(_ value: Double) -> Double {
    (value * 100).rounded() / 100
}

// MARK: - The events' fields

extension TranscriptHeader: Decodable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        let version = try fields.decode(Int.self, forKey: .version, in: Int.min...Int.max)
        guard (1...TranscriptFormat.version).contains(version) else { throw UnsupportedVersion(version: version) }
        self.init(
            version: version, scenario: try fields.decode(String.self, forKey: .scenario),
            scenarioHash: try fields.decode(String.self, forKey: .scenarioHash), seed: try fields.seed(),
            mode: try fields.decode(vocabulary: SessionMode.self, forKey: .mode), trainee: try fields.decode(String.self, forKey: .trainee),
            started: try fields.decode(String.self, forKey: .started), pack: try fields.decodeIfPresent(String.self, forKey: .pack),
            packHash: try fields.decodeIfPresent(String.self, forKey: .packHash), run: try fields.decodeIfPresent(String.self, forKey: .run),
            participantKey: try fields.decodeIfPresent(String.self, forKey: .participantKey))
    }
}

extension KeyedDecodingContainer where Key == TranscriptHeader.CodingKeys {
    fileprivate func seed() throws -> UInt64 {
        guard let seed = try number(UInt64.self, forKey: .seed, expected: "a whole number from 0 to 2^64-1") else {
            throw DecodingError.keyNotFound(Key.seed, DecodingError.Context(codingPath: codingPath, debugDescription: "missing"))
        }
        return seed
    }
}

/// A header whose version this reader does not know.
struct UnsupportedVersion: Error {
    var version: Int
}

extension TranscriptClientLine: Decodable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            beat: try fields.decode(String.self, forKey: .beat), text: try fields.decode(String.self, forKey: .text),
            item: try fields.decodeIfPresent(Int.self, forKey: .item, in: 0...TranscriptReader.Limits.maxItem),
            isAnnouncement: try fields.decodeIfPresent(Bool.self, forKey: .announcement) ?? false)
    }
}

extension TranscriptTurn: Codable {
    enum CodingKeys: String, CodingKey {
        case turn, beat, next, branch, assessment, item, target, passed
        case responseSeconds = "response_seconds"
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        let limits = TranscriptReader.Limits.self
        let target = try fields.decodeIfPresent(vocabulary: Marker.self, forKey: .target)
        let passed = try fields.decodeIfPresent(Bool.self, forKey: .passed)
        // A pass is judged against the item's target: a flag with nothing to judge it by cannot be checked.
        if passed != nil, target == nil { throw TranscriptFieldError(path: [CodingKeys.target], problem: .missing) }
        self.init(
            turn: try fields.decode(Int.self, forKey: .turn, in: 1...limits.maxTurn), beat: try fields.decode(String.self, forKey: .beat),
            next: try fields.decodeIfPresent(String.self, forKey: .next),
            branch: try fields.decodeIfPresent(Int.self, forKey: .branch, in: 0...limits.maxBranch),
            responseSeconds: try fields.decodeIfPresent(Double.self, forKey: .responseSeconds, in: 0...limits.maxSeconds),
            assessment: try fields.decode(RecordedAssessment.self, forKey: .assessment).assessment,
            item: try fields.decodeIfPresent(Int.self, forKey: .item, in: 0...limits.maxItem), target: target, passed: passed)
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: CodingKeys.self)
        try fields.encode(turn, forKey: .turn)
        try fields.encode(beat, forKey: .beat)
        try fields.encodeIfPresent(next, forKey: .next)
        // Always present, null for an answer that took no branch (the schema lists it for every answer).
        try fields.encode(branch, forKey: .branch)
        try fields.encodeIfPresent(responseSeconds.map(hundredths), forKey: .responseSeconds)
        try fields.encode(RecordedAssessment(assessment), forKey: .assessment)
        try fields.encodeIfPresent(item, forKey: .item)
        try fields.encodeIfPresent(target?.rawValue, forKey: .target)
        try fields.encodeIfPresent(passed, forKey: .passed)
    }
}

/// An assessment as the transcript holds it: the schema's names (`markers`, `stance_evidence`), scores in
/// hundredths, and per-marker evidence with its cue names (version 1 wrote only the words; those still read,
/// with no cue).
struct RecordedAssessment: Codable {
    var assessment: Assessment

    init(_ assessment: Assessment) {
        self.assessment = assessment
    }

    enum CodingKeys: String, CodingKey {
        case text, marker, stance, markers, traps, suggestion, unclear
        case stanceEvidence = "stance_evidence"
        case suggestionMarker = "suggestion_marker"
    }

    enum HitKeys: String, CodingKey { case marker, stance, score, evidence }

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        var hits: [MarkerHit] = []
        if var list = try fields.decodeNilOrAbsent(.markers) ? nil : fields.nestedUnkeyedContainer(forKey: .markers) {
            while !list.isAtEnd {
                let hit = try list.nestedContainer(keyedBy: HitKeys.self)
                hits.append(
                    MarkerHit(
                        marker: try hit.decode(vocabulary: Marker.self, forKey: .marker),
                        stance: try hit.decode(vocabulary: Stance.self, forKey: .stance),
                        score: try hit.decodeIfPresent(Double.self, forKey: .score, in: 0...1) ?? 0,
                        evidence: try hit.decodeIfPresent([RecordedEvidence].self, forKey: .evidence)?.map(\.evidence) ?? []))
            }
        }
        var traps: [Trap] = []
        if var list = try fields.decodeNilOrAbsent(.traps) ? nil : fields.nestedUnkeyedContainer(forKey: .traps) {
            while !list.isAtEnd {
                let path = list.codingPath + [IndexKey(list.currentIndex)]
                traps.append(try word(try list.decode(String.self), as: Trap.self, at: path))
            }
        }
        assessment = Assessment(
            text: try fields.decode(String.self, forKey: .text), marker: try fields.decodeIfPresent(vocabulary: Marker.self, forKey: .marker),
            stance: try fields.decode(vocabulary: Stance.self, forKey: .stance), hits: hits, traps: traps,
            stanceEvidence: try fields.decodeIfPresent([RecordedEvidence].self, forKey: .stanceEvidence)?.map(\.evidence) ?? [],
            suggestion: try fields.decodeIfPresent(String.self, forKey: .suggestion),
            suggestionMarker: try fields.decodeIfPresent(vocabulary: Marker.self, forKey: .suggestionMarker),
            // Absent in transcripts written before the client could tell an unclear line from a clear one.
            unclear: try fields.decodeIfPresent(Bool.self, forKey: .unclear) ?? false)
    }

    func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: CodingKeys.self)
        try fields.encode(assessment.text, forKey: .text)
        try fields.encode(assessment.marker?.rawValue, forKey: .marker)
        try fields.encode(assessment.stance.rawValue, forKey: .stance)
        var list = fields.nestedUnkeyedContainer(forKey: .markers)
        for hit in assessment.hits {
            var object = list.nestedContainer(keyedBy: HitKeys.self)
            try object.encode(hit.marker.rawValue, forKey: .marker)
            try object.encode(hit.stance.rawValue, forKey: .stance)
            try object.encode(hundredths(hit.score), forKey: .score)
            try object.encode(hit.evidence.map(RecordedEvidence.init), forKey: .evidence)
        }
        try fields.encode(assessment.traps.map(\.rawValue), forKey: .traps)
        try fields.encode(assessment.stanceEvidence.map(RecordedEvidence.init), forKey: .stanceEvidence)
        try fields.encode(assessment.suggestion, forKey: .suggestion)
        try fields.encodeIfPresent(assessment.suggestionMarker?.rawValue, forKey: .suggestionMarker)
        // Written only when true: a clear line is the rule, and older readers never see the key.
        if assessment.unclear { try fields.encode(true, forKey: .unclear) }
    }
}

/// Evidence as `{"text": …, "cue": …}`; version 1's per-marker evidence was the words alone.
private struct RecordedEvidence: Codable {
    var evidence: Evidence

    init(_ evidence: Evidence) {
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey { case text, cue }

    init(from decoder: any Decoder) throws {
        if let words = try? decoder.singleValueContainer().decode(String.self) {
            evidence = Evidence(text: words, cue: "")
            return
        }
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        evidence = Evidence(
            text: try fields.decode(String.self, forKey: .text), cue: try fields.decodeIfPresent(String.self, forKey: .cue) ?? "")
    }

    func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: CodingKeys.self)
        try fields.encode(evidence.text, forKey: .text)
        try fields.encode(evidence.cue, forKey: .cue)
    }
}

/// An array position in a field path ("traps[2]").
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }

    init(_ index: Int) {
        intValue = index
    }

    init?(stringValue: String) {
        nil
    }

    init?(intValue: Int) {
        self.intValue = intValue
    }
}

extension KeyedDecodingContainer {
    /// Whether an optional array is missing or null (it then reads as empty).
    fileprivate func decodeNilOrAbsent(_ key: Key) throws -> Bool {
        try !contains(key) || decodeNil(forKey: key)
    }
}

extension TranscriptItem: Codable {
    enum CodingKeys: String, CodingKey {
        case item, kind, id, overtime, passed
        case timeLimitSeconds = "time_limit_seconds"
        case elapsedSeconds = "elapsed_seconds"
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        let limits = TranscriptReader.Limits.self
        self.init(
            item: try fields.decode(Int.self, forKey: .item, in: 0...limits.maxItem),
            kind: try fields.decode(vocabulary: Kind.self, forKey: .kind), id: try fields.decode(String.self, forKey: .id),
            timeLimitSeconds: try fields.decodeIfPresent(Double.self, forKey: .timeLimitSeconds, in: 0...limits.maxSeconds),
            elapsedSeconds: try fields.decodeIfPresent(Double.self, forKey: .elapsedSeconds, in: 0...limits.maxSeconds),
            overtime: try fields.decodeIfPresent(Bool.self, forKey: .overtime) ?? false, passed: try fields.decode(Bool.self, forKey: .passed))
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: CodingKeys.self)
        try fields.encode(item, forKey: .item)
        try fields.encode(kind.rawValue, forKey: .kind)
        try fields.encode(id, forKey: .id)
        try fields.encodeIfPresent(timeLimitSeconds, forKey: .timeLimitSeconds)
        try fields.encodeIfPresent(elapsedSeconds.map(hundredths), forKey: .elapsedSeconds)
        try fields.encode(overtime, forKey: .overtime)
        try fields.encode(passed, forKey: .passed)
    }
}

extension TranscriptEnd: Codable {
    enum CodingKeys: String, CodingKey { case reason, ended, scorecard, result }
    enum CardKeys: String, CodingKey { case turns, partnered, advised, markers, traps }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        let maxTurn = TranscriptReader.Limits.maxTurn
        var recorded: RecordedTotals?
        if try !fields.decodeNilOrAbsent(.scorecard) {
            let card = try fields.nestedContainer(keyedBy: CardKeys.self, forKey: .scorecard)
            recorded = RecordedTotals(
                turns: try card.decode(Int.self, forKey: .turns, in: 0...maxTurn),
                partnered: try card.decodeIfPresent(Int.self, forKey: .partnered, in: 0...maxTurn) ?? 0,
                advised: try card.decodeIfPresent(Int.self, forKey: .advised, in: 0...maxTurn) ?? 0,
                markers: try card.decodeIfPresent([CountRow<Marker>].self, forKey: .markers)?.map { row in
                    Scorecard.MarkerTally(marker: row.name, partnered: row.counts[0], advised: row.counts[1], neutral: row.counts[2])
                } ?? [],
                // A trap listed twice (only an edited file does that) keeps its first count: nothing is summed.
                traps: Dictionary(
                    try card.decodeIfPresent([CountRow<Trap>].self, forKey: .traps)?.map { row in (row.name, row.counts[0]) } ?? [],
                    uniquingKeysWith: { first, _ in first }))
        }
        var result: DrillResult?
        if try !fields.decodeNilOrAbsent(.result) {
            let drill = try fields.nestedContainer(keyedBy: DrillResult.CodingKeys.self, forKey: .result)
            let items = try drill.decode(Int.self, forKey: .items, in: 0...(TranscriptReader.Limits.maxItem + 1))
            result = DrillResult(
                passed: try drill.decode(Bool.self, forKey: .passed),
                itemsPassed: try drill.decode(Int.self, forKey: .itemsPassed, in: 0...items), items: items)
        }
        self.init(
            reason: try fields.decode(vocabulary: Reason.self, forKey: .reason),
            ended: try fields.decodeIfPresent(String.self, forKey: .ended) ?? "", recorded: recorded, result: result)
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: CodingKeys.self)
        try fields.encode(reason.rawValue, forKey: .reason)
        try fields.encode(ended, forKey: .ended)
        if let recorded {
            var object = fields.nestedContainer(keyedBy: CardKeys.self, forKey: .scorecard)
            try object.encode(recorded.turns, forKey: .turns)
            try object.encode(recorded.partnered, forKey: .partnered)
            try object.encode(recorded.advised, forKey: .advised)
            try object.encode(recorded.markers.map { CountRow($0.marker, [$0.partnered, $0.advised, $0.neutral]) }, forKey: .markers)
            let traps = Trap.allCases.compactMap { trap in recorded.traps[trap].map { CountRow(trap, [$0]) } }
            try object.encode(traps, forKey: .traps)
        }
        try fields.encodeIfPresent(result, forKey: .result)
    }
}

/// One line of a recorded scorecard: a marker or a trap, and its counts (each 0 to the most turns a session
/// can have). `{"marker":"8.1","partnered":2,"advised":0,"neutral":1}`, `{"trap":"advice-giving","count":3}`.
private struct CountRow<Name: RawRepresentable & CaseIterable>: Codable where Name.RawValue == String {
    var name: Name
    var counts: [Int]

    /// The key of the name ("marker" or "trap") and of each count, in order.
    static var nameKey: String { Name.self == Trap.self ? "trap" : "marker" }
    static var countKeys: [String] { Name.self == Trap.self ? ["count"] : ["partnered", "advised", "neutral"] }

    init(_ name: Name, _ counts: [Int]) {
        self.name = name
        self.counts = counts
    }

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: NamedKey.self)
        name = try fields.decode(vocabulary: Name.self, forKey: NamedKey(Self.nameKey))
        counts = try Self.countKeys.map { key in
            try fields.decodeIfPresent(Int.self, forKey: NamedKey(key), in: 0...TranscriptReader.Limits.maxTurn) ?? 0
        }
    }

    func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: NamedKey.self)
        try fields.encode(name.rawValue, forKey: NamedKey(Self.nameKey))
        for (key, count) in zip(Self.countKeys, counts) { try fields.encode(count, forKey: NamedKey(key)) }
    }
}

/// A key known by its name only.
private struct NamedKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) {
        stringValue = name
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
