import ArgumentParser
import CoachDrillCore
import Foundation

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Judge coach lines, one per input line.",
        discussion: """
            Reads FILE (or standard input when FILE is - or absent), one coach line per line, and prints the \
            marker, stance and traps of each.

            With --eval, reads a labelled TSV (marker<TAB>stance<TAB>text) and prints accuracy, per-class \
            precision/recall/F1 and confusion matrices.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Argument(help: "A file of coach lines, or - for standard input.")
    var file: String = "-"

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text

    @Flag(help: "Treat the input as a labelled TSV and report how the engine scores on it.")
    var eval = false

    @Flag(help: "With --eval, also list every line where the engine disagreed with the label.")
    var showMisses = false

    func run() throws {
        let input = try InputText.read(file)
        let assessor = Assessor()
        if eval {
            let lines: [LabelledLine]
            do {
                lines = try LabelledCorpus.parse(input)
            } catch {
                throw ValidationError("\(file == "-" ? "<stdin>" : file):\(error)")
            }
            print(EvaluationReport.render(Evaluation(lines: lines, assessor: assessor), showMisses: showMisses), terminator: "")
            return
        }
        var output = OutputBuffer()
        let format = format  // read once: the property wrapper's getter is not free
        // Split on bytes, by hand: Character-level splitting of a large input costs more than judging it,
        // and the generic `split` of the UTF-8 view cost a twentieth of it. Empty lines are skipped.
        let bytes = Array(input.utf8)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            defer { start = end + 1 }
            let last = end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
            guard last > start else { continue }
            let line = String(decoding: bytes[start..<last], as: UTF8.self)
            let assessment = assessor.assess(line)
            switch format {
            case .jsonl:
                output.writeLine { AssessmentJSON.append(assessment, to: &$0) }
            case .text:
                let marker = assessment.marker?.id ?? "none"
                let traps = assessment.traps.isEmpty ? "" : "  [" + assessment.traps.map(\.rawValue).joined(separator: ", ") + "]"
                output.write("\(marker)\t\(assessment.stance)\t\(line)\(traps)")
            }
        }
        output.flush()
    }
}
