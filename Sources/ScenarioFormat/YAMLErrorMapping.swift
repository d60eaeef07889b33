import Yams

/// Turns a Yams error into a diagnostic with a location, the problem in plain words, and a fix to try.
struct YAMLErrorMapping {
    var path: String

    func diagnostic(for error: any Error, source: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return Diagnostic(.yamlSyntax, "could not read the YAML: \(error)", at: .file(path))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return syntax(problem: problem, context: context, mark: mark, source: source)
        case .reader(let problem, let offset, let value, _):
            return reader(problem: problem, offset: offset, value: value, source: source)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                .duplicateKey, "key \(keys) is written more than once in this mapping",
                at: location(context.mark), help: "keep one of them; YAML mappings cannot repeat a key")
        case .memory:
            return Diagnostic(.yamlSyntax, "ran out of memory reading the YAML", at: .file(path))
        default:
            return Diagnostic(.yamlSyntax, "could not read the YAML: \(yamlError)", at: .file(path))
        }
    }

    private func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: path, line: max(mark.line, 1), column: max(mark.column, 1))
    }

    private func syntax(problem: String, context: YamlError.Context?, mark: Mark, source: String) -> Diagnostic {
        if problem.contains("Maximum nesting level") || (context?.text.contains("Maximum nesting level") ?? false) {
            return Diagnostic(
                .nestingTooDeep, "lists and mappings nest too deeply for a scenario", at: location(mark),
                help: "a scenario nests about eight levels at most; look for runaway '[' or '{' or '- - -'")
        }
        if problem == "but found another document" {
            return Diagnostic(
                .notAScenario, "file holds more than one YAML document", at: location(mark),
                help: "a scenario file holds exactly one scenario; remove this '---' line and what follows, "
                    + "or move it to a file of its own")
        }
        var notes: [String] = []
        if let context, !context.text.isEmpty,
            context.mark.line != mark.line || context.mark.column != mark.column
        {
            notes.append("\(context.text) that starts at line \(context.mark.line), column \(context.mark.column)")
        }
        return Diagnostic(
            .yamlSyntax, "YAML syntax: \(problem)", at: location(mark),
            help: Self.help(forProblem: problem, context: context, line: mark.line, column: mark.column, source: source),
            notes: notes)
    }

    /// A fix to try for libyaml's commonest complaints, which it made at a 1-based line and column.
    static func help(
        forProblem problem: String, context: YamlError.Context?, line lineNumber: Int, column: Int, source: String
    ) -> String {
        let contextText = context?.text ?? ""
        let line = SourceLines.line(lineNumber, in: source) ?? ""
        if problem.contains("mapping values are not allowed") {
            // A key indented deeper than its siblings reads as more words of the value above it, so libyaml
            // stops at the key's own colon; a colon further along the line is one inside an unquoted value.
            let indentation = KeyIndentation(source: source)
            if indentation.keyLine(lineNumber)?.colonColumn == column,
                let misindented = indentation.misindentedKey(near: lineNumber)
            {
                return misindented.help
            }
            return "a value that contains ': ' must be quoted: put the whole sentence in double quotes"
        }
        if problem.contains("tab character") {
            return "YAML does not allow tabs for indentation; indent with spaces"
        }
        if problem.contains("found character that cannot start any token") {
            if line.contains("\t") {
                return "YAML does not allow tabs for indentation; indent with spaces"
            }
            // In a flow collection '>' and '|' start no token at all (outside one they start a block of text).
            if let comparison = Self.comparison(in: line, at: column) {
                return "inside \(comparison.brackets) a value cannot start with '\(comparison.first)'; "
                    + "put it in quotes: `\(comparison.quoted)`"
            }
            return "a value cannot start with '@', '`' or '%'; put the value in double quotes"
        }
        if problem.contains("could not find expected ':'") {
            return "every key needs a ':' after it; a sentence that goes on to the next line must be quoted, "
                + "or the next line indented further than its key"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
            if let misindented = KeyIndentation(source: source).misindentedKey(near: lineNumber) {
                return misindented.help
            }
            if problem.contains("'-'") {
                return "the items of a list must line up: every '- ' at the same indentation"
            }
            return
                "the keys of one mapping must line up exactly; check this line's indentation against the key above it"
        }
        if problem.contains("found undefined alias") {
            return "define the anchor (&name) before using it as *name"
        }
        if problem.contains("found unexpected end of stream") || problem.contains("did not find expected") {
            if contextText.contains("quoted scalar") {
                return "a quoted value was opened and never closed; add the closing quote"
            }
            if contextText.contains("flow") {
                return "a '[' or '{' was opened and never closed; add the closing bracket"
            }
        }
        if problem.contains("found unknown escape character") {
            return
                "inside double quotes a backslash starts an escape; write '\\\\' for a backslash, or use single quotes"
        }
        if contextText.contains("block scalar") {
            if let context, let comparison = Self.comparison(
                in: SourceLines.line(context.mark.line, in: source) ?? "", at: context.mark.column)
            {
                return "a value starting with '\(comparison.first)' begins a block of text; "
                    + "put the comparison in quotes: `\(comparison.quoted)`"
            }
            return "a value starting with '>' or '|' begins a block of text; put comparisons in quotes: \">= 1\""
        }
        if contextText.contains("quoted scalar") {
            return "check the quotes: a value that starts with a quote must end with the same quote"
        }
        return "YAML sometimes notices a mistake a line or two after it was made; check the lines just above too"
    }

    /// The unquoted value starting at a 1-based column, when it starts with '>' or '|' (as an unquoted
    /// comparison such as `>= 1` does), written as it should be: `ownership: ">= 1"`.
    /// `brackets` is the flow collection it sits in on that line: "{ }" or "[ ]".
    static func comparison(in line: Substring, at column: Int) -> (first: Character, quoted: String, brackets: String)? {
        let scalars = Array(line.unicodeScalars)
        guard column >= 1, column <= scalars.count, scalars[column - 1] == ">" || scalars[column - 1] == "|" else {
            return nil
        }
        var valueScalars = String.UnicodeScalarView()
        for scalar in scalars[(column - 1)...] {
            if scalar == "," || scalar == "}" || scalar == "]" || scalar == "#" { break }
            valueScalars.append(scalar)
        }
        while valueScalars.last == " " { valueScalars.removeLast() }
        let value = String(valueScalars)
        // The key in front of it, when the value directly follows `key:`.
        var before = scalars[..<(column - 1)]
        while before.last == " " { before = before.dropLast() }
        var quoted = "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        if before.last == ":" {
            let keyScalars = before.dropLast().reversed().prefix { !" {[,".unicodeScalars.contains($0) }.reversed()
            var key = String.UnicodeScalarView()
            key.append(contentsOf: keyScalars)
            if !key.isEmpty { quoted = String(key) + ": " + quoted }
        }
        var depth = 0
        var brackets = "{ }"
        for scalar in before.reversed() {
            if scalar == "}" || scalar == "]" { depth += 1 }
            if scalar == "{" || scalar == "[" {
                if depth == 0 {
                    brackets = scalar == "[" ? "[ ]" : "{ }"
                    break
                }
                depth -= 1
            }
        }
        return (Character(scalars[column - 1]), quoted, brackets)
    }

    private func reader(problem: String, offset: Int?, value: Int32, source: String) -> Diagnostic {
        var location = SourceLocation.file(path)
        if let offset, offset >= 0,
            let index = source.index(source.startIndex, offsetBy: offset, limitedBy: source.endIndex)
        {
            location = Self.location(of: index, in: source, path: path)
        }
        let hex = String(value, radix: 16, uppercase: true)
        let what = value >= 0 ? " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))" : ""
        return Diagnostic(
            .invalidEncoding, "the file contains a character YAML does not allow: \(problem)\(what)",
            at: location,
            help: "remove the character; scenario text must be printable UTF-8 (tabs and newlines are fine)")
    }

    /// The 1-based line and column (in Unicode scalars, breaking lines as YAML does) of an index.
    static func location(of index: String.Index, in source: String, path: String) -> SourceLocation {
        var line = 1
        var column = 1
        var previousWasCR = false
        for scalar in source.unicodeScalars[..<index] {
            switch scalar {
            case "\n":
                if !previousWasCR {
                    line += 1
                }
                column = 1
            case "\r", "\u{85}", "\u{2028}", "\u{2029}":
                line += 1
                column = 1
            default:
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        return SourceLocation(file: path, line: line, column: column)
    }
}
