/// Plays a scenario: a deterministic state machine over beats.
///
/// Same scenario, seed and coach lines give the same session, every time. The engine is a value: the REPL
/// keeps copies to undo a turn, and `coachdrill test` runs checks on fresh ones.
public struct Engine: Sendable, Equatable {
    public let scenario: Scenario
    /// The beat waiting for the coach's answer.
    public private(set) var beatID: String
    /// What the client said last (the line the coach is answering).
    public private(set) var clientLine: String
    public private(set) var state: [String: Int]
    /// Markers the coach has partnered on so far.
    public private(set) var evidenced: Set<Marker>
    /// Answers given so far.
    public private(set) var turn: Int
    public private(set) var isFinished: Bool
    private var random: SessionRandom
    /// `once` branches already taken, as "beat#index".
    private var spentBranches: Set<String>
    /// The end beat announced last turn (an ending the coach did not choose); the next answer either
    /// closes the session through a branch to an end beat, on 8.9, or arrives there.
    public private(set) var announcedEnd: String?

    public enum StartError: Error, Equatable, CustomStringConvertible {
        case noSuchBeat(String, available: [String])

        public var description: String {
            switch self {
            case .noSuchBeat(let id, let available):
                "no beat named '\(id)' (beats: \(available.joined(separator: ", ")))"
            }
        }
    }

    /// Starts at `from` (default: the scenario's start beat) and picks the client's opening line.
    public init(scenario: Scenario, seed: UInt64, from: String? = nil) throws(StartError) {
        let first = from ?? scenario.start
        guard let beat = scenario.beat(first) else {
            throw .noSuchBeat(first, available: scenario.beats.map(\.id))
        }
        self.scenario = scenario
        beatID = first
        state = Dictionary(scenario.state.map { ($0.name, $0.initial) }, uniquingKeysWith: { _, last in last })
        evidenced = []
        turn = 0
        random = SessionRandom(seed: seed)
        spentBranches = []
        announcedEnd = nil
        clientLine = random.pick(beat.client) ?? ""
        isFinished = beat.end
    }

    public var beat: Beat? { scenario.beat(beatID) }

    /// The context the assessor needs for the coach's next line.
    public var context: AssessmentContext {
        AssessmentContext(
            clientLine: clientLine, expects: beat?.expects ?? [], evidenced: evidenced, turn: turn + 1,
            exemplar: beat?.exemplar)
    }

    /// Judges the coach's line, takes the first branch whose condition holds, and moves the story on.
    public mutating func respond(to coachLine: String, assessor: Assessor) -> Turn {
        let assessment = assessor.assess(coachLine, context: context)
        return apply(assessment)
    }

    /// Moves the story on for an assessment already made (replay and tests feed these directly).
    public mutating func apply(_ assessment: Assessment) -> Turn {
        let from = beatID
        guard !isFinished, let beat else {
            return Turn(assessment: assessment, fromBeat: from, branchIndex: nil, toBeat: from, clientLines: [], ended: true)
        }
        turn += 1
        // The marker credited is the one that moves the story: the primary one.
        if assessment.stance == .partner, let marker = assessment.marker { evidenced.insert(marker) }
        let chosen = beat.branches.indices.first { index in
            let branch = beat.branches[index]
            if branch.once, spentBranches.contains("\(beat.id)#\(index)") { return false }
            return branch.condition?.holds(for: assessment, state: state) ?? true
        }
        if let announced = announcedEnd {
            // The ending was announced last turn: the coach may still close the session themselves;
            // anything else goes to the announced end.
            if let chosen, let target = beat.branches[chosen].goto, scenario.beat(target)?.end == true,
                assessment.marker == .closing
            {
                return take(chosen, of: beat, for: assessment)
            }
            return arriveAtAnnouncedEnd(announced, from: beat, for: assessment)
        }
        guard let chosen else {
            // A beat without a default branch (the linter reports it): the client waits.
            return Turn(assessment: assessment, fromBeat: from, branchIndex: nil, toBeat: from, clientLines: [], ended: false)
        }
        return take(chosen, of: beat, for: assessment)
    }

