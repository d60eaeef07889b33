import ArgumentParser
import CoachDrillCore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise transcripts: per trainee and marker, traps, where people advise, trends, class results.",
        discussion: """
            Reads transcript files and folders (searched recursively for *.jsonl). Drill transcripts add the \
            class report: participants x markers, item difficulty, the most common traps with anonymised \
            example answers, and pass rates.

              coachdrill report ~/.local/share/coachdrill/transcripts --trainee Robin
              coachdrill report results/ --format html --output class.html
              coachdrill report results/ --format xapi --xapi-base https://lrs.example.org

            Files that cannot be read are named on standard error and left out; the report covers the rest.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, md, csv, json, html, xapi
    }

    @Argument(help: "Transcript files, or folders to search for *.jsonl.")
    var paths: [String]

    @Option(help: "text, md, csv (one row per trainee x marker), json, html (one self-contained file) or xapi.")
    var format: Format = .text

    @Option(help: "Only this trainee's sessions (any case), with their partnering trend over time.")
    var trainee: String?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(help: "Show every name as \"Participant N\" (for projecting a class report).")
    var anonymize = false

    @Option(help: "Base IRI of xAPI activity ids.")
    var xapiBase: String = ReportXAPI.defaultBase

    @Option(help: "xAPI: identify trainees as mailto:<name>@DOMAIN instead of an account on the xAPI base.")
    var xapiEmailDomain: String?

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("name at least one transcript file or folder") }
        guard xapiBase.hasPrefix("http://") || xapiBase.hasPrefix("https://") else {
            throw ValidationError("--xapi-base must be an http(s) IRI, such as \(ReportXAPI.defaultBase)")
        }
    }

    func run() throws {
        let files: [String]
        do {
            files = try TranscriptFiles.find(paths)
        } catch {
            throw ErrorReport.fail(error.description)
        }
        let (builder, read, messages) = Self.fold(files, into: ReportBuilder(trainee: trainee, anonymize: anonymize))
        for message in messages { ErrorReport.say(message) }
        guard read > 0 else {
            if let trainee {
                throw ErrorReport.fail("no sessions by '\(trainee)' in \(ReportFormatting.plural(files.count, "transcript file"))")
            }
            throw ErrorReport.fail("no readable transcripts among \(ReportFormatting.plural(files.count, "file"))")
        }
        let report = builder.build()
        let style = output == nil ? Style.forStandardOutput() : .plain
        let text: String
        switch format {
        case .text: text = ReportText.render(ReportSections.document(report), style: style)
        case .md: text = ReportMarkdown.render(ReportSections.document(report))
        case .csv: text = ReportCSV.render(report)
        case .json: text = ReportJSON.render(report)
        case .html: text = ReportHTML.render(report)
        case .xapi: text = ReportXAPI(base: xapiBase, emailDomain: xapiEmailDomain).render(report)
        }
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw ErrorReport.fail("cannot write '\(output)': \(error.localizedDescription)")
            }
        } else {
            StandardOutput.write(text, terminator: "")
        }
    }

    /// Reads and folds the files on every core: each worker takes every n-th file into its own builder
    /// (parsing dominates, and files are independent), then the builders are merged. Memory stays bounded
    /// however many files there are, and the messages come back in file order.
    static func fold(_ files: [String], into template: ReportBuilder) -> (ReportBuilder, read: Int, messages: [String]) {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count))
        var shards = [(builder: ReportBuilder, read: Int, messages: [(Int, String)])](
            repeating: (template, 0, []), count: workers)
        shards.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes only its own slot, so the writes never overlap.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var shard = (builder: template, read: 0, messages: [(Int, String)]())
                for index in stride(from: worker, to: files.count, by: workers) {
                    switch TranscriptFiles.read(files[index]) {
                    case .failure(let problem):
                        shard.messages.append((index, "skipped \(problem)"))
                    case .success(let sessions):
                        for session in sessions where shard.builder.includes(session) {
                            for note in session.notes where note.kind == .cutOffLastLine {
                                shard.messages.append(
                                    (index, "note: \(files[index]):\(note.line): the last line was cut off mid-write "
                                        + "(the session was killed); read the rest"))
                            }
                            shard.builder.add(session)
                            shard.read += 1
                        }
                    }
                }
                slots[worker] = shard
            }
        }
        var builder = template
        for shard in shards { builder.merge(shard.builder) }
        // Sorting is stable, so one file's messages keep their order.
        let messages = shards.flatMap(\.messages).sorted { $0.0 < $1.0 }.map(\.1)
        return (builder, shards.reduce(0) { $0 + $1.read }, messages)
    }
}
