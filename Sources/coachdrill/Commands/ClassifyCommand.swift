import ArgumentParser
import CoachDrillCore
import ScenarioFormat
import Foundation

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Judge coach lines, one per input line.",
        discussion: """
            Reads FILE (or standard input when FILE is - or absent), one coach line per line, and prints the \
            marker, stance and traps of each.

            With --eval, measures the engine on a labelled corpus: the team's Corpus/coach-turns.tsv (its dev \
            split unless --split says otherwise) or FILE, a tab-separated file whose header names at least \
            the columns marker, stance and text. It prints stance and marker accuracy, advise recall, the share \
            of partnering lines called advised, per-class precision/recall/F1, confusion matrices and \
            accuracy per style tag. With --agreement, prints how far the corpus's two annotators agreed.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Argument(help: "A file of coach lines, or - for standard input (with --eval: a labelled corpus; the team's by default).")
    var file: String?

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text

    @Flag(help: "Treat the input as a labelled TSV and report how the engine scores on it.")
    var eval = false

    @Flag(help: "With --eval, also list every line where the engine disagreed with the label.")
    var showMisses = false

    @Option(help: "With --eval or --agreement: the corpus split to read (train, dev, test or all; default dev). The test split is for reporting only.")
    var split: CorpusSplitChoice?

    @Flag(help: "Print how far the corpus's two annotators agreed (percent, Cohen's kappa, confusion), instead of judging lines.")
    var agreement = false

    func validate() throws {
        if split != nil && !eval && !agreement {
            throw ValidationError("--split goes with --eval or --agreement")
        }
        if eval && agreement { throw ValidationError("--eval and --agreement are two different reports: choose one") }
        if showMisses && !eval { throw ValidationError("--show-misses goes with --eval") }
        if format != .text && (eval || agreement) {
            throw ValidationError("--format chooses how judged lines are printed; --eval and --agreement print a report as text")
        }
    }

    func run() throws {
        if eval || agreement {
            try report()
            return
        }
        let input = try InputText.read(file ?? "-")
        let assessor = Assessor()
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
                // The input is echoed: its control characters are shown escaped, never sent to the terminal.
                output.write("\(marker)\t\(assessment.stance)\t\(TerminalText.sanitize(line, allowNewlines: false))\(traps)")
            }
        }
        output.flush()
    }

    /// `--eval` and `--agreement`: read the labelled corpus, keep the chosen split, print the report.
    private func report() throws {
        let path = try file ?? LabelledCorpusFile.standardPath()
        let shownPath = path == "-" ? "<stdin>" : path
        let lines: [LabelledLine]
        do {
            lines = try LabelledCorpus.parse(InputText.read(path))
        } catch let error as LabelledCorpus.ParseError {
            throw ValidationError(TerminalText.sanitize(error.located(in: shownPath), allowNewlines: false))
        }
        let hasSplits = lines.contains { $0.split != nil }
        let choice = split ?? (hasSplits ? .dev : .all)
        if choice != .all && !hasSplits {
            throw ValidationError("\(TerminalText.sanitize(shownPath, allowNewlines: false)) has no split column, so --split \(choice.rawValue) has nothing to choose")
        }
        let chosen = lines.filter { choice.includes($0.split) }
        guard !chosen.isEmpty else {
            throw ValidationError("\(TerminalText.sanitize(shownPath, allowNewlines: false)) has no labelled lines in the \(choice.rawValue) split")
        }
        let heading = hasSplits ? "\(shownPath), split \(choice.rawValue)" : shownPath
        if agreement {
            guard chosen.contains(where: { $0.secondLabel != nil }) else {
                throw ValidationError("no line of \(heading) was labelled twice (its marker_b and stance_b are empty)")
            }
            StandardOutput.write(TerminalText.sanitize(AgreementReport.render(Agreement(lines: chosen), heading: heading)), terminator: "")
        } else {
            let evaluation = Evaluation(lines: chosen, assessor: Assessor())
            // The misses quote corpus lines: shown escaped, like every other text that reaches the terminal.
            let report = EvaluationReport.render(evaluation, heading: heading, showMisses: showMisses)
            StandardOutput.write(TerminalText.sanitize(report), terminator: "")
        }
    }
}

/// `--split`: one of the corpus's splits, or all of them.
enum CorpusSplitChoice: String, ExpressibleByArgument, CaseIterable {
    case train, dev, test, all

    func includes(_ split: CorpusSplit?) -> Bool {
        self == .all || split?.rawValue == rawValue
    }
}
