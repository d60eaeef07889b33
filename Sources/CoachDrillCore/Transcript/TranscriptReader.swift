/// Reads transcript text (JSON Lines, schema in docs/transcript.md) into `Transcript` values.
///
/// Strict about the schema, forgiving about how sessions end: a missing end event is a partial session,
/// and a last line cut off mid-write (no newline, not valid JSON) is noted and skipped. A file that was
/// reused with `--transcript FILE` holds several sessions one after another; `sessions(in:)` returns each.
public enum TranscriptReader {
    /// The highest format version this reader understands.
    public static let formatVersion = 1

    /// Every session in the text, in order.
    public static func sessions(in text: String) throws(TranscriptError) -> [Transcript] {
        var text = text
        // withUTF8 only rethrows untyped errors, so the typed one travels out in a Result.
        let result = text.withUTF8 { bytes in Result { () throws(TranscriptError) in try sessions(utf8: bytes) } }
        return try result.get()
    }

    private static func sessions(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(TranscriptError) -> [Transcript] {
        var finished: [Transcript] = []
        var current: SessionBuilder?
        var tape = JSONTape()
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let terminated = end < bytes.count
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end + 1
            if isBlank(line) { continue }

            do {
                try tape.scan(line)
            } catch {
                // Only the very last line can be cut off by a kill: every earlier one ended with its newline.
                if !terminated, let builder = current {
                    builder.notes.append(TranscriptNote(line: lineNumber, kind: .cutOffLastLine))
                    break
                }
                throw TranscriptError(line: lineNumber, reason: .invalidJSON(error))
            }
            guard let root = tape.tokens.first, root.kind == .object else {
                throw TranscriptError(line: lineNumber, reason: .notAnObject(found: tape.tokens.first?.kind.typeName ?? "nothing"))
            }
            let number = lineNumber
            // The tokens point into this line; read what is needed while both are in hand.
            let step = tape.tokens.withUnsafeBufferPointer { tokens in
                Result { () throws(TranscriptError) in
                    let fields = EventFields(tokens: tokens, bytes: line, object: 0, event: "an", line: number)
                    try apply(fields.named(try fields.string("event")), to: &current, finished: &finished)
                }
            }
            try step.get()
        }
        if let builder = current { finished.append(builder.transcript) }
        guard !finished.isEmpty else { throw TranscriptError(line: max(lineNumber, 1), reason: .empty) }
        return finished
    }

