extension TerminalText {
    /// Word-wraps each line of `text` to `width` terminal columns, so a client's long line or a scenario's
    /// summary breaks between words instead of wherever the terminal runs out of room. A continued line
    /// keeps the indentation of the line it continues ("  trap advice-giving: ..."), and a numbered item
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
            let indent = String(line.prefix { $0 == " " })
            let text = line.dropFirst(indent.count)
            let number = text.prefix { $0.isASCII && $0.isNumber }
            let isNumbered = !number.isEmpty && number.count <= 3 && text.dropFirst(number.count).hasPrefix(". ")
            let hanging = isNumbered ? indent + String(repeating: " ", count: number.count + 2) : indent
            var current = ""
            var currentWidth = 0
            for word in text.split(separator: " ") {
                let wordWidth = columns(of: word)
                if current.isEmpty {
                    current = indent + word
                    currentWidth = indent.count + wordWidth
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

    /// Display columns of `text`, not counting ANSI control sequences (ESC [ ... final byte).
    static func columns(of text: Substring) -> Int {
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
