import CoachDrillCore

/// Beats, branches, conditions and effects.
extension ScenarioDecoder {
    static let beatKeys = ["client", "expects", "hint", "exemplar", "branches", "end", "announce"]
    static let branchKeys = ["when", "default", "once", "client", "effects", "goto", "leads_in"]
    static let conditionKeys = ["marker", "stance", "trap", "advice", "state"]

    private static let branchOnlyHelp = "belongs to a branch: put it in an item under `branches:`"

    /// The beat ids under `beats:`, in order, reporting a repeated id where it is repeated.
    mutating func collectBeatIDs(_ node: SourceNode) -> [String] {
        guard let pairs = node.mapping else { return [] }
        var ids: [String] = []
        var firstLines: [String: SourceNode] = [:]
        for pair in pairs {
            guard let id = pair.key.scalarText else { continue }
            if let first = firstLines[id] {
                report(
                    .duplicateBeat, "beat '\(id)' is defined twice", at: pair.key,
                    help: "rename one of them; beat ids must be unique (only the first is used)",
                    notes: ["first defined at line \(first.line), column \(first.column)"])
                continue
            }
            firstLines[id] = pair.key
            ids.append(id)
        }
        return ids
    }

    mutating func decodeBeats(_ node: SourceNode) -> [Beat] {
        guard let pairs = node.mapping else {
            report(
                .wrongType, "'beats' must be a mapping of beat ids to beats, found \(node.typeDescription)", at: node,
                help: "write each beat as `beat-id:` followed by its keys, indented under it")
            return []
        }
        if pairs.isEmpty {
            report(.invalidValue, "'beats' holds no beat", at: node, help: "a scenario needs at least one beat")
        }
        var beats: [Beat] = []
        var seen: Set<String> = []
        for pair in pairs {
            guard let id = pair.key.scalarText else {
                report(.wrongType, "a beat id must be a plain name, found \(pair.key.typeDescription)", at: pair.key)
                continue
            }
            guard seen.insert(id).inserted else { continue }
            if !Self.isBeatID(id) {
                report(
                    .invalidValue,
                    "beat id '\(id)' must be letters, digits, '-', '_' or '.' (starting with a letter or digit)",
                    at: pair.key, help: "for example `wrap-up` or `learning-2`")
            }
            if let beat = decodeBeat(id: id, key: pair.key, node: pair.value) {
                beats.append(beat)
            }
        }
        return beats
    }