    /// Adds one event to the session being read (a `session` event starts the next one).
    private static func apply(
        _ fields: EventFields, to current: inout SessionBuilder?, finished: inout [Transcript]
    ) throws(TranscriptError) {
        let event = fields.event
        if event == "session" {
            if let builder = current { finished.append(builder.transcript) }
            current = SessionBuilder(header: try header(fields))
            return
        }
        guard let builder = current else {
            throw TranscriptError(line: fields.line, reason: .missingSession(found: event))
        }
        guard builder.end == nil else {
            throw TranscriptError(line: fields.line, reason: .eventAfterEnd(event))
        }
        switch event {
        case "client":
            builder.clientLines.append(
                TranscriptClientLine(
                    beat: try fields.string("beat"), text: try fields.string("text"), item: try fields.optionalInt("item"),
                    line: fields.line))
        case "coach":
            try builder.add(try turn(fields, mode: builder.header.mode))
        case "undo":
            try builder.undo(turn: try fields.int("turn"), line: fields.line)
        case "item":
            builder.items.append(try item(fields))
        case "end":
            builder.finish(try endEvent(fields))
        default:
            throw TranscriptError(line: fields.line, reason: .unknownEvent(event))
        }
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    // MARK: Events

    private static func header(_ fields: EventFields) throws(TranscriptError) -> TranscriptHeader {
        let version = try fields.int("version")
        guard version <= formatVersion, version >= 1 else {
            throw TranscriptError(line: fields.line, reason: .unsupportedVersion(version))
        }
        return TranscriptHeader(
            version: version, scenario: try fields.string("scenario"), scenarioHash: try fields.string("scenario_hash"),
            seed: try fields.uint64("seed"), mode: try fields.value("mode", as: TranscriptMode.self),
            trainee: try fields.string("trainee"), started: try fields.string("started"),
            pack: try fields.optionalString("pack"), packHash: try fields.optionalString("pack_hash"),
            run: try fields.optionalString("run"), line: fields.line)
    }

    private static func turn(_ fields: EventFields, mode: TranscriptMode) throws(TranscriptError) -> TranscriptTurn {
        // A quick-fire or rewrite drill item has no story to move on, so only scenario play must say where it went.
        let next = mode == .drill ? try fields.optionalString("next") : try fields.string("next")
        return TranscriptTurn(
            turn: try fields.int("turn"), beat: try fields.string("beat"), next: next,
            branch: try fields.optionalInt("branch"), responseSeconds: try fields.optionalDouble("response_seconds"),
            assessment: try assessment(try fields.object("assessment")), item: try fields.optionalInt("item"),
            target: try fields.optionalValue("target", as: Marker.self), passed: try fields.optionalBool("passed"),
            line: fields.line)
    }

    static func assessment(_ fields: EventFields) throws(TranscriptError) -> Assessment {
        var hits: [MarkerHit] = []
        for hit in try fields.objects("markers") {
            hits.append(
                MarkerHit(
                    marker: try hit.value("marker", as: Marker.self), stance: try hit.value("stance", as: Stance.self),
                    score: try hit.optionalDouble("score") ?? 0,
                    // The transcript keeps the words, not the cue names, of per-marker evidence.
                    evidence: try hit.strings("evidence").map { Evidence(text: $0, cue: "") }))
        }
        var traps: [Trap] = []
        for name in try fields.strings("traps") {
            traps.append(try fields.vocabulary(name, key: "traps", as: Trap.self))
        }
        var stanceEvidence: [Evidence] = []
        for evidence in try fields.objects("stance_evidence") {
            stanceEvidence.append(Evidence(text: try evidence.string("text"), cue: try evidence.optionalString("cue") ?? ""))
        }
        return Assessment(
            text: try fields.string("text"), marker: try fields.optionalValue("marker", as: Marker.self),
            stance: try fields.value("stance", as: Stance.self), hits: hits, traps: traps, stanceEvidence: stanceEvidence,
            suggestion: try fields.optionalString("suggestion"))
    }

    private static func item(_ fields: EventFields) throws(TranscriptError) -> TranscriptItem {
        TranscriptItem(
            item: try fields.int("item"), kind: try fields.value("kind", as: TranscriptItem.Kind.self),
            id: try fields.string("id"), timeLimitSeconds: try fields.optionalDouble("time_limit_seconds"),
            elapsedSeconds: try fields.optionalDouble("elapsed_seconds"), overtime: try fields.optionalBool("overtime") ?? false,
            passed: try fields.bool("passed"), line: fields.line)
    }

    private static func endEvent(_ fields: EventFields) throws(TranscriptError) -> TranscriptEnd {
        var recorded: TranscriptEnd.RecordedTotals?
        if let card = try fields.optionalObject("scorecard") {
            recorded = TranscriptEnd.RecordedTotals(
                turns: try card.int("turns"), partnered: try card.optionalInt("partnered") ?? 0,
                advised: try card.optionalInt("advised") ?? 0)
        }
        var result: TranscriptEnd.DrillResult?
        if let drill = try fields.optionalObject("result") {
            result = TranscriptEnd.DrillResult(
                passed: try drill.bool("passed"), itemsPassed: try drill.int("items_passed"), items: try drill.int("items"))
        }
        return TranscriptEnd(
            reason: try fields.value("reason", as: TranscriptEnd.Reason.self), ended: try fields.optionalString("ended") ?? "",
            recorded: recorded, result: result, line: fields.line)
    }
}

/// The session being read: applies undo and restarts as the events arrive.
private final class SessionBuilder {
    let header: TranscriptHeader
    var turns: [TranscriptTurn] = []
    var clientLines: [TranscriptClientLine] = []
    var items: [TranscriptItem] = []
    var end: TranscriptEnd?
    var notes: [TranscriptNote] = []

    init(header: TranscriptHeader) {
        self.header = header
    }

    var transcript: Transcript {
        Transcript(header: header, turns: turns, clientLines: clientLines, items: items, end: end, notes: notes)
    }

    func add(_ turn: TranscriptTurn) throws(TranscriptError) {
        // Drills number their turns as they like and have no undo or restart: keep every answer.
        guard header.mode != .drill else {
            turns.append(turn)
            return
        }
        let expected = (turns.last?.turn ?? 0) + 1
        if turn.turn < expected {
            // `:restart` writes no event of its own; numbering starting again is how it shows.
            turns.removeAll { $0.turn >= turn.turn }
            notes.append(TranscriptNote(line: turn.line, kind: .restarted(turn: turn.turn)))
        } else if turn.turn > expected {
            throw TranscriptError(line: turn.line, reason: .turnOutOfOrder(expected: expected, found: turn.turn))
        }
        turns.append(turn)
    }

    func undo(turn: Int, line: Int) throws(TranscriptError) {
        guard let index = turns.lastIndex(where: { $0.turn == turn }) else {
            throw TranscriptError(line: line, reason: .undoOfUnknownTurn(turn))
        }
        turns.remove(at: index)
    }

    func finish(_ end: TranscriptEnd) {
        if let recorded = end.recorded, recorded.turns != turns.count {
            notes.append(TranscriptNote(line: end.line, kind: .scorecardDisagrees(recorded: recorded.turns, counted: turns.count)))
        }
        self.end = end
    }
}

extension Transcript {
    /// Reads a transcript that holds exactly one session (the usual case).
    public init(parsing text: String) throws(TranscriptError) {
        let sessions = try TranscriptReader.sessions(in: text)
        guard sessions.count == 1, let only = sessions.first else {
            let second = sessions.dropFirst().first?.header.line ?? 1
            throw TranscriptError(line: second, reason: .moreThanOneSession(count: sessions.count))
        }
        self = only
    }
}
