/// Finds a key indented differently from the keys around it: the usual cause of libyaml's "mapping values
/// are not allowed", "did not find expected key" and "did not find expected '-' indicator".
///
/// libyaml reports where the structure stopped making sense, which is often the line *after* the
/// mistake: a key indented too deep reads as more words of the value above it, so the error lands on its
/// colon; a first key indented too deep makes the *next* key look out of place. So the line libyaml
/// flags and the line above it are both looked at, each against its nearest key lines above and below.
/// Only the source text is read: the file did not parse, so there is no tree to consult.
struct KeyIndentation {
    /// A key that should line up with another.
    struct Misindented: Equatable {
        /// 1-based line of the misindented key.
        var line: Int
        var key: String
        /// Spaces before the line's first character (for a list item, its `-`).
        var lineIndent: Int
        /// Columns before the key (for a list item, the `- ` counts).
        var indent: Int
        /// The indentation of the keys it belongs with.
        var expectedIndent: Int
        /// A key at the expected indentation, next to it, to line it up with.
        var sibling: String

        /// "line 24 is indented 10 spaces but the keys around it use 8: line `effects:` up with `client:`"
        var help: String {
            let lineUp = "line `\(key):` up with `\(sibling):`"
            guard lineIndent == indent else {
                // A list item: its key sits after the `- `, so count how far the line is off.
                let off = abs(expectedIndent - indent)
                let direction = expectedIndent > indent ? "few" : "many"
                return "line \(line) is indented \(Self.spaces(lineIndent)), \(off) too \(direction) for the keys "
                    + "around it: " + lineUp
            }
            return "line \(line) is indented \(Self.spaces(indent)) but the keys around it use \(expectedIndent): " + lineUp
        }

        private static func spaces(_ count: Int) -> String {
            count == 1 ? "1 space" : "\(count) spaces"
        }
    }

    /// One line that starts with a plain `key:`.
    struct KeyLine: Equatable {
        /// 1-based.
        var number: Int
        var key: String
        /// Spaces before the line's first character.
        var lineIndent: Int
        /// Columns before the key, counting spaces and list dashes.
        var indent: Int
        /// 1-based column of the colon after the key.
        var colonColumn: Int
        /// Nothing but a comment follows the colon and no key comes next, so the key after it starts its
        /// value: the block below. (A key whose block holds other lines, such as a list of sentences, has
        /// its value by the time the next key comes.)
        var opensBlock: Bool
    }

    private let keyLines: [KeyLine]

    init(source: String) {
        keyLines = Self.keyLines(in: source)
    }

    /// The key line at a 1-based line number, if that line starts with a key.
    func keyLine(_ number: Int) -> KeyLine? {
        keyLines.first { $0.number == number }
    }

    /// The misindented key libyaml's complaint at `line` most likely comes from, if there is one:
    /// the line above is tried first, since a key indented wrongly there is what makes a correct line fail.
    func misindentedKey(near line: Int) -> Misindented? {
        guard let flagged = keyLines.lastIndex(where: { $0.number <= line }) else { return nil }
        var candidates: [Int] = []
        if keyLines[flagged].number == line, flagged > 0 { candidates.append(flagged - 1) }
        candidates.append(flagged)
        for index in candidates {
            if let found = misindented(at: index) { return found }
        }
        return nil
    }

    /// Whether the key at `index` is out of line with its neighbours, and with which.
    ///
    /// A key is judged against the key lines just above and below it, and where two readings are possible
    /// (this key is off, or its neighbour is), the key after the neighbour decides: the odd one out is the
    /// one whose indentation the rest of the block does not share.
    private func misindented(at index: Int) -> Misindented? {
        guard index > 0 else { return nil }
        let key = keyLines[index]
        let above = keyLines[index - 1]
        let below = line(index + 1)
        if above.opensBlock {
            // The first key of a block: it sets the block's indentation, so the key after it should share it.
            guard let below, below.indent != key.indent, below.indent > above.indent,
                !(key.opensBlock && below.indent > key.indent)  // the key after is its own child
            else { return nil }
            let next = line(index + 2)
            // ...unless the key after that goes back to this key's indentation: then the one between is off.
            if let next, next.indent == key.indent, key.indent > above.indent {
                return Self.misindented(below, shouldMatch: key)
            }
            // Deeper than the key after it, which is shallower, so cannot be its child. (A key after it with a
            // block of its own may be the misplaced one: a key of an outer mapping.)
            if below.indent < key.indent {
                return below.opensBlock ? nil : Self.misindented(key, shouldMatch: below)
            }
            // Not deeper than its parent, so it was meant inside. But `- default:` followed by `client:` in
            // line with it is a list item's first two keys, so there only the keys after can tell.
            let isItemsSecondKey = above.lineIndent < above.indent && key.indent == above.indent
            if key.indent <= above.indent, !isItemsSecondKey || next?.indent == below.indent {
                return Self.misindented(key, shouldMatch: below)
            }
            return nil
        }
        // The key above has its value on its own line, so nothing can be nested under it.
        if key.indent > above.indent {
            // When the key above is the first of its block and the key below agrees with this one, the key
            // above is the one that is off.
            if index >= 2, keyLines[index - 2].opensBlock, above.indent > keyLines[index - 2].indent,
                let below, below.indent == key.indent
            {
                return Self.misindented(above, shouldMatch: key)
            }
            return Self.misindented(key, shouldMatch: above)
        }
        // Shallower than the key above, yet the key below goes back to that key's indentation (and the key
        // after that does not come back to this one's, which would make this key a block's legitimate end).
        if key.indent < above.indent, let below, below.indent == above.indent,
            !(key.opensBlock && below.indent > key.indent), line(index + 2)?.indent != key.indent
        {
            return Self.misindented(key, shouldMatch: above)
        }
        return nil
    }

