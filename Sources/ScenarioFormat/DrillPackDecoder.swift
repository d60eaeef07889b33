import CoachDrillCore

/// Reads a located YAML tree as a `DrillPack`, collecting every problem rather than stopping at the first.
///
/// The field-level work (keys with did-you-mean, text, numbers, markers) is the scenario decoder's, reused
/// through `reader`, so a pack's messages read exactly like a scenario's. Scenario items are resolved in
/// the library and embedded, so a pack that decodes without errors can be run.
struct DrillPackDecoder {
    let path: String
    let scenarios: ScenarioLibrary
    /// Does the reporting and the value decoding; its diagnostics are this decoder's.
    private(set) var reader: ScenarioDecoder
    /// The library's scenarios, read the first time an item names one.
    private var loaded: LoadedScenarios?
    /// Where each item's checked lines are written, by item index, for the content checks.
    private(set) var sourceMap: [Int: ItemSource] = [:]

    struct ItemSource {
        var coach: SourceNode?
        var exemplar: SourceNode?
    }

    init(path: String, scenarios: ScenarioLibrary) {
        self.path = path
        self.scenarios = scenarios
        reader = ScenarioDecoder(path: path)
    }

    var diagnostics: [Diagnostic] { reader.diagnostics }
    var suppressedCount: Int { reader.suppressedCount }

    static let reference = "docs/drills.md"
    static let topLevelKeys = ["id", "title", "summary", "time_limit", "seed", "pass", "items"]
    static let kinds = ["scenario", "quick-fire", "rewrite"]
    static let itemKeys: [String: [String]] = [
        "scenario": ["id", "kind", "scenario", "pass", "time_limit"],
        "quick-fire": ["id", "kind", "setup", "client", "marker", "exemplar", "time_limit"],
        "rewrite": ["id", "kind", "setup", "client", "coach", "marker", "exemplar", "time_limit"],
    ]
    static let itemRequired: [String: [String]] = [
        "scenario": ["id", "kind", "scenario"],
        "quick-fire": ["id", "kind", "client", "marker"],
        "rewrite": ["id", "kind", "coach", "marker"],
    ]
    /// Keys of one kind written in an item of another: say which kind they belong to.
    static let kindOnlyHelp: [String: String] = [
        "scenario": "`scenario` belongs to scenario items (`kind: scenario`)",
        "pass": "`pass` belongs to scenario items, or to the pack itself",
        "coach": "`coach` belongs to rewrite items (`kind: rewrite`): the advising line to rewrite",
        "setup": "`setup` belongs to quick-fire and rewrite items",
        "client": "`client` belongs to quick-fire and rewrite items; a scenario brings its own client",
        "marker": "`marker` belongs to quick-fire and rewrite items; a scenario item is judged on the whole story",
        "exemplar": "`exemplar` belongs to quick-fire and rewrite items",
    ]

    mutating func decode(_ root: SourceNode) -> DrillPack? {
        guard root.mapping != nil else {
            reader.report(
                .notADrillPack,
                "a drill pack file must be a mapping of keys (id, title, items, ...), found \(root.typeDescription)",
                at: root, help: "see docs/drills.md for the keys a pack needs, and Scenarios/packs/ for examples")
            return nil
        }
        let rules = FieldRules(
            what: "the pack", allowed: Self.topLevelKeys, required: ["id", "title", "summary", "items"],
            misplaced: [
                "kind": "`kind` belongs to an item: put it under `items:`, inside an item",
                "client": "`client` belongs to an item: put it under `items:`, inside an item",
                "markers": "required markers go under `pass:`, as `pass: { markers: [8.7] }`",
                "beats": "this looks like a scenario; scenarios live in Scenarios/, packs in Scenarios/packs/",
            ], reference: Self.reference)
        guard let top = reader.fields(of: root, rules) else { return nil }

        let id = top["id"].flatMap { reader.text($0, "id") } ?? ""
        if let node = top["id"], !id.isEmpty { checkPackID(id, node: node) }
        let title = top["title"].flatMap { reader.text($0, "title", nonEmpty: true) } ?? ""
        let summary = top["summary"].flatMap { reader.text($0, "summary", nonEmpty: true) } ?? ""
        let timeLimit = top["time_limit"].flatMap { seconds($0, "time_limit") } ?? DrillPack.defaultTimeLimitSeconds
        let seed = top["seed"].flatMap { decodeSeed($0) } ?? 1
        let pass = top["pass"].flatMap { decodePass($0) } ?? DrillPassCriteria()
        let items = top["items"].map { decodeItems($0, defaultTimeLimit: timeLimit) } ?? []
        return DrillPack(
            id: id, title: title, summary: summary, timeLimitSeconds: timeLimit, seed: seed, pass: pass, items: items)
    }

