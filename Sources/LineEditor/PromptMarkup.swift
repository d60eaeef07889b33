/// Rewrites a prompt so libedit can measure it: runs of terminal escapes (colour, titles) are wrapped
/// in a delimiter character that libedit's EL_PROMPT_ESC treats as "prints, but takes no columns".
///
/// libedit stores each wrapped run together with the visible character that follows it, as one cell
/// whose width is that character's. Two consequences shape this code:
/// - adjacent runs must be merged into one, or the second delimiter becomes the "visible" character;
/// - a run at the very end has no character to ride on and libedit drops it, so a trailing run (the
///   usual colour reset after "coach> ") is moved in front of the last visible character. That
///   character then shows in the reset style, which for a trailing space looks the same.
enum PromptMarkup {
    /// The libedit form of `prompt`, using `delimiter` (which is removed wherever the prompt had it).
    static func libeditPrompt(_ prompt: String, delimiter: Unicode.Scalar = "\u{1}") -> String {
        var cells: [(invisible: [Unicode.Scalar], visible: Unicode.Scalar)] = []
        var pending: [Unicode.Scalar] = []
        var scalars = Array(prompt.unicodeScalars).filter { $0 != delimiter }[...]

        while let scalar = scalars.first {
            if scalar == "\u{1B}" {
                let length = escapeLength(scalars)
                pending.append(contentsOf: scalars.prefix(length))
                scalars = scalars.dropFirst(length)
            } else if scalar.value < 0x20 && scalar != "\n" || scalar.value == 0x7F {
                pending.append(scalar)  // BEL and friends also take no columns
                scalars = scalars.dropFirst()
            } else {
                cells.append((pending, scalar))
                pending = []
                scalars = scalars.dropFirst()
            }
        }
        if !pending.isEmpty, let last = cells.indices.last {
            cells[last].invisible.append(contentsOf: pending)
        }

        var result = String.UnicodeScalarView()
        for cell in cells {
            if !cell.invisible.isEmpty {
                result.append(delimiter)
                result.append(contentsOf: cell.invisible)
                result.append(delimiter)
            }
            result.append(cell.visible)
        }
        return String(result)
    }

    /// Length of the escape sequence at the start of `scalars` (which begins with ESC): CSI
    /// (ESC [ params final), OSC (ESC ] ... BEL or ESC \), or a two-character escape.
    private static func escapeLength(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        let start = scalars.startIndex
        guard scalars.count >= 2 else { return scalars.count }
        switch scalars[start + 1] {
        case "[":
            var index = start + 2
            while index < scalars.endIndex {
                let value = scalars[index].value
                index += 1
                if (0x40...0x7E).contains(value) { break }  // the final byte
            }
            return index - start
        case "]":
            var index = start + 2
            while index < scalars.endIndex {
                if scalars[index] == "\u{7}" { return index + 1 - start }
                if scalars[index] == "\u{1B}", index + 1 < scalars.endIndex, scalars[index + 1] == "\\" {
                    return index + 2 - start
                }
                index += 1
            }
            return index - start
        default:
            return 2
        }
    }
}
