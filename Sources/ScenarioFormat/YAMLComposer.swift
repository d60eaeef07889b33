import Yams

/// Turns YAML text into a located `SourceNode` tree, within `LoadLimits`, or explains why it cannot.
///
/// Uses Yams' composer (so every node keeps its line and column). Yams refuses a mapping with a duplicated
/// key outright; to report the duplicate where it is written, and carry on, the composer renames the first
/// occurrence with a same-width placeholder, composes again, and restores the key's text while converting.
struct YAMLComposer {
    var path: String
    var limits: LoadLimits

    struct Outcome {
        var root: SourceNode?
        var diagnostics: [Diagnostic]
    }

    func compose(_ text: String) -> Outcome {
        if text.utf8.count > limits.maxBytes {
            return Outcome(root: nil, diagnostics: [tooLarge(byteCount: text.utf8.count)])
        }
        var working = text
        var renamed: [Position: String] = [:]
        var composes = 0
        while true {
            composes += 1
            let parser: Parser
            let root: Node?
            do {
                parser = try Parser(
                    yaml: working, resolver: .basic, constructor: Self.constructor, encoding: .utf8)
                root = try parser.singleRoot()
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                let position = Position(line: context.mark.line, column: context.mark.column)
                let key = duplicates.first ?? ""
                let composeBudget = min(Self.maxComposes, max(2, Self.composeByteBudget / max(text.utf8.count, 1)))
                guard renamed[position] == nil, composes < composeBudget, renamed.count < Self.maxRenames else {
                    return Outcome(root: nil, diagnostics: [duplicateFallback(key: key, at: position)])
                }
                // Rename the key, and its later occurrences in the same block mapping (saving a compose each).
                var batch: [Position: Unicode.Scalar] = [:]
                for target in [position] + Self.blockOccurrences(of: key, after: position, in: working)
                where renamed[target] == nil && renamed.count + batch.count < Self.maxRenames {
                    batch[target] = Self.placeholder(renamed.count + batch.count)
                }
                guard let next = Self.replacingScalars(batch, in: working), batch[position] != nil else {
                    return Outcome(root: nil, diagnostics: [duplicateFallback(key: key, at: position)])
                }
                for target in batch.keys { renamed[target] = key }
                working = next
                continue
            } catch {
                return Outcome(
                    root: nil, diagnostics: [YAMLErrorMapping(path: path).diagnostic(for: error, source: text)])
            }
            guard let root else {
                return Outcome(root: nil, diagnostics: [emptyDocument()])
            }
            var converter = NodeConverter(path: path, limits: limits, renamedKeys: renamed)
            let converted = withExtendedLifetime(parser) { converter.convert(root, depth: 1) }
            if let failure = converter.failure {
                return Outcome(root: nil, diagnostics: [failure])
            }
            return Outcome(root: converted, diagnostics: [])
        }
    }

    /// One constructor for every parse. Yams' default argument builds a new one (three dictionaries of
    /// closures) per parse, and nothing here constructs Swift values from nodes, so its maps are empty.
    /// Immutable after creation, so sharing it between threads is safe.
    nonisolated(unsafe) private static let constructor = Constructor([:], [:], [:])

    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    /// A private-use character, one scalar wide like the one it replaces, distinct for each rename.
    static func placeholder(_ index: Int) -> Unicode.Scalar {
        Unicode.Scalar(0xE000 + UInt32(index % 6000)) ?? "\u{E000}"
    }

    /// Later lines of the same block mapping that start with `key:` at the same column as the key at
    /// `position`. Only plain keys in files broken by `\n` are looked for; anything else is left to the
    /// one-at-a-time renaming.
    static func blockOccurrences(of key: String, after position: Position, in text: String) -> [Position] {
        guard !key.isEmpty,
            !text.unicodeScalars.contains(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" })
        else { return [] }
        let indent = position.column - 1
        let prefix = key + ":"
        var found: [Position] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard lineNumber > position.line else { continue }
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let scalars = line.unicodeScalars
            let leading = scalars.prefix { $0 == " " }.count
            let rest = Substring(scalars.dropFirst(leading))
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            if leading < indent { break }
            if leading == indent, rest.hasPrefix(prefix) {
                let after = rest.dropFirst(prefix.count)
                if after.isEmpty || after.hasPrefix(" ") || after.hasPrefix("\t") {
                    found.append(Position(line: lineNumber, column: position.column))
                }
            }
        }
        return found
    }

