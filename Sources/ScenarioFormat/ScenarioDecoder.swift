import CoachDrillCore

/// Reads a located YAML tree as a `Scenario`, collecting every problem it meets rather than stopping at the
/// first. It checks the shape (keys, types, values) and every reference by name (beats, state variables),
/// so a scenario that decodes without errors can be played.
struct ScenarioDecoder {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Problems found after `maxReported` diagnostics, counted but not described (a hostile file can hold
    /// tens of thousands, and describing each costs time).
    private(set) var suppressedCount = 0
    static let maxReported = 1_000
    var sourceMap = ScenarioSourceMap()
    /// Beat ids in file order, gathered before any beat is decoded so gotos can be checked.
    var beatIDs: [String] = []
    /// State variable names, gathered before the beats.
    var stateNames: [String] = []

    init(path: String) {
        self.path = path
    }

    static let topLevelKeys = [
        "id", "title", "summary", "difficulty", "markers", "traps", "persona", "state", "start", "beats", "checks",
    ]

    /// Decodes the document. Returns a scenario (with placeholders where values were wrong) whenever the
    /// document is a mapping; check `diagnostics` for errors before using it.
    mutating func decode(_ root: SourceNode) -> Scenario? {
        guard root.mapping != nil else {
            report(
                .notAScenario,
                "a scenario file must be a mapping of keys (id, title, beats, ...), found \(root.typeDescription)",
                at: root, help: "start from `coachdrill new ID`, or see docs/authoring.md")
            return nil
        }
        let rules = FieldRules(
            what: "the scenario", allowed: Self.topLevelKeys,
            required: ["id", "title", "summary", "markers", "persona", "start", "beats"],
            misplaced: [
                "client": "`client` belongs to a beat: put it under `beats:`, inside a beat",
                "name": "`name` belongs to `persona:`",
                "role": "`role` belongs to `persona:`",
                "session_goal": "`session_goal` belongs to `persona:`",
                "style": "`style` belongs to `persona:`",
                "branches": "`branches` belongs to a beat: put it under `beats:`, inside a beat",
            ])
        guard let fields = fields(of: root, rules) else { return nil }

        let id = fields["id"].flatMap { text($0, "id") } ?? ""
        if let idNode = fields["id"], !id.isEmpty {
            checkScenarioID(id, node: idNode)
        }
        let title = fields["title"].flatMap { text($0, "title", nonEmpty: true) } ?? ""
        let summary = fields["summary"].flatMap { text($0, "summary", nonEmpty: true) } ?? ""
        let difficulty = fields["difficulty"].flatMap { decodeDifficulty($0) } ?? .standard
        let markers = fields["markers"].map { markerList($0, "markers", nonEmpty: true) } ?? []
        let traps = fields["traps"].map { trapList($0, "traps") } ?? []
        let persona = fields["persona"].flatMap { decodePersona($0) } ?? Persona(name: "")
        let state = fields["state"].map { decodeStateVariables($0) } ?? []
        stateNames = state.map { $0.name }

        if let beatsNode = fields["beats"] {
            beatIDs = collectBeatIDs(beatsNode)
        }
        let start = fields["start"].flatMap { beatReference($0, "start", code: .unknownStartBeat) } ?? ""
        let beats = fields["beats"].map { decodeBeats($0) } ?? []
        let checks = fields["checks"].map { decodeChecks($0) } ?? []

        return Scenario(
            id: id, title: title, summary: summary, difficulty: difficulty, markers: markers, traps: traps,
            persona: persona, state: state, start: start, beats: beats, checks: checks)
    }

    // MARK: - Reporting

    func location(_ node: SourceNode) -> SourceLocation {
        SourceLocation(file: path, line: node.line, column: node.column)
    }

    mutating func report(
        _ code: DiagnosticCode, _ message: @autoclosure () -> String, at node: SourceNode,
        help: @autoclosure () -> String? = nil, notes: @autoclosure () -> [String] = []
    ) {
        guard diagnostics.count < Self.maxReported else {
            suppressedCount += 1
            return
        }
        diagnostics.append(
            Diagnostic(code, message(), at: location(node), length: node.caretLength, help: help(), notes: notes()))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    // MARK: - Mappings

    /// The keys of a mapping, reporting non-mappings, duplicated, unknown and missing keys.
    mutating func fields(of node: SourceNode, _ rules: FieldRules, missingAt anchor: SourceNode? = nil)
        -> DecodingFields?
    {
        guard let pairs = node.mapping else {
            report(
                .wrongType, "\(rules.what) must be a mapping of keys, found \(node.typeDescription)", at: node,
                help: "write its keys (\(rules.allowed.prefix(4).joined(separator: ", ")), ...) one per line, "
                    + "indented under it")
            return nil
        }
        var fields = DecodingFields(node: node)
        var suggested: Set<String> = []
        var writtenKeys: [String: SourceNode]?  // built once, at the first unknown key
        for (offset, pair) in pairs.enumerated() {
            guard let key = pair.key.scalarText else {
                report(.wrongType, "keys must be plain names, found \(pair.key.typeDescription)", at: pair.key)
                continue
            }
            if let first = fields.keyNode(key) {
                report(
                    .duplicateKey, "key '\(key)' is written twice in \(rules.what)", at: pair.key,
                    help: "keep one of them; only the first is used",
                    notes: ["first written at line \(first.line), column \(first.column)"])
                continue
            }
            fields.set(key, at: offset)
            if !rules.allowed.contains(key) {
                if diagnostics.count >= Self.maxReported {
                    suppressedCount += 1
                    continue
                }
                if key == "<<" {
                    report(
                        .unknownKey, "merge keys (<<) are not supported in scenarios", at: pair.key,
                        help: "write the keys out in full")
                    continue
                }
                // A key the mapping does not have yet is the likelier meaning; one it already has (before or
                // after this one) makes this a second, misspelt copy, and renaming it would write a duplicate.
                let written = writtenKeys ?? Self.keyNodes(in: pairs)
                writtenKeys = written
                if let suggestion = Suggestions.closest(to: key, among: rules.allowed.filter { written[$0] == nil }) {
                    suggested.insert(suggestion)
                    report(
                        .unknownKey, "unknown key '\(key)' in \(rules.what) (did you mean '\(suggestion)'?)",
                        at: pair.key, help: rules.misplaced()[key] ?? "rename it to '\(suggestion)'")
                } else if let copied = Suggestions.closest(to: key, among: rules.allowed.filter { written[$0] != nil }),
                    let original = written[copied]
                {
                    report(
                        .unknownKey,
                        "unknown key '\(key)' in \(rules.what): a second, misspelt copy of '\(copied)' "
                            + "(line \(original.line))",
                        at: pair.key,
                        help: rules.misplaced()[key]
                            ?? "remove it: renaming it would write '\(copied)' twice; if its value is the one "
                            + "you want, put that value on line \(original.line)")
                } else {
                    report(
                        .unknownKey, "unknown key '\(key)' in \(rules.what)", at: pair.key,
                        help: rules.misplaced()[key]
                            ?? "keys allowed in \(rules.what): \(rules.allowed.joined(separator: ", "))")
                }
            }
        }
        // A missing key that an unknown key was probably meant to be is reported once, as the unknown key.
        for key in rules.required where !fields.has(key) && !suggested.contains(key) {
            let at = anchor ?? node
            report(
                .missingKey, "\(rules.what) is missing the required key '\(key)'", at: at,
                help: "add `\(key):` to \(rules.what); \(rules.reference) describes it")
        }
        return fields
    }

    /// The first node of each plain key of a mapping, so an unknown key can be compared with every key the
    /// mapping has, including those written after it.
    static func keyNodes(in pairs: [SourceNode.Pair]) -> [String: SourceNode] {
        var nodes: [String: SourceNode] = [:]
        for pair in pairs {
            if let key = pair.key.scalarText, nodes[key] == nil { nodes[key] = pair.key }
        }
        return nodes
    }

    // MARK: - Scenario-level values

    private mutating func checkScenarioID(_ id: String, node: SourceNode) {
        if !Self.isKebabCase(id) {
            report(
                .invalidValue, "id '\(id)' must be kebab-case: lowercase letters and digits joined by '-'", at: node,
                help: "for example `id: \(Self.kebabCased(id))`")
            return
        }
        if let stem = Self.fileStem(path), stem != id {
            report(
                .idMismatchesFileName, "id '\(id)' does not match the file name '\(stem)'", at: node,
                help: "scenarios are found by id: rename the file to '\(id).yaml', or set `id: \(stem)`")
        }
    }

    static func isKebabCase(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func kebabCased(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "my-scenario" : out
    }

    /// The file name without `.yaml`/`.yml`, or nil when the path is not a YAML file name.
    static func fileStem(_ path: String) -> String? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        for ext in [".yaml", ".yml"] where name.hasSuffix(ext) && name.count > ext.count {
            return String(name.dropLast(ext.count))
        }
        return nil
    }

    private mutating func decodeDifficulty(_ node: SourceNode) -> Difficulty? {
        guard let value = text(node, "difficulty") else { return nil }
        if let difficulty = Difficulty(rawValue: value) { return difficulty }
        let names = Difficulty.allCases.map(\.rawValue)
        report(
            .invalidValue,
            "difficulty '\(value)' is not one of \(names.joined(separator: ", "))"
                + Suggestions.didYouMean(value, among: names), at: node,
            help: "write one of: \(names.joined(separator: ", ")) (or leave it out for standard)")
        return nil
    }

    private mutating func decodePersona(_ node: SourceNode) -> Persona? {
        let rules = FieldRules(
            what: "persona", allowed: ["name", "role", "session_goal", "style"], required: ["name"])
        guard let fields = fields(of: node, rules) else { return nil }
        return Persona(
            name: fields["name"].flatMap { text($0, "name", nonEmpty: true) } ?? "",
            role: fields["role"].flatMap { text($0, "role") } ?? "",
            sessionGoal: fields["session_goal"].flatMap { text($0, "session_goal") } ?? "",
            style: fields["style"].flatMap { text($0, "style") } ?? "")
    }

    private mutating func decodeStateVariables(_ node: SourceNode) -> [StateVariable] {
        guard let pairs = node.mapping else {
            report(
                .wrongType, "state must be a mapping of variable names to whole numbers, found \(node.typeDescription)",
                at: node, help: "for example `state: { ownership: 0 }`")
            return []
        }
        var variables: [StateVariable] = []
        for pair in pairs {
            guard let name = pair.key.scalarText else {
                report(.wrongType, "state variable names must be plain names", at: pair.key)
                continue
            }
            if variables.contains(where: { $0.name == name }) {
                report(
                    .duplicateKey, "state variable '\(name)' is declared twice", at: pair.key,
                    help: "keep one of them")
                continue
            }
            if !Self.isVariableName(name) {
                report(
                    .invalidValue,
                    "state variable name '\(name)' must be letters, digits and '_' (starting with a letter)",
                    at: pair.key, help: "for example `ownership` or `trust_in_team`")
            }
            let initial = integer(pair.value, "state variable '\(name)'") ?? 0
            variables.append(StateVariable(name: name, initial: initial))
        }
        return variables
    }

    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
    }
}
