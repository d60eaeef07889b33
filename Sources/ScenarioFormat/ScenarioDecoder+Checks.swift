import CoachDrillCore

/// `checks:`, the golden runs that `coachdrill test` replays.
extension ScenarioDecoder {
    static let checkKeys = ["name", "seed", "from", "turns"]
    static let turnKeys = ["coach", "expect"]
    static let expectKeys = ["marker", "stance", "traps", "goto"]

    mutating func decodeChecks(_ node: SourceNode) -> [Check] {
        guard let items = node.sequence else {
            if !node.isNull {
                report(
                    .wrongType, "'checks' must be a list, found \(node.typeDescription)", at: node,
                    help: "start each check with '- name: ...' on its own line, indented under `checks:`")
            }
            return []
        }
        var checks: [Check] = []
        var names: [String: SourceNode] = [:]
        for item in items {
            guard let check = decodeCheck(item) else { continue }
            if let first = names[check.name],
                let nameNode = item.mapping?.first(where: { $0.key.scalarText == "name" })?.value
            {
                report(
                    .duplicateCheckName, "check name '\(check.name)' is used twice", at: nameNode,
                    help: "give each check its own name so `coachdrill test` can say which one failed",
                    notes: ["first used at line \(first.line)"])
            } else if let nameNode = item.mapping?.first(where: { $0.key.scalarText == "name" })?.value {
                names[check.name] = nameNode
            }
            checks.append(check)
        }
        return checks
    }

    private mutating func decodeCheck(_ node: SourceNode) -> Check? {
        let rules = FieldRules(
            what: "a check", allowed: Self.checkKeys, required: ["name", "turns"],
            misplaced: [
                "coach": "`coach` belongs to a turn: put it in an item under `turns:`",
                "expect": "`expect` belongs to a turn: put it in an item under `turns:`",
            ])
        guard let fields = fields(of: node, rules) else { return nil }
        let name = fields["name"].flatMap { text($0, "name", nonEmpty: true) } ?? ""
        var seed: UInt64 = 1
        if let seedNode = fields["seed"], let value = integer(seedNode, "seed") {
            if value < 0 {
                report(
                    .invalidValue, "seed must be 0 or more, found \(value)", at: seedNode,
                    help: "write a whole number such as 1")
            } else {
                seed = UInt64(value)
            }
        }
        let from = fields["from"].flatMap { beatReference($0, "check from", code: .checkUnknownBeat) }
        var turns: [CheckTurn] = []
        if let turnsNode = fields["turns"] {
            if let items = turnsNode.sequence {
                if items.isEmpty {
                    report(
                        .invalidValue, "check '\(name)' has no turns", at: turnsNode,
                        help: "add at least one `- coach: ...` turn")
                }
                turns = items.compactMap { decodeTurn($0) }
            } else {
                report(
                    .wrongType, "'turns' must be a list, found \(turnsNode.typeDescription)", at: turnsNode,
                    help: "start each turn with '- coach: ...' on its own line, indented under `turns:`")
            }
        }
        return Check(name: name, seed: seed, from: from, turns: turns)
    }

    private mutating func decodeTurn(_ node: SourceNode) -> CheckTurn? {
        let rules = FieldRules(
            what: "a turn", allowed: Self.turnKeys, required: ["coach"],
            misplaced: [
                "marker": "`marker` belongs inside `expect: { ... }`",
                "stance": "`stance` belongs inside `expect: { ... }`",
                "traps": "`traps` belongs inside `expect: { ... }`",
                "goto": "`goto` belongs inside `expect: { ... }`",
            ])
        guard let turnFields = fields(of: node, rules) else { return nil }
        let coach = turnFields["coach"].flatMap { text($0, "coach", nonEmpty: true) } ?? ""
        var turn = CheckTurn(coach: coach, line: node.line)
        guard let expectNode = turnFields["expect"] else { return turn }
        let expectRules = FieldRules(
            what: "expect", allowed: Self.expectKeys,
            misplaced: [
                "trap": "write `traps: [...]` (a list) in `expect`",
                "markers": "`expect` takes one `marker` (or `marker: none`)",
            ])
        guard let expect = fields(of: expectNode, expectRules) else { return turn }
        if let markerNode = expect["marker"] {
            if markerNode.isNull || markerNode.scalarText == "none" {
                turn.expectMarker = .some(nil)
            } else if markerNode.sequence != nil {
                report(
                    .wrongType, "`marker` in `expect` must be one marker or `none`, found a list", at: markerNode,
                    help: "a line has one primary marker: write `marker: 8.1`")
            } else if let marker = marker(markerNode) {
                turn.expectMarker = .some(marker)
            }
        }
        if let stanceNode = expect["stance"] {
            if stanceNode.sequence != nil {
                report(.wrongType, "`stance` in `expect` must be one stance, found a list", at: stanceNode)
            } else {
                turn.expectStance = stance(stanceNode)
            }
        }
        if let trapsNode = expect["traps"] {
            turn.expectTraps = trapList(trapsNode, "traps")
        }
        if let gotoNode = expect["goto"] {
            turn.expectGoto = beatReference(gotoNode, "expected goto", code: .checkUnknownBeat)
        }
        return turn
    }
}
