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
        if assessment.stance == .partner {
            evidenced.formUnion(assessment.hits.filter { $0.stance == .partner }.map(\.marker))
        }
        let chosen = beat.branches.indices.first { index in
            let branch = beat.branches[index]
            if branch.once, spentBranches.contains("\(beat.id)#\(index)") { return false }
            return branch.condition?.holds(for: assessment, state: state) ?? true
        }
        guard let chosen else {
            // A beat without a default branch (the linter reports it): the client waits.
            return Turn(assessment: assessment, fromBeat: from, branchIndex: nil, toBeat: from, clientLines: [], ended: false)
        }
        let branch = beat.branches[chosen]
        if branch.once { spentBranches.insert("\(beat.id)#\(chosen)") }
        for effect in branch.effects { state[effect.variable, default: 0] += effect.delta }
        let target = branch.goto ?? beat.id
        let next = scenario.beat(target) ?? beat
        beatID = next.id
        // The branch's reply stands in for the next beat's own opening line, except that an end beat always
        // has its last word.
        var said: [String] = []
        if let reply = pickLine(branch.client, avoiding: clientLine) { said.append(reply) }
        let needsOpening = said.isEmpty || (next.end && next.id != beat.id)
        if needsOpening, let opening = pickLine(next.client, avoiding: said.last ?? clientLine) {
            said.append(opening)
        }
        if let last = said.last { clientLine = last }
        isFinished = next.end
        return Turn(
            assessment: assessment, fromBeat: from, branchIndex: chosen, toBeat: next.id, clientLines: said,
            ended: next.end)
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
    /// Index of the branch taken in the beat's `branches`, nil when none could be taken.
    public var branchIndex: Int?
    public var toBeat: String
    /// What the client says in reply: the branch's reply and/or the next beat's line.
    public var clientLines: [String]
    /// The session reached an end beat.
    public var ended: Bool
}