    // MARK: - Pack-level values

    private mutating func checkPackID(_ id: String, node: SourceNode) {
        if !ScenarioDecoder.isKebabCase(id) {
            reader.report(
                .invalidValue, "id '\(id)' must be kebab-case: lowercase letters and digits joined by '-'", at: node,
                help: "for example `id: \(ScenarioDecoder.kebabCased(id))`")
            return
        }
        if let stem = ScenarioDecoder.fileStem(path), stem != id {
            reader.report(
                .idMismatchesFileName, "id '\(id)' does not match the file name '\(stem)'", at: node,
                help: "packs are found by id: rename the file to '\(id).yaml', or set `id: \(stem)`")
        }
    }

    private mutating func decodeSeed(_ node: SourceNode) -> UInt64? {
        guard let value = reader.integer(node, "seed") else { return nil }
        guard value >= 0 else {
            reader.report(
                .invalidValue, "seed must be 0 or more, found \(value)", at: node, help: "for example `seed: 1`")
            return nil
        }
        return UInt64(value)
    }

    private mutating func decodePass(_ node: SourceNode) -> DrillPassCriteria? {
        let rules = FieldRules(
            what: "the pack's `pass`", allowed: ["items", "markers"],
            misplaced: ["partner_rate": "`partner_rate` belongs to the `pass` of a scenario item"],
            reference: Self.reference)
        guard let pass = reader.fields(of: node, rules) else { return nil }
        let share = pass["items"].flatMap { self.share($0, "items") } ?? DrillPassCriteria.defaultItemShare
        let markers = pass["markers"].map { reader.markerList($0, "markers") } ?? []
        return DrillPassCriteria(minimumItemShare: share, requiredMarkers: markers)
    }

    // MARK: - Items

    private mutating func decodeItems(_ node: SourceNode, defaultTimeLimit: Int) -> [DrillItem] {
        guard let list = node.sequence else {
            reader.report(
                .wrongType, "'items' must be a list of items, found \(node.typeDescription)", at: node,
                help: "write each item on its own line starting with '- ', indented under `items:`")
            return []
        }
        if list.isEmpty {
            reader.report(
                .invalidValue, "'items' lists no item", at: node,
                help: "add at least one item: a scenario, a quick-fire or a rewrite (docs/drills.md)")
        }
        var items: [DrillItem] = []
        // Read from the raw ids, so a repeated id is reported even in an item that has other errors.
        var firstByID: [String: SourceNode] = [:]
        for (index, itemNode) in list.enumerated() {
            if let idNode = itemNode.mapping?.first(where: { $0.key.scalarText == "id" })?.value,
                let id = idNode.scalarText
            {
                if let first = firstByID[id] {
                    reader.report(
                        .duplicateItem, "item id '\(id)' is used twice in this pack", at: idNode,
                        help: "give each item its own id; reports compare items across participants by id",
                        notes: ["first used at line \(first.line), column \(first.column)"])
                } else {
                    firstByID[id] = idNode
                }
            }
            if let item = decodeItem(itemNode, index: index, defaultTimeLimit: defaultTimeLimit) { items.append(item) }
        }
        return items
    }

