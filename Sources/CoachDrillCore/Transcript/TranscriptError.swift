/// Why a transcript cannot be read, and on which line (1-based).
public struct TranscriptError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// No events at all.
        case empty
        /// The line is not JSON; the decoder's account of where it went wrong.
        case invalidJSON(String)
        /// The line is JSON but not an object.
        case notAnObject(found: String)
        case missingField(event: String, field: String)
        case wrongType(event: String, field: String, expected: String, found: String)
        /// A string field holds a value outside its vocabulary (a mode, a marker, a trap...).
        case invalidValue(event: String, field: String, value: String, allowed: [String])
        /// A number outside the range its field allows (a negative turn, an item index no pack can have).
        case outOfRange(event: String, field: String, value: String, range: String)
        case unknownEvent(String)
        /// The first event is not a `session` header.
        case missingSession(found: String)
        case unsupportedVersion(Int)
        /// Something other than a new session header follows an `end` event.
        case eventAfterEnd(String)
        /// An `undo` names a turn that is not in the transcript.
        case undoOfUnknownTurn(Int)
        /// A turn number skips ahead (turns are numbered 1, 2, 3... and restart at 1 after `:restart`).
        case turnOutOfOrder(expected: Int, found: Int)
        /// A drill item ends twice in one session: counting both would say "answered 2 of 1".
        case repeatedItem(Int, firstLine: Int)
        /// A second `end` event for the same session.
        case repeatedEnd(firstLine: Int)
        /// A line longer than the reader accepts; refused as it is read, before it is held whole.
        case lineTooLong(limit: Int)
        /// `Transcript(parsing:)` wants one session; the file holds several (read them with `sessions(in:)`).
        case moreThanOneSession(count: Int)
    }

    public var line: Int
    public var reason: Reason

    public init(line: Int, reason: Reason) {
        self.line = line
        self.reason = reason
    }

    public var description: String {
        "line \(line): " + message
    }

    /// What is wrong, without the line number (for "file:line: message" diagnostics).
    public var message: String {
        switch reason {
        case .empty:
            return "the transcript holds no events"
        case .invalidJSON(let error):
            return error.isEmpty ? "not valid JSON" : "not valid JSON (\(error))"
        case .notAnObject(let found):
            return "expected a JSON object (one event per line), found a \(found)"
        case .missingField(let event, let field):
            return "\(event) event: missing field '\(field)'"
        case .wrongType(let event, let field, let expected, let found):
            return "\(event) event: field '\(field)' must be \(expected), found \(found)"
        case .invalidValue(let event, let field, let value, let allowed):
            return "\(event) event: field '\(field)' is '\(value)'; expected one of \(allowed.joined(separator: ", "))"
        case .outOfRange(let event, let field, let value, let range):
            return "\(event) event: field '\(field)' is \(value); expected \(range)"
        case .unknownEvent(let name):
            return "unknown event '\(name)' (events: session, client, coach, undo, item, end)"
        case .missingSession(let found):
            return "a transcript starts with a session event, found '\(found)'"
        case .unsupportedVersion(let version):
            // A version below 1 was never written: the file was edited, and a newer coachdrill would not help.
            return version > TranscriptFormat.version
                ? "transcript format version \(version) is newer than this coachdrill reads (1 to \(TranscriptFormat.version)); update coachdrill"
                : "transcript format version \(version) does not exist; versions are 1 to \(TranscriptFormat.version)"
        case .eventAfterEnd(let name):
            return "'\(name)' event after the session's end event"
        case .undoOfUnknownTurn(let turn):
            return "undo of turn \(turn), which is not in the transcript"
        case .turnOutOfOrder(let expected, let found):
            return "turn \(found) where turn \(expected) (or 1, after a restart) was expected"
        case .repeatedItem(let item, let firstLine):
            return "item \(item) ends a second time (it already ended on line \(firstLine)); each item ends once"
        case .repeatedEnd(let firstLine):
            return "a second end event for the session (it already ended on line \(firstLine))"
        case .lineTooLong(let limit):
            return "the line is longer than \(limit >> 20) MiB, more than any event needs; the file is not read"
        case .moreThanOneSession(let count):
            return "a second session starts here (the file holds \(count)); read it with TranscriptReader.sessions(in:)"
        }
    }
}
