import CoachDrillCore

/// Scalars and lists of named values.
extension ScenarioDecoder {
    /// Text from a scalar. Numbers and booleans are read as written (`8.10` stays "8.10").
    mutating func text(_ node: SourceNode, _ what: String, nonEmpty: Bool = false) -> String? {
        guard case .scalar = node.kind else {
            report(
                .wrongType, "'\(what)' must be text, found \(node.typeDescription)", at: node,
                help: node.sequence != nil
                    ? "write a single value; a value starting with '[' must be quoted"
                    : "write a single value; a value containing ': ' must be quoted")
            return nil
        }
        guard let text = node.scalarText else {
            report(
                .wrongType, "'\(what)' has no value", at: node,
                help: "write the value after the colon, on the same line")
            return nil
        }
        if nonEmpty, text.allSatisfy(\.isWhitespace) {
            report(.invalidValue, "'\(what)' is empty", at: node, help: "write the value between the quotes")
            return nil
        }
        return Self.droppingBlockNewlines(text, node)
    }

    mutating func bool(_ node: SourceNode, _ what: String) -> Bool? {
        switch node.scalarText {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            let found = node.scalarText.map { "'\($0)'" } ?? node.typeDescription
            report(
                .wrongType, "'\(what)' must be true or false, found \(found)", at: node, help: "write `true` or `false`"
            )
            return nil
        }
    }

    /// A whole number; a leading `+` is allowed (`+1`), as are quotes.
    mutating func integer(_ node: SourceNode, _ what: String) -> Int? {
        if let text = node.scalarText, let value = Self.parseInteger(text) {
            return value
        }
        let found = node.scalarText.map { "'\($0)'" } ?? node.typeDescription
        report(
            .wrongType, "\(what) must be a whole number, found \(found)", at: node,
            help: "write a whole number such as 0, 2, +1 or -1")
        return nil
    }

    static func parseInteger(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace()
        var digits = Substring(trimmed)
        if digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count < 19, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") })
        else { return nil }
        return Int(digits)
    }

    /// A single value or a list of values: each item's node.
    mutating func oneOrMany(_ node: SourceNode, _ what: String) -> [SourceNode] {
        switch node.kind {
        case .scalar: return node.isNull ? [] : [node]
        case .sequence(let items): return items
        case .mapping:
            report(
                .wrongType, "'\(what)' must be one value or a list, found a mapping", at: node,
                help: "write `\(what): [a, b]` or a single value")
            return []
        }
    }

    mutating func markerList(_ node: SourceNode, _ what: String, nonEmpty: Bool = false) -> [Marker] {
        let items = oneOrMany(node, what)
        if nonEmpty, items.isEmpty, node.mapping == nil {
            report(.invalidValue, "'\(what)' lists no marker", at: node, help: "list at least one, such as [8.1, 8.7]")
        }
        return items.compactMap { marker($0) }
    }

    mutating func marker(_ node: SourceNode) -> Marker? {
        guard let text = node.scalarText else {
            report(.wrongType, "a marker must be a value such as 8.1, found \(node.typeDescription)", at: node)
            return nil
        }
        if let marker = Marker(id: text.trimmingWhitespace()) { return marker }
        let ids = Marker.allCases.map(\.id)
        var help = "competency 8 has markers 8.1 to 8.9"
        if text.hasPrefix("8."), text.count > 3, let marker = Marker(id: String(text.prefix(3))),
            text.dropFirst(3).allSatisfy({ $0 == "0" })
        {
            help = "write '\(marker.id)': as a YAML number '\(text)' is the same as \(marker.id), which is confusing"
        }
        report(
            .unknownMarker, "'\(text)' is not a PCC marker of competency 8" + Suggestions.didYouMean(text, among: ids),
            at: node, help: help)
        return nil
    }

    mutating func stanceList(_ node: SourceNode, _ what: String) -> [Stance] {
        oneOrMany(node, what).compactMap { stance($0) }
    }

