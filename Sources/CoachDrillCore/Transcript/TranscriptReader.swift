/// Reads transcript text (JSON Lines, schema in docs/transcript.md) into `Transcript` values.
///
/// Strict about the schema, forgiving about how sessions end: a missing end event is a partial session,
/// and a last line cut off mid-write (no newline, not valid JSON) is noted and skipped. A file that was
/// reused with `--transcript FILE` holds several sessions one after another; `sessions(in:)` returns each.
public enum TranscriptReader {
    /// The highest format version this reader understands.
    public static let formatVersion = 1

    /// The ranges every number in a transcript must lie in. Far above anything a session writes, and low
    /// enough that no sum or `+ 1` a report does with them can overflow.
    public enum Limits {
        /// Turn numbers (and undo's): 1 to this.
        public static let maxTurn = 1_000_000
        /// Drill item indexes: 0 to this (a pack has a few dozen items).
        public static let maxItem = 9_999
        /// Branch indexes: 0 to this.
        public static let maxBranch = 9_999
        /// Seconds (response times, item clocks and limits): 0 to a week.
        public static let maxSeconds = 604_800.0
        /// One line (one event) at most this many bytes; longer ones are refused while being read.
        public static let maxLineBytes = JSONReader.maxTextBytes
    }

    /// Every session in the text, in order.
    public static func sessions(in text: String) throws(TranscriptError) -> [Transcript] {
        var stream = TranscriptStream()
        var text = text
        // withUTF8 only rethrows untyped errors, so the typed one travels out in a Result.
        let fed = text.withUTF8 { bytes in Result { () throws(TranscriptError) in try stream.feed(UnsafeRawBufferPointer(bytes)) } }
        try fed.get()
        return try stream.finish()
    }

    /// Adds one event to the session being read (a `session` event starts the next one).
    fileprivate static func apply(
        _ fields: EventFields, to current: inout SessionBuilder?, finished: inout [Transcript]
    ) throws(TranscriptError) {
        let event = fields.event
        if event == "session" {
            if let builder = current {
                builder.close()
                finished.append(builder.transcript)
            }
            current = SessionBuilder(header: try header(fields))
            return
        }
        guard let builder = current else {
            throw TranscriptError(line: fields.line, reason: .missingSession(found: event))
        }
        if let end = builder.end {
            throw TranscriptError(line: fields.line, reason: event == "end" ? .repeatedEnd(firstLine: end.line) : .eventAfterEnd(event))
        }
        switch event {
        case "client":
            builder.clientLines.append(
                TranscriptClientLine(
                    beat: try fields.string("beat"), text: try fields.string("text"),
                    item: try fields.optionalInt("item", in: 0...Limits.maxItem), line: fields.line))
        case "coach":
            try builder.add(try turn(fields, mode: builder.header.mode))
        case "undo":
            try builder.undo(turn: try fields.int("turn", in: 1...Limits.maxTurn), line: fields.line)
        case "item":
            try builder.add(try item(fields))
        case "end":
            builder.finish(try endEvent(fields))
        default:
            throw TranscriptError(line: fields.line, reason: .unknownEvent(event))
        }
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
        let target = try fields.optionalValue("target", as: Marker.self)
        let passed = try fields.optionalBool("passed")
        // A pass is judged against the item's target: a flag with nothing to judge it by cannot be checked.
        if passed != nil, target == nil { throw TranscriptError(line: fields.line, reason: .missingField(event: "coach", field: "target")) }
        return TranscriptTurn(
            turn: try fields.int("turn", in: 1...Limits.maxTurn), beat: try fields.string("beat"), next: next,
            branch: try fields.optionalInt("branch", in: 0...Limits.maxBranch),
            responseSeconds: try fields.optionalDouble("response_seconds", in: 0...Limits.maxSeconds),
            assessment: try assessment(try fields.object("assessment")),
            item: try fields.optionalInt("item", in: 0...Limits.maxItem), target: target, passed: passed, line: fields.line)
    }