    /// Most times the text is composed while renaming duplicated keys (fewer for a large file: at most
    /// `composeByteBudget` bytes are composed in all), and most keys renamed.
    static let maxComposes = 40
    static let composeByteBudget = 3 << 20
    static let maxRenames = 2_000

    /// The text with the scalar at each 1-based line and column replaced (a quoted key keeps its quotes: the
    /// character after the quote is replaced), or nil if any position holds nothing that can be replaced.
    static func replacingScalars(_ replacements: [Position: Unicode.Scalar], in text: String) -> String? {
        var scalars = Array(text.unicodeScalars)
        var lineStarts = [0]
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                index += 2
                lineStarts.append(index)
            } else if scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}"
                || scalar == "\u{2029}"
            {
                index += 1
                lineStarts.append(index)
            } else {
                index += 1
            }
        }
        for (position, replacement) in replacements {
            guard position.line >= 1, position.line <= lineStarts.count, position.column >= 1 else { return nil }
            var target = lineStarts[position.line - 1] + position.column - 1
            guard target < scalars.count else { return nil }
            if scalars[target] == "\"" || scalars[target] == "'" {
                target += 1
                guard target < scalars.count, scalars[target] != scalars[target - 1] else { return nil }
            }
            let old = scalars[target]
            guard !(old == "\n" || old == "\r" || old == " " || old == "\t") else { return nil }
            scalars[target] = replacement
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private func tooLarge(byteCount: Int) -> Diagnostic {
        Diagnostic(
            .fileTooLarge,
            "file is \(byteCount) bytes; scenario files are limited to \(limits.maxBytes) bytes",
            at: .file(path),
            help: "split the scenario into smaller ones; a real scenario is a few kilobytes"
        )
    }

    private func emptyDocument() -> Diagnostic {
        Diagnostic(
            .notAScenario, "file holds no YAML document", at: .file(path),
            help: "start from `coachdrill new ID`, or see docs/authoring.md for the keys a scenario needs"
        )
    }

    private func duplicateFallback(key: String, at position: Position) -> Diagnostic {
        Diagnostic(
            .duplicateKey, "key '\(key)' is written more than once in this mapping",
            at: SourceLocation(file: path, line: position.line, column: position.column),
            length: key.unicodeScalars.count,
            help: "keep one of them; YAML mappings cannot repeat a key"
        )
    }
}

/// Converts Yams nodes to `SourceNode`s, counting nodes, aliases, anchors and depth against the limits.
/// Must run while the `Parser` is alive: Yams holds anchors weakly, and they tell an alias from its target.
struct NodeConverter {
    var path: String
    var limits: LoadLimits
    var renamedKeys: [YAMLComposer.Position: String]
    private(set) var failure: Diagnostic?
    private var nodeCount = 0
    private var aliasCount = 0
    private var anchored: Set<AnchoredNode> = []

    init(path: String, limits: LoadLimits, renamedKeys: [YAMLComposer.Position: String]) {
        self.path = path
        self.limits = limits
        self.renamedKeys = renamedKeys
    }

    private struct AnchoredNode: Hashable {
        var line: Int
        var column: Int
        var kind: Int
    }