    mutating func stance(_ node: SourceNode) -> Stance? {
        guard let text = node.scalarText else {
            report(.wrongType, "a stance must be partner, advise or neutral, found \(node.typeDescription)", at: node)
            return nil
        }
        if let stance = Stance(rawValue: text) { return stance }
        let names = Stance.allCases.map(\.rawValue)
        let aliases = [
            "partnered": "partner", "partnering": "partner", "advised": "advise", "advice": "advise",
            "advising": "advise",
        ]
        let suggestion = aliases[text.lowercased()] ?? Suggestions.closest(to: text, among: names)
        report(
            .unknownStance, "'\(text)' is not a stance" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
            at: node, help: "stances are: \(names.joined(separator: ", "))")
        return nil
    }

    mutating func trapList(_ node: SourceNode, _ what: String) -> [Trap] {
        oneOrMany(node, what).compactMap { trap($0) }
    }

    mutating func trap(_ node: SourceNode) -> Trap? {
        name(node, "a trap", plural: "traps", example: "advice-giving", names: Trap.allCases.map(\.rawValue), unknown: .unknownTrap) {
            Trap(id: $0)
        }
    }

    /// A value named by one word from a fixed list (a trap, an advice kind): a located error for anything
    /// else, with the nearest name and the whole list.
    mutating func name<Value>(
        _ node: SourceNode, _ what: String, plural: String, example: String, names: [String],
        unknown code: DiagnosticCode, _ value: (String) -> Value?
    ) -> Value? {
        guard let text = node.scalarText else {
            report(.wrongType, "\(what) must be a name such as \(example), found \(node.typeDescription)", at: node)
            return nil
        }
        if let found = value(text) { return found }
        report(
            code, "'\(text)' is not \(what)" + Suggestions.didYouMean(text, among: names), at: node,
            help: "\(plural) are: \(names.joined(separator: ", "))")
        return nil
    }

    /// A client line: one string, or a list of variants. Every line must have words in it.
    mutating func clientLines(_ node: SourceNode, _ what: String) -> [String] {
        let items: [SourceNode]
        switch node.kind {
        case .scalar: items = [node]
        case .sequence(let list):
            if list.isEmpty {
                report(
                    .emptyClientLine, "\(what) lists no line", at: node,
                    help: "write at least one line the client says")
                return []
            }
            items = list
        case .mapping:
            report(
                .wrongType, "\(what) must be a line or a list of lines, found a mapping", at: node,
                help: "a line containing ': ' must be quoted: put the whole sentence in double quotes")
            return []
        }
        var lines: [String] = []
        for item in items {
            guard case .scalar(let scalar) = item.kind else {
                report(.wrongType, "\(what) must be a line of text, found \(item.typeDescription)", at: item)
                continue
            }
            let line = item.isNull ? "" : scalar.text
            if line.allSatisfy(\.isWhitespace) {
                report(
                    .emptyClientLine, "\(what) is empty", at: item,
                    help: "write the sentence the client says, or remove this line")
                continue
            }
            lines.append(Self.droppingBlockNewlines(line, item))
        }
        return lines
    }

    /// A `|` or `>` block keeps its final line break in YAML; a line of text should not.
    static func droppingBlockNewlines(_ text: String, _ node: SourceNode) -> String {
        guard case .scalar(let scalar) = node.kind, scalar.style == .literal || scalar.style == .folded else {
            return text
        }
        var result = text
        while result.last?.isNewline == true { result.removeLast() }
        return result
    }

    /// A beat id that must name a beat of this scenario.
    mutating func beatReference(_ node: SourceNode, _ what: String, code: DiagnosticCode) -> String? {
        guard let name = text(node, what) else { return nil }
        if !beatIDs.isEmpty, !beatIDs.contains(name) {
            let suggestion = Suggestions.closest(to: name, among: beatIDs)
            let didYouMean = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            let help =
                suggestion.map { "change it to '\($0)', or add a beat '\(name)' under `beats:`" }
                ?? "beats in this scenario: \(Suggestions.list(beatIDs))"
            report(code, "\(what) '\(name)' names no beat\(didYouMean)", at: node, help: help)
        }
        return name
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
