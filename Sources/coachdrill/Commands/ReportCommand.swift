import ArgumentParser
import CoachDrillCore
import Foundation
import LRSDelivery
import ScenarioFormat

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
              coachdrill report results/ --format gradebook --output gradebook.csv
              coachdrill report results/ --format xapi --xapi-base https://lrs.example.org
              COACHDRILL_LRS_PASSWORD=... coachdrill report results/ --format xapi --lrs https://lrs.example.org/xAPI --lrs-user coach

            Files that cannot be read are named on standard error and left out; the report covers the rest.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, md, csv, json, html, xapi, gradebook
    }

    @Argument(help: "Transcript files, or folders to search for *.jsonl.")
    var paths: [String]

    @Option(
        help: """
            text, md, csv (one row per trainee x marker), json, html (one self-contained file), xapi, or gradebook \
            (drills: a CSV row per participant and item, and a summary row per participant).
            """)
    var format: Format = .text

    @Option(
        help: """
            Only this trainee's sessions, with their partnering trend over time. Case and accents do not \
            matter, and the first name alone will do when only one trainee has it ("zoe" for Zoë Müller).
            """)
    var trainee: String?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(help: "Show every name as \"Participant N\" (for projecting a class report).")
    var anonymize = false

    @Option(help: "Base IRI of xAPI activity ids.")
    var xapiBase: String = ReportXAPI.defaultBase

    @Option(help: "xAPI: identify trainees as mailto:<name, percent-encoded>@DOMAIN instead of an account on the xAPI base.")
    var xapiEmailDomain: String?

    @Option(
        help: ArgumentHelp(
            "With --format xapi: send the statements to this Learning Record Store (POST URL/statements, in batches).",
            valueName: "URL"))
    var lrs: String?

    @Option(
        help: ArgumentHelp(
            "The LRS user for Basic auth; the password is read from the \(LRSDelivery.passwordVariable) environment variable.",
            valueName: "NAME"))
    var lrsUser: String?

    @Option(help: ArgumentHelp("Statements per POST to the LRS (1 to 1000).", valueName: "N"))
    var lrsBatch: Int = LRSDelivery.defaultBatchSize

    func validate() throws {
        if let lrs {
            guard format == .xapi else { throw ValidationError("--lrs sends xAPI statements: give --format xapi with it") }
            switch LRSDelivery.statementsURL(lrs) {
            case .failure(let failure): throw ValidationError(failure.message)
            case .success(let url):
                if let failure = LRSDelivery.credentialsCheck(url, user: lrsUser) { throw ValidationError(failure.message) }
            }
        } else if lrsUser != nil {
            throw ValidationError("--lrs-user is for sending to an LRS: give --lrs URL with it")
        }
        guard LRSDelivery.batchSizes.contains(lrsBatch) else { throw ValidationError("--lrs-batch must be 1 to 1000") }
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
        let query = trainee.map { TraineeQuery($0, folding: Self.foldName) }
        var (builder, read, messages, others) = Self.fold(files, into: ReportBuilder(trainee: query, anonymize: anonymize))
        if let query {
            switch query.choice(among: builder.traineeNames) {
            case .all, .nobody:
                break
            case .only(let names):
                // "Sam" also matched "Sam Lee" while reading; read again for Sam alone.
                (builder, read, messages, others) = Self.fold(
                    files, into: ReportBuilder(trainee: query.narrowed(to: names), anonymize: anonymize))
            case .ambiguous(let names):
                throw ErrorReport.fail(
                    "'\(TerminalText.sanitize(query.text))' could be \(Self.nameList(names, conjunction: "or")); "
                        + "give more of the name, such as --trainee \"\(TerminalText.sanitize(names[0]))\"")
            }
        }
        for message in messages { ErrorReport.say(message) }
        guard read > 0 else {
            if let trainee {
                let known = others.isEmpty ? "" : "; the trainees in them are " + Self.nameList(others, conjunction: "and")
                throw ErrorReport.fail(
                    "no sessions by '\(TerminalText.sanitize(trainee))' in "
                        + ReportFormatting.plural(files.count, "transcript file") + known)
            }
            throw ErrorReport.fail("no readable transcripts among \(ReportFormatting.plural(files.count, "file"))")
        }
        let report = builder.build()
        for warning in report.classReport?.warnings ?? [] { ErrorReport.say(TerminalText.sanitize(warning, allowNewlines: false)) }
        let style = output == nil ? Style.forStandardOutput() : .plain
        let text: String
        switch format {
        case .text:
            let width = output == nil ? StandardOutput.terminalWidth : nil
            text = ReportText.render(ReportSections.document(report), style: style, width: width)
        case .md: text = ReportMarkdown.render(ReportSections.document(report))
        case .csv: text = ReportCSV.render(report)
        case .gradebook:
            guard report.classReport != nil else {
                throw ErrorReport.fail("--format gradebook needs drill transcripts (coachdrill drill ... --results DIR); none were read")
            }
            text = ReportGradebook.render(report)
        case .json: text = ReportJSON.render(report)
        case .html: text = ReportHTML.render(report)
        case .xapi:
            let xapi = ReportXAPI(base: xapiBase, emailDomain: xapiEmailDomain)
            let (statements, leftOut) = xapi.statements(report)
            for line in leftOut { ErrorReport.say(line) }
            if let lrs {
                try send(statements.map { $0.renderedOnOneLine() }, to: lrs)
                // Sent, not printed; --output still keeps a copy.
                guard let output else { return }
                try write(JSONDocument.array(statements).rendered(), to: output)
                return
            }
            text = JSONDocument.array(statements).rendered()
        }
        if let output {
            try write(text, to: output)
        } else {
            StandardOutput.write(text, terminator: "")
        }
    }

    private func write(_ text: String, to output: String) throws {
        do throws(OutputFile.WriteError) {
            try OutputFile.write(text, to: output)
        } catch {
            throw ErrorReport.fail(error.description)
        }
    }

    /// `--lrs`: the statements to the LRS, then one line saying what happened. coachdrill-lrs sends them
    /// (LRSHelper), so that coachdrill itself links no networking; what it says is said here as before.
    private func send(_ statements: [String], to lrs: String) throws {
        guard case .success(let url) = LRSDelivery.statementsURL(lrs) else { return }  // validate() checked it
        let password = ProcessInfo.processInfo.environment[LRSDelivery.passwordVariable]
        if let lrsUser, password?.isEmpty ?? true {
            throw ErrorReport.fail(
                "--lrs-user \(TerminalText.sanitize(lrsUser)) needs its password in the \(LRSDelivery.passwordVariable) "
                    + "environment variable (never on the command line)")
        }
        guard !statements.isEmpty else {
            StandardOutput.write("No statements to send.")
            return
        }
        let request = LRSHelperProtocol.Request(statementsURL: url, user: lrsUser, batchSize: lrsBatch)
        let batches: Int
        do throws(LRSHelper.Failure) {
            batches = try LRSHelper.besideThisExecutable().send(statements, request, note: { ErrorReport.say($0) })
        } catch {
            throw ErrorReport.fail(error.description)
        }
        StandardOutput.write(
            "Sent \(ReportFormatting.plural(statements.count, "statement")) to \(url.absoluteString) in "
                + "\(ReportFormatting.plural(batches, "batch", "batches")); the LRS stored them (statements it already "
                + "had are not repeated).")
    }

    /// Names compare without regard to case, accents or full- and half-width forms: "zoe muller" finds
    /// "Zoë Müller".
    @Sendable static func foldName(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// "A, B or C", sorted, at most 20 names (then "and 4 more"), sanitised: names come from transcripts.
    static func nameList(_ names: some Collection<String>, conjunction: String) -> String {
        let limit = 20
        let sorted = names.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }.map { TerminalText.sanitize($0) }
        let shown = Array(sorted.prefix(limit))
        if sorted.count > limit { return shown.joined(separator: ", ") + " and \(sorted.count - limit) more" }
        guard shown.count > 1, let last = shown.last else { return shown.joined() }
        return shown.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// Reads and folds the files on every core: each worker takes every n-th file into its own builder
    /// (parsing dominates, and files are independent), then the builders are merged. Memory stays bounded
    /// however many files there are, and the messages come back in file order.
    /// `others` holds the names of the trainees left out by the builder's `--trainee` filter.
    static func fold(_ files: [String], into template: ReportBuilder)
        -> (ReportBuilder, read: Int, messages: [String], others: Set<String>)
    {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count))
        var shards = [(builder: ReportBuilder, read: Int, messages: [(Int, String)], others: Set<String>)](
            repeating: (template, 0, [], []), count: workers)
        shards.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes only its own slot, so the writes never overlap.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var shard = (builder: template, read: 0, messages: [(Int, String)](), others: Set<String>())
                for index in stride(from: worker, to: files.count, by: workers) {
                    switch TranscriptFiles.read(files[index]) {
                    case .failure(let problem):
                        shard.messages.append((index, "skipped \(problem)"))
                    case .success(let sessions):
                        for session in sessions {
                            guard shard.builder.includes(session) else {
                                shard.others.insert(session.header.trainee.trimmingCharacters(in: .whitespaces))
                                continue
                            }
                            for note in session.notes {
                                if note.kind == .cutOffLastLine {
                                    shard.messages.append(
                                        (index, "note: \(files[index]):\(note.line): the last line was cut off mid-write "
                                            + "(the session was killed); read the rest"))
                                } else if note.isDisagreement {
                                    // The answers win, and whoever reads the report is told the file disagreed.
                                    shard.messages.append((index, "note: \(files[index]):\(note.line): \(note.message)"))
                                }
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
        return (builder, shards.reduce(0) { $0 + $1.read }, messages, shards.reduce(into: Set()) { $0.formUnion($1.others) })
    }
}