    static func isBeatID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII,
            first.properties.isAlphabetic || ("0"..."9").contains(first)
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
        }
    }

    private mutating func decodeBeat(id: String, key: SourceNode, node: SourceNode) -> Beat? {
        let what = "beat '\(id)'"
        var places = ScenarioSourceMap.BeatPlaces(key: location(key), keyLength: key.caretLength)
        defer { sourceMap.beats[id] = places }
        if node.isNull {
            report(
                .beatWithoutWayOut, "beat '\(id)' is empty", at: key,
                help: "give it a `client:` line, and `branches:` or `end: true`, indented under it")
            return nil
        }
        let rules = FieldRules(
            what: what, allowed: Self.beatKeys, required: ["client"],
            misplaced: [
                "goto": "`goto` " + Self.branchOnlyHelp, "when": "`when` " + Self.branchOnlyHelp,
                "effects": "`effects` " + Self.branchOnlyHelp, "default": "`default` " + Self.branchOnlyHelp,
                "once": "`once` " + Self.branchOnlyHelp, "leads_in": "`leads_in` " + Self.branchOnlyHelp,
            ])
        guard let fields = fields(of: node, rules, missingAt: key) else { return nil }
        let client = fields["client"].map { clientLines($0, "client line of \(what)") } ?? []
        var expects: [Marker] = []
        if let expectsNode = fields["expects"] {
            let items = oneOrMany(expectsNode, "expects")
            for item in items {
                if let marker = marker(item) {
                    expects.append(marker)
                    places.expects.append(location(item))
                }
            }
        }
        let hint = fields["hint"].flatMap { text($0, "hint", nonEmpty: true) }
        let exemplar = fields["exemplar"].flatMap { text($0, "exemplar", nonEmpty: true) }
        if let node = fields["exemplar"] { places.exemplar = ExemplarPlace(location: location(node), length: node.caretLength) }
        let end = fields["end"].flatMap { bool($0, "end") } ?? false
        let announce = fields["announce"].flatMap { decodeAnnouncement($0, isEnd: end, key: fields.keyNode("announce")) }
        var branches: [Branch] = []
        var branchNodes: [SourceNode] = []
        if let branchesNode = fields["branches"] {
            if let items = branchesNode.sequence {
                for item in items {
                    if let (branch, replyPlaces) = decodeBranch(item, in: what, beatID: id) {
                        branches.append(branch)
                        branchNodes.append(item)
                        places.branches.append(location(item))
                        places.replies.append(replyPlaces)
                    }
                }
            } else if !branchesNode.isNull {
                report(
                    .wrongType, "'branches' must be a list, found \(branchesNode.typeDescription)", at: branchesNode,
                    help: "start each branch with '- ' on its own line, indented under `branches:`")
            }
        }
        let branchesKey = fields.keyNode("branches")
        if end {
            if !branches.isEmpty, let branchesKey {
                report(
                    .endBeatWithBranches, "end beat '\(id)' also has branches", at: branchesKey,
                    help: "an end beat says its line and the session ends: remove `branches:`, or remove `end: true`")
            }
            for unused in ["expects", "hint", "exemplar"] {
                if let keyNode = fields.keyNode(unused) {
                    report(
                        .unusedOnEndBeat, "'\(unused)' on end beat '\(id)' is never used", at: keyNode,
                        help:
                            "the session ends after an end beat's line, so the coach never answers it; remove `\(unused)`"
                    )
                }
            }
        } else if branches.isEmpty, !hasBranchItems(fields["branches"]), !fields.has("end") {
            report(
                .beatWithoutWayOut, "beat '\(id)' has no way out: no branches and no `end: true`",
                at: branchesKey ?? key,
                help: "add `branches:` (ending with a `default:` branch), or mark it `end: true`")
        }
        if !branches.isEmpty {
            checkDefaults(branches, nodes: branchNodes, beatID: id, branchesKey: branchesKey ?? key)
        }
        return Beat(
            id: id, client: client, expects: expects, hint: hint, exemplar: exemplar, branches: branches, end: end,
            announce: announce ?? .standard)
    }

    private func hasBranchItems(_ node: SourceNode?) -> Bool {
        guard let node, let items = node.sequence else { return false }
        return !items.isEmpty
    }

    private mutating func checkDefaults(
        _ branches: [Branch], nodes: [SourceNode], beatID: String, branchesKey: SourceNode
    ) {
        guard let firstDefault = branches.firstIndex(where: \.isDefault) else {
            report(
                .missingDefaultBranch, "the branches of beat '\(beatID)' have no default", at: branchesKey,
                help: "end the list with a fallback branch: `- default:` with the client's reply and a goto")
            return
        }
        if firstDefault < branches.count - 1 {
            let after = nodes[firstDefault + 1]
            report(
                .defaultNotLast, "this branch of beat '\(beatID)' comes after the default branch, so it is never tried",
                at: after,
                help: "branches are tried in order and the default always matches: move the default to the end",
                notes: ["the default branch is at line \(nodes[firstDefault].line)"])
        }
    }

    /// A branch, and where each of its reply sets is written.
    private mutating func decodeBranch(_ node: SourceNode, in beat: String, beatID: String)
        -> (Branch, [SourceLocation])?
    {
        let what = "a branch of \(beat)"
        let rules = FieldRules(
            what: what, allowed: Self.branchKeys,
            misplaced: [
                "expects": "`expects` belongs to the beat, not to a branch",
                "hint": "`hint` belongs to the beat, not to a branch",
                "exemplar": "`exemplar` belongs to the beat, not to a branch",
                "end": "`end` belongs to a beat: goto an end beat instead",
                "marker": "`marker` belongs inside `when: { ... }`",
                "stance": "`stance` belongs inside `when: { ... }`",
                "trap": "`trap` belongs inside `when: { ... }`",
                "advice": "`advice` belongs inside `when: { ... }`",
                "announce": "`announce` belongs to an end beat",
            ])
        guard let fields = fields(of: node, rules) else { return nil }
        var condition: Condition?
        var isDefault = false
        if let defaultNode = fields["default"], let defaultKey = fields.keyNode("default") {
            if fields.has("when") {
                report(
                    .invalidValue, "a branch has either `when` or `default`, not both", at: defaultKey,
                    help: "remove `default:` to keep the condition, or remove `when:` to make this the fallback")
            }
            if defaultNode.mapping != nil {
                report(
                    .wrongType, "`default:` has keys indented under it", at: defaultNode,
                    help: "write `client:` and `goto:` at the same indentation as `default:`, not under it")
            } else if !defaultNode.isNull {
                if bool(defaultNode, "default") == false {
                    report(
                        .invalidValue, "`default: false` is not allowed", at: defaultNode,
                        help:
                            "write `default:` (or `default: true`) for the fallback branch; give other branches `when:`"
                    )
                }
            }
            isDefault = !fields.has("when")
        }
        if let whenNode = fields["when"] {
            condition = decodeCondition(whenNode)
        } else if !isDefault, fields["default"] == nil {
            report(
                .missingKey, "\(what) has no `when` condition", at: node,
                help: "add `when: { ... }`, or make it the fallback with `default:`")
            condition = Condition()
        }
        let decodedCondition = isDefault ? nil : (condition ?? Condition())
        let (client, replyPlaces) = fields["client"].map { decodeReplies($0, of: what, under: decodedCondition) }
            ?? (Replies([]), [])
        let effects = fields["effects"].map { decodeEffects($0) } ?? []
        let goto = fields["goto"].flatMap { beatReference($0, "goto", code: .unknownBeat) }
        let once = fields["once"].flatMap { bool($0, "once") } ?? false
        let leadsIn = fields["leads_in"].flatMap { bool($0, "leads_in") } ?? false
        if leadsIn, let leadsInKey = fields.keyNode("leads_in") {
            if goto == nil || goto == beatID {
                report(
                    .invalidValue, "`leads_in` on a branch that stays on beat '\(beatID)'", at: leadsInKey,
                    help: "`leads_in: true` says the reply leads into the next beat, so the branch needs a `goto` "
                        + "to another beat; remove it, or add the `goto`")
            }
            if client.isEmpty, fields["client"] == nil {
                report(
                    .missingKey, "`leads_in` on a branch with no `client` reply", at: leadsInKey,
                    help: "`leads_in: true` says the reply leads into the next beat: write that reply under "
                        + "`client:`, or remove `leads_in` so the next beat's own line is said")
            }
        }
        if once, isDefault, let onceKey = fields.keyNode("once") {
            report(
                .onceDefault, "the default branch of \(beat) is marked `once`", at: onceKey,
                help: "after its first use the beat would have no fallback; remove `once: true` from the default")
        }
        return (
            Branch(condition: decodedCondition, client: client, effects: effects, goto: goto, once: once, leadsIn: leadsIn),
            replyPlaces
        )
    }

    private mutating func decodeCondition(_ node: SourceNode) -> Condition {
        if node.isNull || node.mapping?.isEmpty == true {
            report(
                .emptyCondition, "`when` has no test, so it always holds", at: node,
                help: "add marker, stance, trap or state tests, or write `default:` for the fallback branch")
            return Condition()
        }
        let rules = FieldRules(
            what: "when", allowed: Self.conditionKeys,
            misplaced: [
                "goto": "`goto` belongs to the branch, next to `when`, not inside it",
                "client": "`client` belongs to the branch, next to `when`, not inside it",
                "effects": "`effects` belongs to the branch, next to `when`, not inside it",
            ])
        guard let fields = fields(of: node, rules) else { return Condition() }
        return Condition(
            markers: fields["marker"].map { markerList($0, "marker") } ?? [],
            stances: fields["stance"].map { stanceList($0, "stance") } ?? [],
            traps: fields["trap"].map { trapList($0, "trap") } ?? [],
            advice: fields["advice"].map { adviceList($0, "advice") } ?? [],
            state: fields["state"].map { decodeStateTests($0) } ?? [])
    }

    private mutating func decodeStateTests(_ node: SourceNode) -> [StateTest] {
        guard let pairs = node.mapping else {
            report(
                .wrongType,
                "`state` in `when` must be a mapping of variable names to tests, found \(node.typeDescription)",
                at: node, help: "for example `state: { ownership: \">= 1\" }`")
            return []
        }
        var tests: [StateTest] = []
        for pair in pairs {
            guard let name = stateVariable(pair.key) else { continue }
            guard let text = pair.value.scalarText else {
                report(
                    .wrongType,
                    "the test for '\(name)' must be a comparison such as \">= 1\", found \(pair.value.typeDescription)",
                    at: pair.value, help: "write an operator and a whole number, in quotes: \">= 1\"")
                continue
            }
            guard let (comparison, value) = Self.parseComparison(text) else {
                report(
                    .invalidValue, "'\(text)' is not a comparison", at: pair.value,
                    help:
                        "write one of ==, !=, <, <=, >, >= and a whole number, in quotes: \">= 1\"; a bare number means =="
                )
                continue
            }
            tests.append(StateTest(variable: name, comparison: comparison, value: value))
        }
        return tests
    }

    /// ">= 1", "== 0", "<2", or a bare whole number (meaning ==).
    static func parseComparison(_ text: String) -> (StateTest.Comparison, Int)? {
        let trimmed = text.trimmingWhitespace()
        let operators: [StateTest.Comparison] = [.greaterOrEqual, .lessOrEqual, .equal, .notEqual, .greater, .less]
        for comparison in operators where trimmed.hasPrefix(comparison.rawValue) {
            let rest = String(trimmed.dropFirst(comparison.rawValue.count))
            return parseInteger(rest).map { (comparison, $0) }
        }
        return parseInteger(trimmed).map { (.equal, $0) }
    }

    private mutating func decodeEffects(_ node: SourceNode) -> [Effect] {
        guard let pairs = node.mapping else {
            report(
                .wrongType, "`effects` must be a mapping of variable names to changes, found \(node.typeDescription)",
                at: node, help: "for example `effects: { ownership: +1 }`")
            return []
        }
        var effects: [Effect] = []
        for pair in pairs {
            guard let name = stateVariable(pair.key) else { continue }
            if let delta = integer(pair.value, "the change to '\(name)'") {
                effects.append(Effect(variable: name, delta: delta))
            }
        }
        return effects
    }

    /// A state variable named in a condition or an effect: it must be declared under `state:`.
    private mutating func stateVariable(_ key: SourceNode) -> String? {
        guard let name = key.scalarText else {
            report(.wrongType, "state variable names must be plain names", at: key)
            return nil
        }
        guard stateNames.contains(name) else {
            let suggestion = Suggestions.closest(to: name, among: stateNames)
            report(
                .unknownStateVariable,
                "state variable '\(name)' is not declared" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                at: key,
                help: suggestion.map { "change it to '\($0)', or declare '\(name)' under `state:`" }
                    ?? "declare it with a starting value: `state: { \(name): 0 }`")
            return nil
        }
        return name
    }
}
