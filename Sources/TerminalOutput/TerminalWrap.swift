extension TerminalText {
    /// Word-wraps each line of `text` to `width` terminal columns, so a client's long line or a scenario's
    /// summary breaks between words instead of wherever the terminal runs out of room. A continued line
    /// keeps the indentation of the line it continues ("  trap advice-giving: ..."), also when styling
    /// starts before the indentation (a dimmed "  Partnering: ..." line), and a numbered item
    /// ("2. close-on-the-clock · rewrite ...") continues under its text, not its number. ANSI styling
    /// sequences take no columns; a word wider than the whole line is left for the terminal to break.
    public static func wrap(_ text: String, width: Int) -> String {
        guard width >= 20 else { return text }
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard columns(of: line) > width else {
                out.append(String(line))
                continue
            }
            let lead = leadingStylingAndSpaces(of: line)
            let indentWidth = lead.filter { $0 == " " }.count
            let indent = String(repeating: " ", count: indentWidth)
            let text = line[lead.endIndex...]
            let number = text.prefix { $0.isASCII && $0.isNumber }
            let isNumbered = !number.isEmpty && number.count <= 3 && text.dropFirst(number.count).hasPrefix(". ")
            let hanging = isNumbered ? indent + String(repeating: " ", count: number.count + 2) : indent
            var current = ""
            var currentWidth = 0
            for word in text.split(separator: " ") {
                let wordWidth = columns(of: word)
                if current.isEmpty {
                    // The first line keeps the styling that opens it; the terminal carries that styling on
                    // to the continuation lines, so they need only the spaces.
                    current = String(lead) + word
                    currentWidth = indentWidth + wordWidth
                } else if currentWidth + 1 + wordWidth <= width {
                    current += " " + word
                    currentWidth += 1 + wordWidth
                } else {
                    out.append(current)
                    current = hanging + word
                    currentWidth = hanging.count + wordWidth
                }
            }
            out.append(current)
        }
        return out.joined(separator: "\n")
    }

    /// The start of `line` made of spaces and ANSI styling sequences: what comes before its first word.
    /// Its spaces are the line's indentation, wherever styling sits among them.
    public static func leadingStylingAndSpaces(of line: Substring) -> Substring {
        var end = line.startIndex
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == " " {
                index = line.index(after: index)
                end = index
            } else if line[index] == "\u{1B}", let after = endOfEscape(in: line, from: index) {
                index = after
                end = index
            } else {
                break
            }
        }
        return line[..<end]
    }

    /// Where the ANSI control sequence starting at `start` (an ESC) ends; nil if it is not a complete
    /// ESC [ ... final-byte sequence, which is then treated as text.
    private static func endOfEscape(in line: Substring, from start: Substring.Index) -> Substring.Index? {
        let scalars = line.unicodeScalars
        var index = scalars.index(after: start)
        guard index < scalars.endIndex, scalars[index] == "[" else { return nil }
        index = scalars.index(after: index)
        while index < scalars.endIndex {
            let value = scalars[index].value
            index = scalars.index(after: index)
            if (0x40...0x7E).contains(value) { return index }
        }
        return nil
    }

    /// Display columns of `text`, not counting ANSI control sequences (ESC [ ... final byte): what lines
    /// laid out beside one another must measure (a wide character takes two columns, a styled word only its
    /// letters).
    public static func columns(of text: String) -> Int {
        columns(of: text[...])
    }

    /// Display columns of `text`, not counting ANSI control sequences (ESC [ ... final byte).
    public static func columns(of text: Substring) -> Int {
        var total = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                continue
            }
            total += DisplayWidth.width(scalar)
        }
        return total
    }
}
