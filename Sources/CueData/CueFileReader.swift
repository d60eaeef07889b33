import Yams

/// Reads `cues.yaml` into a `CueFile`, or says what is wrong and where (`CueFileError`).
///
/// The file is small and read only by `make cues` and the tests, never by the product at run time, so the
/// reader checks everything it can: unknown fields and roles, duplicate ids, patterns that cannot compile,
/// cues without both kinds of example, word lists no reading uses.
public struct CueFileReader {
    /// The file's name as messages should show it.
    public var path: String

    public init(path: String) {
        self.path = path
    }

    static let cueFields = ["id", "pattern", "role", "marker", "label", "matches", "does_not_match"]

    /// The word lists each reading owns, in the order the generated Swift declares them, with the Swift type
    /// whose `Words` holds them.
    public static let wordListNames: [(group: String, owner: String, names: [String])] = [
        (
            "clause", "Clause",
            [
                "question_words", "auxiliaries", "subjects", "fillers", "instruction_verbs", "pronouns", "tag_words",
                "tag_verbs", "asking_followers", "relative_subjects", "question_joiners", "wonder_words",
            ]
        ),
        (
            "focus", "Focus",
            ["lead_ins"]
        ),
        (
            "features", "LineFeatures",
            ["reporting_words", "actor_words", "directing_words", "skipped_before_verb", "function_words"]
        ),
    ]

