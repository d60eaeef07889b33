extension Diagnostic {
    /// Renders the diagnostic the way a compiler does:
    ///
    ///     Scenarios/x.yaml:14:15: error[CD012]: goto 'learnin' names no beat (did you mean 'learning'?)
    ///        |
    ///     14 |         goto: learnin
    ///        |               ^^^^^^^
    ///        = help: change it to 'learning', or add a beat 'learnin' under `beats:`
    ///
    /// Everything taken from the file is passed through `TerminalText.sanitize`. `color` adds ANSI colours.
    /// The result ends with a newline.
    public func rendered(source: String, color: Bool = false) -> String {
        let style = RenderStyle(color: color, severity: severity)
        var out = style.header(self)
        let lineNumber = location.line
        let gutterWidth = max(String(lineNumber).count, 1)
        let pad = String(repeating: " ", count: gutterWidth)
        if lineNumber > 0, let text = SourceLines.line(lineNumber, in: source) {
            let (shown, caretStart, caretWidth) = Self.caretLayout(line: text, column: location.column, length: length)
            out += style.gutter("\(pad) |") + "\n"
            out += style.gutter("\(String(lineNumber)) |") + (shown.isEmpty ? "" : " " + shown) + "\n"
            out +=
                style.gutter("\(pad) |") + " " + String(repeating: " ", count: caretStart)
                + style.caret(String(repeating: "^", count: caretWidth)) + "\n"
        }
        let sidePad = lineNumber > 0 ? pad + " = " : ""
        for note in notes {
            out += sidePad + style.label("note") + ": " + TerminalText.sanitize(note, allowNewlines: false) + "\n"
        }
        if let help {
            out += sidePad + style.label("help") + ": " + TerminalText.sanitize(help, allowNewlines: false) + "\n"
        }
        return out
    }

    /// The sanitised line with tabs expanded, the display column where the caret starts, and its width.
    static func caretLayout(line: Substring, column: Int, length: Int, maxShown: Int = 120) -> (String, Int, Int) {
        let scalars = Array(line.unicodeScalars)
        let start = min(max(column - 1, 0), scalars.count)
        let end = min(start + max(length, 1), scalars.count)
        func display(_ slice: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            return TerminalText.sanitize(String(view), allowNewlines: false)
                .replacingTabs()
        }
        // Long lines are shown as a window around the caret.
        let windowStart = scalars.count > maxShown ? max(0, min(start - maxShown / 3, scalars.count - maxShown)) : 0
        let windowEnd = min(scalars.count, windowStart + maxShown)
        let lead = windowStart > 0 ? "…" : ""
        let trail = windowEnd < scalars.count ? "…" : ""
        let prefix = lead + display(scalars[windowStart..<max(start, windowStart)])
        let spanned = display(scalars[max(start, windowStart)..<min(max(end, start), windowEnd)])
        let shown = lead + display(scalars[windowStart..<windowEnd]) + trail
        return (shown, DisplayWidth.of(prefix), max(DisplayWidth.of(spanned), 1))
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        contains("\t") ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ") : self
    }
}

/// Lines as YAML counts them: a line ends at LF, CR LF, CR, NEL, LS or PS.
enum SourceLines {
    /// The text of 1-based line `number`, without its line break; nil past the end.
    static func line(_ number: Int, in source: String) -> Substring? {
        guard number >= 1 else { return nil }
        var found: Substring?
        forEach(in: source) { current, text in
            if current == number { found = text }
            return current < number
        }
        return found
    }

    /// Every line, in order (a source ending in a break has an empty last line).
    static func all(in source: String) -> [Substring] {
        var lines: [Substring] = []
        forEach(in: source) { _, text in
            lines.append(text)
            return true
        }
        return lines
    }

    /// Calls `body` with each 1-based line number and text until it returns false.
    private static func forEach(in source: String, _ body: (Int, Substring) -> Bool) {
        var current = 1
        let scalars = source.unicodeScalars
        var lineStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let isBreak =
                scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}"
                || scalar == "\u{2029}"
            if isBreak {
                guard body(current, Substring(scalars[lineStart..<index])) else { return }
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" {
                    next = scalars.index(after: next)
                }
                current += 1
                lineStart = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        _ = body(current, Substring(scalars[lineStart..<scalars.endIndex]))
    }
}

/// What rendered diagnostics style, and how: the codes themselves come from `Style`, the one type that
/// writes ANSI styling.
struct RenderStyle {
    var color: Bool
    var severity: Severity

    private var style: Style { Style(enabled: color) }
    private var severityCode: String { severity == .error ? Style.boldRed : Style.boldYellow }

    func header(_ diagnostic: Diagnostic) -> String {
        let location = TerminalText.sanitize(diagnostic.location.description, allowNewlines: false)
        let message = TerminalText.sanitize(diagnostic.message, allowNewlines: false)
        let label = "\(severity.rawValue)[\(diagnostic.code.rawValue)]"
        guard color else { return "\(location): \(label): \(message)\n" }
        return style.bold(location + ":") + " " + style.apply(severityCode, to: label) + ": " + style.bold(message) + "\n"
    }

    func gutter(_ text: String) -> String {
        style.apply(Style.boldBlue, to: text)
    }

    func caret(_ text: String) -> String {
        style.apply(severityCode, to: text)
    }

    func label(_ text: String) -> String {
        style.apply(Style.boldCyan, to: text)
    }
}