    private func line(_ index: Int) -> KeyLine? {
        index < keyLines.count ? keyLines[index] : nil
    }

    private static func misindented(_ key: KeyLine, shouldMatch sibling: KeyLine) -> Misindented {
        Misindented(
            line: key.number, key: key.key, lineIndent: key.lineIndent, indent: key.indent,
            expectedIndent: sibling.indent, sibling: sibling.key)
    }

    // MARK: - Reading lines

    /// Every line that starts with a plain key, skipping comments, blank lines, the text of block scalars
    /// (`|`, `>`) and the inside of flow collections that run over several lines.
    static func keyLines(in source: String) -> [KeyLine] {
        var result: [KeyLine] = []
        var textDeeperThan: Int?  // inside a block scalar: lines indented more than this are its text
        var flowDepth = 0  // inside `{ ... }` or `[ ... ]` that runs on
        for (offset, line) in SourceLines.all(in: source).enumerated() {
            let scalars = Array(line.unicodeScalars)
            let spaces = scalars.prefix { $0 == " " }.count
            let isBlank = spaces == scalars.count || scalars[spaces] == "#"
            if let deeper = textDeeperThan {
                if isBlank || spaces > deeper { continue }
                textDeeperThan = nil
            }
            if flowDepth > 0 {
                closeBlock(&result)
                flowDepth = max(0, flowDepth + bracketBalance(scalars[...]))
                continue
            }
            if isBlank { continue }
            if scalars[spaces] == "\t" {
                closeBlock(&result)
                continue
            }
            var start = spaces
            // List dashes: `- key:` and `- - key:` put the key after them.
            while start + 1 < scalars.count, scalars[start] == "-", scalars[start + 1] == " " {
                start += 1
                while start < scalars.count, scalars[start] == " " { start += 1 }
            }
            var end = start
            while end < scalars.count, isKeyScalar(scalars[end]) { end += 1 }
            let isKey =
                end > start && end < scalars.count && scalars[end] == ":"
                && (end + 1 == scalars.count || scalars[end + 1] == " ")
            let valueStart = isKey ? end + 1 : start
            let value = scalars[valueStart...].drop { $0 == " " }
            flowDepth = max(0, bracketBalance(value))
            if let first = value.first, first == "|" || first == ">" {
                textDeeperThan = isKey ? start : spaces
            }
            guard isKey else {
                closeBlock(&result)
                continue
            }
            var key = String.UnicodeScalarView()
            key.append(contentsOf: scalars[start..<end])
            result.append(
                KeyLine(
                    number: offset + 1, key: String(key), lineIndent: spaces, indent: start, colonColumn: end + 1,
                    opensBlock: opensBlock(value)))
        }
        return result
    }

    /// A line that is not a key (a list item, more words of a value) after a key line means that key's
    /// block has content of its own.
    private static func closeBlock(_ keyLines: inout [KeyLine]) {
        if let last = keyLines.indices.last { keyLines[last].opensBlock = false }
    }

    /// Whether a key's value is the block below it: nothing follows the colon but an anchor, a tag or a
    /// comment.
    private static func opensBlock(_ value: ArraySlice<Unicode.Scalar>) -> Bool {
        var rest = value
        while let first = rest.first, first == "&" || first == "!" {
            rest = rest.drop { $0 != " " }.drop { $0 == " " }
        }
        return rest.isEmpty || rest.first == "#"
    }

    /// Letters, digits, `_`, `-` and `.`: the keys of the format, beat ids and markers.
    private static func isKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" || scalar == "."
    }

    /// Opening minus closing brackets outside quotes and comments.
    private static func bracketBalance(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        var balance = 0
        var quote: Unicode.Scalar?
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "#", previous == " " {
                break
            } else if scalar == "{" || scalar == "[" {
                balance += 1
            } else if scalar == "}" || scalar == "]" {
                balance -= 1
            }
            previous = scalar
        }
        return balance
    }
}
