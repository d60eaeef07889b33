import CoachDrillCore

/// A branch's `client:` replies (a line, a list of lines, or a mapping of reply sets keyed by what the
/// coach did), an end beat's `announce:`, and the advice kinds of a condition.
extension ScenarioDecoder {
    /// The replies, and where each reply set is written (for coverage and later checks).
    mutating func decodeReplies(_ node: SourceNode, of what: String, under condition: Condition?)
        -> (Replies, [SourceLocation])
    {
        guard let pairs = node.mapping else {
            let lines = clientLines(node, "client line of \(what)")
            warnAboutConfusion(in: node, key: nil)
            return (Replies(lines), lines.isEmpty ? [] : [location(node)])
        }
        var entries: [Replies.Entry] = []
        var places: [SourceLocation] = []
        var written: [Replies.Key: SourceNode] = [:]
        var otherwiseNode: SourceNode?
        for pair in pairs {
            guard let text = pair.key.scalarText else {
                report(.wrongType, "reply keys must be plain names, found \(pair.key.typeDescription)", at: pair.key)
                continue
            }
            guard let key = Replies.Key(text.trimmingWhitespace()) else {
                let suggestion = Suggestions.closest(to: text, among: Replies.Key.spellings)
                report(
                    .unknownKey,
                    "unknown reply key '\(text)' in \(what)" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                    at: pair.key,
                    help: suggestion.map { "rename it to '\($0)'" }
                        ?? "a reply key is an advice kind (\(AdviceKind.allCases.map(\.rawValue).joined(separator: ", "))), "
                        + "a trap, a marker in quotes (\"8.2\"), `unclear` or `otherwise`")
                continue
            }
            if let first = written[key] {
                report(
                    .duplicateKey, "reply key '\(key)' is written twice in \(what)", at: pair.key,
                    help: "keep one of them, and put all its lines in one list; only the first is used",
                    notes: ["first written at line \(first.line), column \(first.column)"])
                continue
            }
            written[key] = pair.key
            if let otherwiseNode {
                report(
                    .defaultNotLast, "reply '\(key)' comes after `otherwise`, so it is never used", at: pair.key,
                    help: "`otherwise` fits every line and keys are tried in order: move `otherwise` to the end",
                    notes: ["`otherwise` is at line \(otherwiseNode.line)"])
            }
            if key == .otherwise { otherwiseNode = pair.key }
            if let reason = Self.unreachableReason(key, under: condition) {
                report(
                    .unreachableReply, "reply '\(key)' can never be used: \(reason)", at: pair.key,
                    help: "move it to a branch whose `when` lets such a line through, or remove it")
            }
            let lines = clientLines(pair.value, "reply '\(key)' of \(what)")
            if key != .unclear { warnAboutConfusion(in: pair.value, key: key) }
            if !lines.isEmpty {
                entries.append(Replies.Entry(key: key, lines: lines))
                places.append(location(pair.key))
            }
        }
        if otherwiseNode == nil, !pairs.isEmpty {
            report(
                .missingDefaultBranch, "the replies of \(what) have no `otherwise`", at: node,
                help: "end the mapping with `otherwise:` and a reply that fits any line the keys above do not")
        }
        if pairs.isEmpty {
            report(.emptyClientLine, "the replies of \(what) are empty", at: node, help: "write at least `otherwise:`")
        }
        return (Replies(entries: entries), places)
    }

    /// Warns about each line under `node` that reads as confusion: only an `unclear` reply may say it.
    private mutating func warnAboutConfusion(in node: SourceNode, key: Replies.Key?) {
        let items = node.sequence ?? [node]
        for item in items {
            guard let line = item.scalarText, let pattern = ConfusionReply.pattern(in: line) else { continue }
            let under = key.map { "reply '\($0)'" } ?? "this reply"
            report(
                .confusionReply,
                "\(under) reads as confusion, like \"\(pattern.examples.first ?? pattern.phrase)\", but it can "
                    + "follow a clear line", at: item,
                help: "a trainee reads confusion as \"my question was unclear\"; answer the line in character, "
                    + "and keep confusion for the `unclear` key")
        }
    }

    /// Why a reply key can never fit a line that the branch's condition lets through, or nil when it can.
    static func unreachableReason(_ key: Replies.Key, under condition: Condition?) -> String? {
        guard let condition else { return nil }
        let stances = condition.stances.map(\.rawValue).joined(separator: " or ")
        let markers = condition.markers.map(\.id).joined(separator: " or ")
        switch key {
        case .advice(let kind):
            if !condition.stances.isEmpty, !condition.stances.contains(.advise) {
                return "'\(kind)' answers advice, and this branch is taken only on stance \(stances)"
            }
            if !condition.markers.isEmpty, Set(condition.markers).isDisjoint(with: kind.markers) {
                let kindMarkers = kind.markers.map(\.id).joined(separator: ", ")
                return "'\(kind)' answers advice on \(kindMarkers), and this branch is taken only on marker \(markers)"
            }
            if !condition.advice.isEmpty, !condition.advice.contains(kind) {
                let kinds = condition.advice.map(\.rawValue).joined(separator: " or ")
                return "this branch is taken only on advice of kind \(kinds)"
            }
        case .marker(let marker):
            if !condition.markers.isEmpty, !condition.markers.contains(marker) {
                return "this branch is taken only on marker \(markers)"
            }
            if !condition.advice.isEmpty, !condition.advice.contains(AdviceKind(servingMarker: marker)) {
                return "this branch is taken only on advice whose kind does not serve \(marker.id)"
            }
        case .unclear:
            if !condition.markers.isEmpty { return "an unclear line has no marker, and this branch needs \(markers)" }
            if !condition.stances.isEmpty, !condition.stances.contains(.neutral) {
                return "an unclear line is neutral, and this branch is taken only on stance \(stances)"
            }
            if !condition.advice.isEmpty || !condition.traps.isEmpty {
                return "an unclear line neither advises nor falls into a trap"
            }
        case .trap, .otherwise:
            break
        }
        return nil
    }

    /// `announce:` on an end beat: `false`, `true` (the standard words) or the words to show.
    mutating func decodeAnnouncement(_ node: SourceNode, isEnd: Bool, key: SourceNode?) -> Beat.Announcement? {
        if !isEnd {
            report(
                .invalidValue, "`announce` is only for end beats", at: key ?? node,
                help: "it says how an ending the coach did not choose is announced; remove it, or mark the beat `end: true`")
            return nil
        }
        switch node.scalarText {
        case "false", "False", "FALSE": return Beat.Announcement.none
        case "true", "True", "TRUE": return .standard
        default: return text(node, "announce", nonEmpty: true).map { .text($0) }
        }
    }

    mutating func adviceList(_ node: SourceNode, _ what: String) -> [AdviceKind] {
        oneOrMany(node, what).compactMap { item in
            name(
                item, "an advice kind", plural: "advice kinds", example: "action",
                names: AdviceKind.allCases.map(\.rawValue), unknown: .invalidValue
            ) { AdviceKind(rawValue: $0) }
        }
    }
}
