/// Writes the Swift source CoachDrillCore compiles the catalogue from: the cues in file order (a cue's
/// number is its position, and the readings and the learned model's features depend on that order) and
/// the word lists.
///
/// Generated source rather than a resource read at run time: the installed `coachdrill` is one file with
/// nothing to find beside it, start-up reads no YAML, and CoachDrillCore stays free of I/O.
public enum SwiftCatalogue {
    /// The whole generated file. `yamlPath` is named in its header.
    public static func source(of file: CueFile, yamlPath: String) -> String {
        var out = """
            // Generated from \(yamlPath) by `make cues` (Sources/coachdrill-cues).
            // Do not edit: edit the YAML and run `make cues`; CueFileTests fails while the two disagree.

            extension CueCatalogue {
                /// Every cue, in the file's order.
                static let all: [Cue] = [

            """
        for cue in file.cues {
            out += "        Cue(id: \(literal(cue.id)), \(literal(cue.pattern)), \(cue.role.swiftExpression), \(literal(cue.label))),\n"
        }
        out += "    ]\n}\n"
        for (group, owner, _) in CueFileReader.wordListNames {
            out += "\nextension \(owner).Words {\n"
            for list in file.wordLists where list.group == group {
                out += "    static let \(camelCase(list.name)): [String] = [\(list.words.map(literal).joined(separator: ", "))]\n"
            }
            out += "}\n"
        }
        return out
    }

    /// A Swift string literal of `text`.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `question_words` → `questionWords`.
    static func camelCase(_ name: String) -> String {
        let parts = name.split(separator: "_")
        return parts.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }
            .joined()
    }
}