    static func assessment(_ fields: EventFields) throws(TranscriptError) -> Assessment {
        var hits: [MarkerHit] = []
        for hit in try fields.objects("markers") {
            hits.append(
                MarkerHit(
                    marker: try hit.value("marker", as: Marker.self), stance: try hit.value("stance", as: Stance.self),
                    score: try hit.optionalDouble("score", in: 0...1) ?? 0,
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
            item: try fields.int("item", in: 0...Limits.maxItem), kind: try fields.value("kind", as: TranscriptItem.Kind.self),
            id: try fields.string("id"), timeLimitSeconds: try fields.optionalDouble("time_limit_seconds", in: 0...Limits.maxSeconds),
            elapsedSeconds: try fields.optionalDouble("elapsed_seconds", in: 0...Limits.maxSeconds),
            overtime: try fields.optionalBool("overtime") ?? false, passed: try fields.bool("passed"), line: fields.line)
    }

    private static func endEvent(_ fields: EventFields) throws(TranscriptError) -> TranscriptEnd {
        var recorded: TranscriptEnd.RecordedTotals?
        if let card = try fields.optionalObject("scorecard") {
            recorded = TranscriptEnd.RecordedTotals(
                turns: try card.int("turns", in: 0...Limits.maxTurn), partnered: try card.optionalInt("partnered", in: 0...Limits.maxTurn) ?? 0,
                advised: try card.optionalInt("advised", in: 0...Limits.maxTurn) ?? 0)
        }
        var result: TranscriptEnd.DrillResult?
        if let drill = try fields.optionalObject("result") {
            let items = try drill.int("items", in: 0...(Limits.maxItem + 1))
            result = TranscriptEnd.DrillResult(
                passed: try drill.bool("passed"), itemsPassed: try drill.int("items_passed", in: 0...items), items: items)
        }
        return TranscriptEnd(
            reason: try fields.value("reason", as: TranscriptEnd.Reason.self), ended: try fields.optionalString("ended") ?? "",
            recorded: recorded, result: result, line: fields.line)
    }
}

/// Reads a transcript as its bytes arrive, one line at a time, so a file is never held whole and a line
/// longer than `TranscriptReader.Limits.maxLineBytes` is refused once that many bytes have come, not after
/// the whole file has been read into memory.
public struct TranscriptStream {
    private var pending: [UInt8] = []
    private var lineNumber = 0
    private var finished: [Transcript] = []
    private var current: SessionBuilder?
    private var tape = JSONTape()

    public init() {}

    /// Reads every complete line in `bytes`; a line's start without its newline waits for the next call.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) throws(TranscriptError) {
        let bytes = bytes.bindMemory(to: UInt8.self)
        var start = 0
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                try hold(UnsafeBufferPointer(rebasing: bytes[start...]))
                return
            }
            if pending.isEmpty {
                try checkLength(newline - start)
                lineNumber += 1
                try read(UnsafeBufferPointer(rebasing: bytes[start..<newline]), terminated: true)
            } else {
                try hold(UnsafeBufferPointer(rebasing: bytes[start..<newline]))
                lineNumber += 1
                let line = pending
                pending.removeAll(keepingCapacity: true)
                try line.withUnsafeBufferPointer { line throws(TranscriptError) in try read(line, terminated: true) }
            }
            start = newline + 1
        }
    }

    /// Reads what is left (a last line without its newline) and returns every session.
    public mutating func finish() throws(TranscriptError) -> [Transcript] {
        if !pending.isEmpty {
            lineNumber += 1
            let line = pending
            pending.removeAll()
            try line.withUnsafeBufferPointer { line throws(TranscriptError) in try read(line, terminated: false) }
        }
        if let builder = current {
            builder.close()
            finished.append(builder.transcript)
            current = nil
        }
        guard !finished.isEmpty else { throw TranscriptError(line: max(lineNumber, 1), reason: .empty) }
        return finished
    }

    /// Keeps the start of a line that has not ended yet, refusing it as soon as it is too long.
    private mutating func hold(_ bytes: UnsafeBufferPointer<UInt8>) throws(TranscriptError) {
        try checkLength(pending.count + bytes.count)
        pending.append(contentsOf: bytes)
    }

    /// `count` bytes for the line being read (the one after `lineNumber`).
    private func checkLength(_ count: Int) throws(TranscriptError) {
        guard count <= TranscriptReader.Limits.maxLineBytes else {
            throw TranscriptError(line: lineNumber + 1, reason: .lineTooLong(limit: TranscriptReader.Limits.maxLineBytes))
        }
    }

    private mutating func read(_ raw: UnsafeBufferPointer<UInt8>, terminated: Bool) throws(TranscriptError) {
        if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        // Bytes that are not UTF-8 become U+FFFD rather than failing the file (the tape wants valid UTF-8).
        var text = String(decoding: raw, as: UTF8.self)
        let number = lineNumber
        let step = text.withUTF8 { line in
            Result { () throws(TranscriptError) in
                do throws(JSONSyntaxError) {
                    try tape.scan(line)
                } catch {
                    // Only the very last line can be cut off by a kill: every earlier one ended with its newline.
                    if !terminated, let builder = current {
                        builder.notes.append(TranscriptNote(line: number, kind: .cutOffLastLine))
                        return
                    }
                    throw TranscriptError(line: number, reason: .invalidJSON(error))
                }
                guard let root = tape.tokens.first, root.kind == .object else {
                    throw TranscriptError(line: number, reason: .notAnObject(found: tape.tokens.first?.kind.typeName ?? "nothing"))
                }
                // The tokens point into this line; read what is needed while both are in hand.
                let applied = tape.tokens.withUnsafeBufferPointer { tokens in
                    Result { () throws(TranscriptError) in
                        let fields = EventFields(tokens: tokens, bytes: line, object: 0, event: "an", line: number)
                        try TranscriptReader.apply(fields.named(try fields.string("event")), to: &current, finished: &finished)
                    }
                }
                try applied.get()
            }
        }
        try step.get()
    }
}