    /// Takes a branch: its effects, its reply, and the next beat's opening line (announcing instead an
    /// ending the coach did not choose).
    private mutating func take(_ index: Int, of beat: Beat, for assessment: Assessment) -> Turn {
        let branch = beat.branches[index]
        if branch.once { spentBranches.insert("\(beat.id)#\(index)") }
        for effect in branch.effects {
            // A scenario's numbers are its author's: a state that would overflow stays at the limit.
            let (sum, overflow) = state[effect.variable, default: 0].addingReportingOverflow(effect.delta)
            state[effect.variable] = overflow ? (effect.delta > 0 ? .max : .min) : sum
        }
        let next = branch.goto.flatMap { scenario.beat($0) } ?? beat
        let replyIndex = branch.client.entryIndex(for: assessment)
        var said: [String] = []
        if let replyIndex, let reply = pickLine(branch.client.entries[replyIndex].lines, avoiding: clientLine) {
            said.append(reply)
        }
        // An ending the coach did not choose (the line's primary marker is not 8.9) is announced one turn
        // ahead, so the coach still gets to close the session.
        if next.end, next.id != beat.id, assessment.marker != .closing,
            let announcement = next.announce.text(personaName: scenario.persona.name)
        {
            announcedEnd = next.id
            if let last = said.last { clientLine = last }
            return Turn(
                assessment: assessment, fromBeat: beat.id, branchIndex: index, replyIndex: replyIndex, toBeat: beat.id,
                clientLines: said, announcement: announcement, ended: false)
        }
        beatID = next.id
        // Moving into another beat always says its opening line, after the reply, unless the reply leads in
        // (an end beat has the last word all the same); staying says the beat's line only when there is no
        // reply.
        let movedOn = next.id != beat.id
        let needsOpening = movedOn ? (!branch.leadsIn || next.end || said.isEmpty) : said.isEmpty
        if needsOpening, let opening = pickLine(next.client, avoiding: said.last ?? clientLine) {
            said.append(opening)
        }
        if let last = said.last { clientLine = last }
        isFinished = next.end
        return Turn(
            assessment: assessment, fromBeat: beat.id, branchIndex: index, replyIndex: replyIndex, toBeat: next.id,
            clientLines: said, ended: next.end)
    }

    /// The turn after an announcement, when the coach did not close: the announced end beat's line, and the end.
    private mutating func arriveAtAnnouncedEnd(_ endID: String, from beat: Beat, for assessment: Assessment) -> Turn {
        let end = scenario.beat(endID) ?? beat
        announcedEnd = nil
        beatID = end.id
        var said: [String] = []
        if let line = pickLine(end.client, avoiding: clientLine) { said.append(line) }
        if let last = said.last { clientLine = last }
        isFinished = true
        return Turn(
            assessment: assessment, fromBeat: beat.id, branchIndex: nil, toBeat: end.id, clientLines: said, ended: true)
    }
}

extension Engine {
    /// A client line from `options`, chosen by the seed, but never `previous` (what the client has just said)
    /// when the scenario offers another: a person who answers two different questions word for word alike
    /// reads as a machine. The choice stays a function of the seed, so sessions still replay.
    private mutating func pickLine(_ options: [String], avoiding previous: String) -> String? {
        guard let line = random.pick(options) else { return nil }
        guard line == previous, let repeated = options.firstIndex(of: line),
            let other = options.indices.lazy.map({ (repeated + $0) % options.count }).first(where: { options[$0] != line })
        else { return line }
        return options[other]
    }
}

/// What one coach answer did.
public struct Turn: Sendable, Equatable {
    public var assessment: Assessment
    public var fromBeat: String
    /// Index of the branch taken in the beat's `branches`, nil when none could be taken (or the session
    /// went to an announced end).
    public var branchIndex: Int?
    /// Index of the reply set the client answered from, in the branch's `client` entries; nil when the
    /// branch has no reply.
    public var replyIndex: Int?
    public var toBeat: String
    /// What the client says in reply: the branch's reply and/or the next beat's line.
    public var clientLines: [String]
    /// Said after the client's lines when the session is about to end without the coach closing it
    /// ("Niamh glances at the clock."): the next answer is the last.
    public var announcement: String?
    /// The session reached an end beat.
    public var ended: Bool

    public init(
        assessment: Assessment, fromBeat: String, branchIndex: Int?, replyIndex: Int? = nil, toBeat: String,
        clientLines: [String], announcement: String? = nil, ended: Bool
    ) {
        self.assessment = assessment
        self.fromBeat = fromBeat
        self.branchIndex = branchIndex
        self.replyIndex = replyIndex
        self.toBeat = toBeat
        self.clientLines = clientLines
        self.announcement = announcement
        self.ended = ended
    }
}
