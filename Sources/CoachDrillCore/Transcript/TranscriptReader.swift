import Foundation

/// Reads transcript text (JSON Lines, schema in docs/transcript.md) into `Transcript` values.
///
/// Strict about the schema, forgiving about how sessions end: a missing end event is a partial session,
/// and a last line cut off mid-write (no newline, not valid JSON) is noted and skipped. A file that was
/// reused with `--transcript FILE` holds several sessions one after another; `sessions(in:)` returns each.
public enum TranscriptReader {
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
        public static let maxLineBytes = 16 << 20
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

    /// Adds one event, read from line `line`, to the session being read (a `session` event starts the next one).
    fileprivate static func apply(
        _ event: TranscriptEvent, line: Int, to current: inout SessionBuilder?, finished: inout [Transcript]
    ) throws(TranscriptError) {
        if case .session(var header) = event {
            if let builder = current {
                builder.close()
                finished.append(builder.transcript)
            }
            header.line = line
            current = SessionBuilder(header: header)
            return
        }
        guard let builder = current else {
            throw TranscriptError(line: line, reason: .missingSession(found: event.name))
        }
        if let end = builder.end {
            if case .end = event { throw TranscriptError(line: line, reason: .repeatedEnd(firstLine: end.line)) }
            throw TranscriptError(line: line, reason: .eventAfterEnd(event.name))
        }
        switch event {
        case .session:
            break
        case .client(var client):
            client.line = line
            builder.clientLines.append(client)
        case .coach(var turn):
            // A quick-fire or rewrite drill item has no story to move on, so only scenario play must say where it went.
            if turn.next == nil, builder.header.mode != .drill {
                throw TranscriptError(line: line, reason: .missingField(event: "coach", field: "next"))
            }
            turn.line = line
            try builder.add(turn)
        case .undo(let turn):
            try builder.undo(turn: turn, line: line)
        case .item(var item):
            item.line = line
            try builder.add(item)
        case .end(var end):
            end.line = line
            builder.finish(end)
        }
    }

    /// What a line that does not decode has wrong, in the schema's words: the event, the dotted path of the
    /// field ("assessment.markers[0].stance") and what was expected.
    fileprivate static func reason(for error: any Error) -> TranscriptError.Reason {
        var event = "an"
        var error = error
        if let inEvent = error as? EventDecodingError {
            event = inEvent.event
            error = inEvent.underlying
        }
        if let unsupported = error as? UnsupportedVersion { return .unsupportedVersion(unsupported.version) }
        if let field = error as? TranscriptFieldError {
            let name = dotted(field.path)
            switch field.problem {
            case .outOfRange(let value, let range): return .outOfRange(event: event, field: name, value: value, range: range)
            case .wrongType(let expected, let found): return .wrongType(event: event, field: name, expected: expected, found: found)
            case .invalidValue(let value, let allowed): return .invalidValue(event: event, field: name, value: value, allowed: allowed)
            case .missing: return .missingField(event: event, field: name)
            case .unknownEvent(let name): return .unknownEvent(name)
            }
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?:
            return .missingField(event: event, field: dotted(context.codingPath + [key]))
        case .valueNotFound(_, let context)?:
            // A null where a value is required reads as the field being absent.
            return .missingField(event: event, field: dotted(context.codingPath))
        case .typeMismatch(let type, let context)?:
            let found = foundType(context.debugDescription)
            if context.codingPath.isEmpty { return .notAnObject(found: found) }
            return .wrongType(event: event, field: dotted(context.codingPath), expected: expectedType(type), found: found)
        case .dataCorrupted(let context)?:
            // JSONDecoder says no more than "The given data was not valid JSON." here.
            if context.codingPath.isEmpty { return .invalidJSON(context.underlyingError.map(syntaxProblem) ?? "") }
            return .wrongType(event: event, field: dotted(context.codingPath), expected: "a number this field can hold", found: context.debugDescription)
        case nil:
            return .invalidJSON(syntaxProblem(error))
        @unknown default:
            return .invalidJSON(String(describing: error))
        }
    }

    private static func dotted(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func expectedType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is UInt64.Type: "a whole number from 0 to 2^64-1"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }

    /// The JSON type the decoder found ("string"), from its description ("... but found a string instead.").
    private static func foundType(_ description: String) -> String {
        guard let start = description.range(of: "found "), let end = description.range(of: " instead", range: start.upperBound..<description.endIndex)
        else { return "another type" }
        let found = description[start.upperBound..<end.lowerBound]
        for article in ["a ", "an "] where found.hasPrefix(article) { return String(found.dropFirst(article.count)) }
        return String(found)
    }

    /// Where the decoder stopped, when it says: its own error type is not public, so what it says is read
    /// from its description ("expectedLowSurrogate...(location: ...column: 44...)").
    private static func syntaxProblem(_ error: any Error) -> String {
        let text = String(describing: error)
        let problem = text.prefix { $0 != "(" }
        guard let column = text.range(of: "column: ") else { return String(problem) }
        let digits = text[column.upperBound...].prefix { $0.isNumber }
        return "column \(digits): \(problem)"
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
    /// One decoder for the whole stream: it is reused for every line.
    private let decoder = JSONDecoder()

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
        // Bytes that are not UTF-8 become U+FFFD rather than failing the file.
        let text = String(decoding: raw, as: UTF8.self)
        let event: TranscriptEvent
        do {
            event = try decoder.decode(TranscriptEvent.self, from: Data(text.utf8))
        } catch {
            var reason = TranscriptReader.reason(for: error)
            // Before its header, any event is the wrong one: say what a transcript starts with.
            if case .unknownEvent(let name) = reason, current == nil { reason = .missingSession(found: name) }
            // Only the very last line can be cut off by a kill: every earlier one ended with its newline.
            if case .invalidJSON = reason, !terminated, let builder = current {
                builder.notes.append(TranscriptNote(line: lineNumber, kind: .cutOffLastLine))
                return
            }
            throw TranscriptError(line: lineNumber, reason: reason)
        }
        try TranscriptReader.apply(event, line: lineNumber, to: &current, finished: &finished)
    }
}

/// The session being read: applies undo and restarts as the events arrive, and once it is complete
/// recomputes every pass flag from the answers (docs/transcript.md: the answers win).
private final class SessionBuilder {
    let header: TranscriptHeader
    /// The answers that count; the turn count and scorecard come from here, as they do in a live session.
    var answers = AnswerLog<TranscriptTurn>()
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
        Transcript(header: header, turns: answers.answers, clientLines: clientLines, items: items, end: end, notes: notes)
    }

    func add(_ turn: TranscriptTurn) throws(TranscriptError) {
        // Drills number their turns as they like and have no undo or restart: keep every answer.
        guard header.mode != .drill else {
            answers.record(turn)
            return
        }
        // Turn numbers only ever rise within the answers that count (undo takes one out, a restart the
        // rest), so the answers numbered `turn` and up are the last ones.
        let expected = (answers.answers.last?.turn ?? 0) + 1
        if turn.turn < expected {
            // `:restart` writes no event of its own; numbering starting again is how it shows.
            answers.withdraw(from: answers.answers.firstIndex { $0.turn >= turn.turn } ?? answers.turns)
            notes.append(TranscriptNote(line: turn.line, kind: .restarted(turn: turn.turn)))
        } else if turn.turn > expected {
            throw TranscriptError(line: turn.line, reason: .turnOutOfOrder(expected: expected, found: turn.turn))
        }
        answers.record(turn)
    }

    func add(_ item: TranscriptItem) throws(TranscriptError) {
        if let first = itemLines[item.item] { throw TranscriptError(line: item.line, reason: .repeatedItem(item.item, firstLine: first)) }
        itemLines[item.item] = item.line
        items.append(item)
    }

    func undo(turn: Int, line: Int) throws(TranscriptError) {
        guard let index = answers.answers.lastIndex(where: { $0.turn == turn }) else {
            throw TranscriptError(line: line, reason: .undoOfUnknownTurn(turn))
        }
        answers.withdraw(at: index)
    }

    func finish(_ end: TranscriptEnd) {
        if let recorded = end.recorded, recorded.turns != answers.turns {
            notes.append(TranscriptNote(line: end.line, kind: .scorecardDisagrees(recorded: recorded.turns, counted: answers.turns)))
        }
        self.end = end
    }

    /// The session is complete (its end event, the next session's header, or the end of the file): the
    /// recorded pass flags are checked against the answers, and where they disagree the answers win.
    func close() {
        guard header.mode == .drill else { return }
        var turns = answers.answers
        defer { answers = AnswerLog(turns) }
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