    private mutating func decodeItem(_ node: SourceNode, index: Int, defaultTimeLimit: Int) -> DrillItem? {
        let what = "item \(index + 1)"
        guard let pairs = node.mapping else {
            reader.report(
                .wrongType, "\(what) must be a mapping of keys (id, kind, ...), found \(node.typeDescription)",
                at: node, help: "write the item's keys indented under its '- '")
            return nil
        }
        // The kind decides which keys are allowed, so it is read first.
        let kindNode = pairs.first { $0.key.scalarText == "kind" }?.value
        let kind = kindNode.flatMap { decodeKind($0, what) }
        let allowed = kind.flatMap { Self.itemKeys[$0] } ?? Array(Set(Self.itemKeys.values.joined())).sorted()
        let misplaced = Self.kindOnlyHelp.filter { !allowed.contains($0.key) }
        let rules = FieldRules(
            what: what, allowed: allowed, required: kind.flatMap { Self.itemRequired[$0] } ?? ["id", "kind"],
            misplaced: misplaced, reference: Self.reference)
        guard let item = reader.fields(of: node, rules), let kind else { return nil }

        let id = item["id"].flatMap { reader.text($0, "id") } ?? ""
        if let idNode = item["id"], !id.isEmpty, !ScenarioDecoder.isKebabCase(id) {
            reader.report(
                .invalidValue, "item id '\(id)' must be kebab-case: lowercase letters and digits joined by '-'",
                at: idNode, help: "for example `id: \(ScenarioDecoder.kebabCased(id))`")
        }
        let limit = item["time_limit"].flatMap { seconds($0, "time_limit") } ?? defaultTimeLimit
        let decoded: DrillItem.Kind?
        switch kind {
        case "scenario": decoded = decodeScenarioTask(item).map { .scenario($0) }
        case "quick-fire": decoded = decodeQuickFire(item, index: index).map { .quickFire($0) }
        default: decoded = decodeRewrite(item, index: index).map { .rewrite($0) }
        }
        return decoded.map { DrillItem(id: id, kind: $0, timeLimitSeconds: limit) }
    }

    private mutating func decodeKind(_ node: SourceNode, _ what: String) -> String? {
        guard let text = reader.text(node, "kind") else { return nil }
        if Self.kinds.contains(text) { return text }
        let aliases = ["quickfire": "quick-fire", "quick_fire": "quick-fire", "re-write": "rewrite"]
        let suggestion = aliases[text.lowercased()] ?? Suggestions.closest(to: text, among: Self.kinds)
        reader.report(
            .invalidValue,
            "kind '\(text)' of \(what) is not one of \(Self.kinds.joined(separator: ", "))"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
            at: node, help: "write one of: \(Self.kinds.joined(separator: ", "))")
        return nil
    }

    private mutating func decodeQuickFire(_ item: DecodingFields, index: Int) -> QuickFireTask? {
        let setup = item["setup"].flatMap { reader.text($0, "setup", nonEmpty: true) }
        let client = item["client"].flatMap { reader.text($0, "client", nonEmpty: true) }
        let target = item["marker"].flatMap { singleMarker($0) }
        let exemplar = item["exemplar"].flatMap { reader.text($0, "exemplar", nonEmpty: true) }
        sourceMap[index] = ItemSource(coach: nil, exemplar: item["exemplar"])
        guard let client, let target else { return nil }
        return QuickFireTask(setup: setup, client: client, target: target, exemplar: exemplar)
    }

    private mutating func decodeRewrite(_ item: DecodingFields, index: Int) -> RewriteTask? {
        let setup = item["setup"].flatMap { reader.text($0, "setup", nonEmpty: true) }
        let client = item["client"].flatMap { reader.text($0, "client", nonEmpty: true) }
        let coach = item["coach"].flatMap { reader.text($0, "coach", nonEmpty: true) }
        let target = item["marker"].flatMap { singleMarker($0) }
        let exemplar = item["exemplar"].flatMap { reader.text($0, "exemplar", nonEmpty: true) }
        sourceMap[index] = ItemSource(coach: item["coach"], exemplar: item["exemplar"])
        guard let coach, let target else { return nil }
        return RewriteTask(setup: setup, client: client, coach: coach, target: target, exemplar: exemplar)
    }

    private mutating func singleMarker(_ node: SourceNode) -> Marker? {
        if node.sequence != nil {
            reader.report(
                .wrongType, "an item's `marker` must be one marker, found a list", at: node,
                help: "a quick-fire or rewrite item aims at one marker; make one item per marker")
            return nil
        }
        return reader.marker(node)
    }

    // MARK: - Scenario items