/// The session being read: applies undo and restarts as the events arrive, and once it is complete
/// recomputes every pass flag from the answers (docs/transcript.md: the answers win).
private final class SessionBuilder {
    let header: TranscriptHeader
    var turns: [TranscriptTurn] = []
    var clientLines: [TranscriptClientLine] = []
    var items: [TranscriptItem] = []
    var end: TranscriptEnd?
    var notes: [TranscriptNote] = []
    /// The line each item ended on, by index: an item ends once.
    private var itemLines: [Int: Int] = [:]

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

    func add(_ item: TranscriptItem) throws(TranscriptError) {
        if let first = itemLines[item.item] { throw TranscriptError(line: item.line, reason: .repeatedItem(item.item, firstLine: first)) }
        itemLines[item.item] = item.line
        items.append(item)
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

    /// The session is complete (its end event, the next session's header, or the end of the file): the
    /// recorded pass flags are checked against the answers, and where they disagree the answers win.
    func close() {
        guard header.mode == .drill else { return }
        var answered: [Int: Bool] = [:]
        for index in turns.indices {
            guard let target = turns[index].target else { continue }
            let counted = DrillGrading.passes(turns[index].assessment, target: target)
            if let recorded = turns[index].passed, recorded != counted {
                notes.append(TranscriptNote(line: turns[index].line, kind: .passedDisagrees(recorded: recorded, counted: counted)))
            }
            turns[index].passed = counted
            if let item = turns[index].item { answered[item] = (answered[item] ?? false) || counted }
        }
        let answeredItems = Set(turns.compactMap(\.item))
        for index in items.indices {
            let item = items[index]
            let counted: Bool
            switch item.kind {
            case .quickFire, .rewrite:
                counted = answered[item.item] ?? false
            case .scenario:
                // Whether a scenario passed rests on the pack's criteria, which the transcript does not hold;
                // what it does show is whether anything was answered at all.
                counted = item.passed && answeredItems.contains(item.item)
            }
            if counted != item.passed {
                notes.append(TranscriptNote(line: item.line, kind: .passedDisagrees(recorded: item.passed, counted: counted)))
                items[index].passed = counted
            }
        }
        guard let result = end?.result, let endLine = end?.line else { return }
        let itemsPassed = items.filter(\.passed).count
        let itemsSeen = (items.map(\.item).max() ?? -1) + 1
        if result.itemsPassed != itemsPassed || result.items < itemsSeen {
            // The pack's pass rule is not in the transcript, so a pass or fail whose counts the answers
            // contradict cannot be mended: the run counts as not scored.
            notes.append(
                TranscriptNote(
                    line: endLine,
                    kind: .resultDisagrees(
                        recordedPassed: result.itemsPassed, recordedItems: result.items, counted: itemsPassed,
                        items: max(result.items, itemsSeen))))
            end?.result = nil
        }
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
