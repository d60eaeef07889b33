/// Why `cues.yaml` cannot be read, with where: every message starts `file:line:column:` so an editor or
/// terminal can jump to it.
public struct CueFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var location: CueFileLocation
    public var reason: Reason

    public init(_ reason: Reason, at location: CueFileLocation) {
        self.reason = reason
        self.location = location
    }

    public enum Reason: Equatable, Sendable {
        /// libyaml could not parse the text (its own words).
        case syntax(String)
        /// A mapping names the same key twice.
        case duplicateKey(String)
        /// `what` should be a `expected` (a mapping, a list, a piece of text) and is not.
        case wrongType(what: String, expected: String)
        /// A required field is absent.
        case missingField(String, in: String)
        /// A field this place does not have; `allowed` lists the ones it does.
        case unknownField(String, allowed: [String])
        case unknownRole(String)
        case unknownMarker(String)
        /// A `topic` cue without a marker, or another role with one.
        case markerMisplaced(role: String)
        /// Two cues share an id; `first` is where the id was first used.
        case duplicateID(String, first: CueFileLocation)
        case badID(String)
        case badPattern(String, problem: String)
        /// A cue with no example of the kind (`matches` or `does_not_match`).
        case missingExamples(id: String, field: String)
        case unknownWordList(group: String, name: String, known: [String])
        case missingWordList(group: String, name: String)
        case badWord(String)
    }

    public var description: String { "\(location): error: \(message)" }

    /// The problem in plain words, and what to do about it.
    public var message: String {
        switch reason {
        case .syntax(let problem):
            "YAML syntax: \(problem) (look for an unclosed quote or bracket, or a line indented differently from its neighbours)"
        case .duplicateKey(let key):
            "'\(key)' is written twice in the same mapping; keep one"
        case .wrongType(let what, let expected):
            "\(what) must be \(expected)"
        case .missingField(let field, let place):
            "\(place) has no `\(field)`; add it"
        case .unknownField(let field, let allowed):
            "unknown field `\(field)`; the fields here are \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
        case .unknownRole(let role):
            "unknown role '\(role)'; a role is one of \(CueRoleName.names.joined(separator: ", "))"
        case .unknownMarker(let marker):
            "unknown marker '\(marker)'; a topic cue's marker is one of 8.1 to 8.9 (write it in quotes: \"8.1\")"
        case .markerMisplaced(let role):
            role == "topic"
                ? "a `topic` cue needs `marker:` (8.1 to 8.9), the marker whose topic its words name"
                : "only a `topic` cue has a `marker`; a `\(role)` cue counts for its role alone"
        case .duplicateID(let id, let first):
            "id '\(id)' is already used by the cue at line \(first.line); every cue needs its own id"
        case .badID(let id):
            "id '\(id)' must be a short slug: lower-case letters, digits and hyphens, starting with a letter"
        case .badPattern(let pattern, let problem):
            "pattern \"\(pattern)\": \(problem)"
        case .missingExamples(let id, let field):
            "cue '\(id)' needs at least one line under `\(field)`"
        case .unknownWordList(let group, let name, let known):
            "no reading uses a word list `\(group).\(name)`; the lists of `\(group)` are \(known.joined(separator: ", "))"
        case .missingWordList(let group, let name):
            "the word list `\(group).\(name)` is missing; the engine reads it"
        case .badWord(let word):
            "'\(word)' is not a word the tokenizer can produce: use lower-case letters, digits and hyphens"
        }
    }
}