    private mutating func decodeScenarioTask(_ item: DecodingFields) -> ScenarioTask? {
        guard let node = item["scenario"], let name = reader.text(node, "scenario") else { return nil }
        guard let scenario = resolveScenario(name, node: node) else { return nil }
        var task = ScenarioTask(scenario: scenario)
        if let passNode = item["pass"] {
            let rules = FieldRules(
                what: "a scenario item's `pass`", allowed: ["partner_rate", "end"],
                misplaced: ["items": "`items` belongs to the pack's own `pass`"], reference: Self.reference)
            guard let pass = reader.fields(of: passNode, rules) else { return task }
            task.minimumPartnerRate = pass["partner_rate"].flatMap { share($0, "partner_rate") }
            task.endBeats = pass["end"].map { endBeats($0, scenario: scenario) } ?? []
        }
        return task
    }

    private mutating func resolveScenario(_ name: String, node: SourceNode) -> Scenario? {
        if loaded == nil { loaded = LoadedScenarios(scenarios) }
        let ids = loaded?.ids ?? []
        switch loaded?[name] {
        case .loaded(let scenario):
            return scenario
        case nil:
            reader.report(
                .unknownScenario,
                "scenario '\(name)' is not in the library" + Suggestions.didYouMean(name, among: ids), at: node,
                help: ids.isEmpty
                    ? "no scenarios were found in \(scenarios.directories.joined(separator: ", "))"
                    : "scenarios: \(Suggestions.list(ids))")
            return nil
        case .broken(let file, let list):
            reader.report(
                .unknownScenario,
                "scenario '\(name)' does not load: \(file) has \(list.errors.count) "
                    + (list.errors.count == 1 ? "error" : "errors"),
                at: node, help: "run `coachdrill lint \(file)` and fix it first")
            return nil
        }
    }

    private mutating func endBeats(_ node: SourceNode, scenario: Scenario) -> [String] {
        let endIDs = scenario.beats.filter(\.end).map(\.id)
        var beats: [String] = []
        for beatNode in reader.oneOrMany(node, "end") {
            guard let name = reader.text(beatNode, "end") else { continue }
            guard let beat = scenario.beat(name) else {
                reader.report(
                    .unknownBeat,
                    "end '\(name)' names no beat of scenario '\(scenario.id)'"
                        + Suggestions.didYouMean(name, among: endIDs.isEmpty ? scenario.beats.map(\.id) : endIDs),
                    at: beatNode, help: "its end beats are: \(Suggestions.list(endIDs))")
                continue
            }
            guard beat.end else {
                reader.report(
                    .invalidValue, "beat '\(name)' of scenario '\(scenario.id)' is not an end beat", at: beatNode,
                    help:
                        "a scenario item is judged where the story ends; its end beats are: \(Suggestions.list(endIDs))"
                )
                continue
            }
            beats.append(name)
        }
        return beats
    }

    // MARK: - Numbers

    /// A share: a number from 0 to 1, or a percentage written "70%".
    private mutating func share(_ node: SourceNode, _ what: String) -> Double? {
        guard let text = node.scalarText?.trimmingWhitespace() else {
            reader.report(
                .wrongType, "'\(what)' must be a share such as 0.7 or 70%, found \(node.typeDescription)", at: node)
            return nil
        }
        let value: Double? = text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
        guard let value, value.isFinite, (0...1).contains(value) else {
            reader.report(
                .invalidValue, "'\(what)' must be a share from 0 to 1 (or 0% to 100%), found '\(text)'", at: node,
                help: "for example `\(what): 0.7` or `\(what): 70%`")
            return nil
        }
        return value
    }

    /// A time limit: whole seconds (`90`) or minutes and seconds (`"1:30"`), from 1 second to an hour.
    private mutating func seconds(_ node: SourceNode, _ what: String) -> Int? {
        guard let text = node.scalarText?.trimmingWhitespace() else {
            reader.report(
                .wrongType, "'\(what)' must be seconds such as 90 or \"1:30\", found \(node.typeDescription)",
                at: node)
            return nil
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var value: Int?
        if parts.count == 1 {
            value = Int(text)
        } else if parts.count == 2, let minutes = Int(parts[0]), parts[1].count == 2, let secs = Int(parts[1]),
            minutes >= 0, (0..<60).contains(secs)
        {
            value = minutes * 60 + secs
        }
        guard let value, (1...3600).contains(value) else {
            reader.report(
                .invalidValue, "'\(what)' must be from 1 second to an hour, as seconds or m:ss, found '\(text)'",
                at: node, help: "for example `\(what): 90` or `\(what): \"1:30\"`")
            return nil
        }
        return value
    }
}