    mutating func convert(_ node: Node, depth: Int) -> SourceNode? {
        guard failure == nil else { return nil }
        // One switch, reading the payload's fields directly: `Node.mark` and `Node.anchor` each copy the whole
        // payload (tag, string and a weak anchor) to read one field.
        switch node {
        case .scalar(let scalar):
            guard let (line, column) = admit(scalar.mark, anchored: scalar.anchor != nil, kind: 0, depth: depth)
            else { return nil }
            return SourceNode(
                kind: .scalar(.init(text: scalar.string, style: Self.style(scalar.style))), line: line, column: column)
        case .sequence(let sequence):
            guard let (line, column) = admit(sequence.mark, anchored: sequence.anchor != nil, kind: 1, depth: depth)
            else { return nil }
            var items: [SourceNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard let converted = convert(item, depth: depth + 1) else { return nil }
                items.append(converted)
            }
            return SourceNode(kind: .sequence(items), line: line, column: column)
        case .mapping(let mapping):
            guard let (line, column) = admit(mapping.mark, anchored: mapping.anchor != nil, kind: 2, depth: depth)
            else { return nil }
            var pairs: [SourceNode.Pair] = []
            pairs.reserveCapacity(mapping.count)
            // By index: `Node.Mapping`'s iterator first copies every pair into a new array of tuples.
            var index = mapping.startIndex
            let end = mapping.endIndex
            while index < end {
                let pair = mapping[index]
                index += 1
                guard var convertedKey = convert(pair.key, depth: depth + 1),
                    let convertedValue = convert(pair.value, depth: depth + 1)
                else { return nil }
                if !renamedKeys.isEmpty,
                    let original = renamedKeys[
                        YAMLComposer.Position(line: convertedKey.line, column: convertedKey.column)],
                    case .scalar(var scalar) = convertedKey.kind
                {
                    scalar.text = original
                    convertedKey.kind = .scalar(scalar)
                }
                pairs.append(.init(key: convertedKey, value: convertedValue))
            }
            return SourceNode(kind: .mapping(pairs), line: line, column: column)
        case .alias(let alias):
            // Yams' composer resolves aliases itself; an unresolved one is not expected, so treat it as text.
            guard let (line, column) = admit(alias.mark, anchored: true, kind: 3, depth: depth) else { return nil }
            return SourceNode(kind: .scalar(.init(text: "", style: .plain)), line: line, column: column)
        }
    }

    /// Counts a node against the limits: its line and column, or nil (with `failure` set) past a limit.
    private mutating func admit(_ mark: Mark?, anchored hasAnchor: Bool, kind: Int, depth: Int) -> (Int, Int)? {
        let line = mark?.line ?? 0
        let column = mark?.column ?? 0
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            failure = Diagnostic(
                .aliasExpansion,
                aliasCount > 0
                    ? "document expands to more than \(limits.maxNodes) nodes through its aliases"
                    : "document has more than \(limits.maxNodes) nodes",
                at: location(line, column),
                help: aliasCount > 0
                    ? "this is how an alias bomb looks; write repeated text out instead of nesting aliases"
                    : "a real scenario has a few hundred; split this one into several scenarios"
            )
            return nil
        }
        if depth > limits.maxDepth {
            failure = Diagnostic(
                .nestingTooDeep, "lists and mappings nest more than \(limits.maxDepth) levels deep",
                at: location(line, column),
                help: "a scenario nests about eight levels at most; look for runaway '[' or '{' or '- - -'"
            )
            return nil
        }
        if hasAnchor, mark != nil {
            let key = AnchoredNode(line: line, column: column, kind: kind)
            if anchored.contains(key) {
                aliasCount += 1
                if aliasCount > limits.maxAliases {
                    failure = Diagnostic(
                        .aliasExpansion,
                        "aliases are used more than \(limits.maxAliases) times (counting uses inside aliases)",
                        at: location(line, column), length: 1,
                        help: "this is how an alias bomb looks; write repeated text out instead of nesting aliases"
                    )
                    return nil
                }
            } else {
                anchored.insert(key)
                if anchored.count > limits.maxAnchors {
                    failure = Diagnostic(
                        .aliasExpansion, "more than \(limits.maxAnchors) anchors are used", at: location(line, column),
                        help: "use fewer anchors (&name); write repeated text out"
                    )
                    return nil
                }
            }
        }
        return (line, column)
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    private static func style(_ style: Node.Scalar.Style) -> SourceNode.Scalar.Style {
        switch style {
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        default: .plain
        }
    }
}
