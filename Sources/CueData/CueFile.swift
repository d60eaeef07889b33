/// The cue catalogue as a coach educator writes it in `cues.yaml`: every cue with its examples, and the
/// word lists the clause and focus readings and the learned model's features test words against.
///
/// Values only: `CueFileReader` makes one from YAML text, `SwiftCatalogue` writes the Swift the product
/// compiles in. Nothing here knows how a pattern matches; that is the product's one matcher (`CueIndex`).
public struct CueFile: Equatable, Sendable {
    public var cues: [CueEntry]
    public var wordLists: [WordList]

    public init(cues: [CueEntry], wordLists: [WordList]) {
        self.cues = cues
        self.wordLists = wordLists
    }
}

/// One cue of `cues.yaml`.
public struct CueEntry: Equatable, Sendable {
    /// A short slug, unique in the file, that never changes once published (transcripts and tests name it).
    public var id: String
    /// The phrase pattern, in the pattern language docs/feedback.md describes.
    public var pattern: String
    public var role: CueRoleName
    /// What `explain` and the evidence call the cue.
    public var label: String
    /// Lines that must match the cue, and lines that must not.
    public var matches: [String]
    public var doesNotMatch: [String]
    /// Where the cue starts in the file, for messages about it.
    public var location: CueFileLocation

    public init(
        id: String, pattern: String, role: CueRoleName, label: String, matches: [String],
        doesNotMatch: [String], location: CueFileLocation
    ) {
        self.id = id
        self.pattern = pattern
        self.role = role
        self.label = label
        self.matches = matches
        self.doesNotMatch = doesNotMatch
        self.location = location
    }
}

/// A named list of words that a reading tests tokens against, e.g. the clause reading's `question_words`.
public struct WordList: Equatable, Sendable {
    /// The reading that owns it: `clause`, `focus` or `features` (the learned model's line features).
    public var group: String
    /// The list's name in the file, snake case (`question_words`).
    public var name: String
    public var words: [String]

    public init(group: String, name: String, words: [String]) {
        self.group = group
        self.name = name
        self.words = words
    }
}

/// A 1-based line and column in a named file.
public struct CueFileLocation: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