    public func read(_ text: String) throws(CueFileError) -> CueFile {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw CueFileError(.wrongType(what: "the file", expected: "a mapping with `cues:` and `word_lists:`"), at: location(line: 1, column: 1))
            }
            root = composed
        } catch let error as CueFileError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw CueFileError(.syntax("\(error)"), at: location(line: 1, column: 1))
        }
        let top = try mapping(root, "the file", allowed: ["cues", "word_lists"])
        guard let cuesNode = top["cues"] else {
            throw CueFileError(.missingField("cues", in: "the file"), at: location(of: root))
        }
        guard let listsNode = top["word_lists"] else {
            throw CueFileError(.missingField("word_lists", in: "the file"), at: location(of: root))
        }
        var cues: [CueEntry] = []
        var firstUse: [String: CueFileLocation] = [:]
        for node in try sequence(cuesNode, "`cues`") {
            let cue = try entry(node)
            if let first = firstUse[cue.id] {
                throw CueFileError(.duplicateID(cue.id, first: first), at: cue.location)
            }
            firstUse[cue.id] = cue.location
            cues.append(cue)
        }
        return CueFile(cues: cues, wordLists: try wordLists(listsNode))
    }

    // MARK: Cues

    private func entry(_ node: Node) throws(CueFileError) -> CueEntry {
        let fields = try mapping(node, "a cue", allowed: Self.cueFields)
        func required(_ name: String) throws(CueFileError) -> String {
            guard let value = fields[name] else { throw CueFileError(.missingField(name, in: "this cue"), at: location(of: node)) }
            return try text(value, "`\(name)`")
        }
        let id = try required("id")
        guard Self.isSlug(id) else { throw CueFileError(.badID(id), at: location(of: fields["id"] ?? node)) }
        let pattern = try required("pattern")
        if let problem = PatternCheck.problem(in: pattern) {
            throw CueFileError(.badPattern(pattern, problem: problem), at: location(of: fields["pattern"] ?? node))
        }
        let roleText = try required("role")
        let roleNode = fields["role"] ?? node
        let role: CueRoleName
        if roleText == "topic" {
            guard let markerNode = fields["marker"] else {
                throw CueFileError(.markerMisplaced(role: "topic"), at: location(of: roleNode))
            }
            let marker = try text(markerNode, "`marker`")
            guard CueRoleName.markerCases.contains(where: { $0.id == marker }) else {
                throw CueFileError(.unknownMarker(marker), at: location(of: markerNode))
            }
            role = .topic(marker: marker)
        } else {
            guard CueRoleName.swiftCases.contains(where: { $0.name == roleText }) else {
                throw CueFileError(.unknownRole(roleText), at: location(of: roleNode))
            }
            if let markerNode = fields["marker"] {
                throw CueFileError(.markerMisplaced(role: roleText), at: location(of: markerNode))
            }
            role = .named(roleText)
        }
        let label = try required("label")
        let matches = try examples(fields["matches"], "matches", id: id, cue: node)
        let doesNotMatch = try examples(fields["does_not_match"], "does_not_match", id: id, cue: node)
        return CueEntry(
            id: id, pattern: pattern, role: role, label: label, matches: matches,
            doesNotMatch: doesNotMatch, location: location(of: node))
    }

    private func examples(_ node: Node?, _ field: String, id: String, cue: Node) throws(CueFileError) -> [String] {
        guard let node else { throw CueFileError(.missingExamples(id: id, field: field), at: location(of: cue)) }
        var lines: [String] = []
        for item in try sequence(node, "`\(field)`") { lines.append(try text(item, "an example under `\(field)`")) }
        guard !lines.isEmpty else { throw CueFileError(.missingExamples(id: id, field: field), at: location(of: node)) }
        return lines
    }

    /// Lower-case letters, digits and single hyphens, starting with a letter: safe in file names, URLs and
    /// command lines, and unchanged by any tool that lower-cases.
    static func isSlug(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first), bytes.last != UInt8(ascii: "-")
        else { return false }
        return bytes.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }
            && !id.contains("--")
    }

    // MARK: Word lists

    private func wordLists(_ node: Node) throws(CueFileError) -> [WordList] {
        let groups = try mapping(node, "`word_lists`", allowed: Self.wordListNames.map(\.group))
        var lists: [WordList] = []
        for (group, _, names) in Self.wordListNames {
            guard let groupNode = groups[group] else {
                throw CueFileError(.missingField(group, in: "`word_lists`"), at: location(of: node))
            }
            guard case .mapping(let mapping) = groupNode else {
                throw CueFileError(.wrongType(what: "`word_lists.\(group)`", expected: "a mapping of list names to lists of words"), at: location(of: groupNode))
            }
            var byName: [String: Node] = [:]
            for (key, value) in mapping {
                let name = try text(key, "a word list's name")
                guard names.contains(name) else {
                    throw CueFileError(.unknownWordList(group: group, name: name, known: names), at: location(of: key))
                }
                byName[name] = value
            }
            for name in names {
                guard let listNode = byName[name] else {
                    throw CueFileError(.missingWordList(group: group, name: name), at: location(of: groupNode))
                }
                var words: [String] = []
                for item in try sequence(listNode, "`\(group).\(name)`") {
                    let word = try text(item, "a word of `\(group).\(name)`")
                    guard PatternCheck.isWord(word) else { throw CueFileError(.badWord(word), at: location(of: item)) }
                    words.append(word)
                }
                lists.append(WordList(group: group, name: name, words: words))
            }
        }
        return lists
    }

    // MARK: Nodes

    /// A mapping's values by key, refusing keys outside `allowed`.
    private func mapping(_ node: Node, _ what: String, allowed: [String]) throws(CueFileError) -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw CueFileError(.wrongType(what: what, expected: "a mapping (`key: value` lines)"), at: location(of: node))
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            let name = try text(key, "a key")
            guard allowed.contains(name) else {
                throw CueFileError(.unknownField(name, allowed: allowed), at: location(of: key))
            }
            fields[name] = value
        }
        return fields
    }

    private func sequence(_ node: Node, _ what: String) throws(CueFileError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw CueFileError(.wrongType(what: what, expected: "a list (`- ` lines or `[a, b]`)"), at: location(of: node))
        }
        return Array(sequence)
    }

    /// A scalar's text exactly as written: `on`, `no` and `1.0` stay text, whatever YAML 1.1 would make of them.
    private func text(_ node: Node, _ what: String) throws(CueFileError) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw CueFileError(.wrongType(what: what, expected: "a piece of text"), at: location(of: node))
        }
        return scalar.string
    }

    private func location(of node: Node) -> CueFileLocation {
        let mark = node.mark
        return location(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private func location(line: Int, column: Int) -> CueFileLocation {
        CueFileLocation(file: path, line: max(line, 1), column: max(column, 1))
    }

    private func syntaxError(_ error: YamlError) -> CueFileError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml notices a problem where it stops making sense, often lines after the cause; the
            // construct it was reading says where to look.
            var text = problem
            if let context, !context.text.isEmpty, context.mark.line != mark.line {
                text += " (\(context.text) that starts at line \(context.mark.line), column \(context.mark.column))"
            }
            return CueFileError(.syntax(text), at: location(line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return CueFileError(
                .duplicateKey(duplicates.joined(separator: "', '")), at: location(line: context.mark.line, column: context.mark.column))
        default:
            return CueFileError(.syntax("\(error)"), at: location(line: 1, column: 1))
        }
    }
}
