/// A coaching scenario: a persona, the beats of the conversation and how the client reacts.
///
/// Values only: `ScenarioFormat` builds it from YAML, `Engine` plays it.
public struct Scenario: Sendable, Equatable {
    public var id: String
    public var title: String
    public var summary: String
    public var difficulty: Difficulty
    /// The markers this scenario practises.
    public var markers: [Marker]
    /// The pitfalls the persona tempts the coach into.
    public var traps: [Trap]
    public var persona: Persona
    /// Numbers the persona tracks, with their starting values, in file order.
    public var state: [StateVariable]
    public var start: String
    /// Beats in file order.
    public var beats: [Beat]
    public var checks: [Check]

    public init(
        id: String, title: String, summary: String = "", difficulty: Difficulty = .standard,
        markers: [Marker] = [], traps: [Trap] = [], persona: Persona, state: [StateVariable] = [],
        start: String, beats: [Beat], checks: [Check] = []
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.difficulty = difficulty
        self.markers = markers
        self.traps = traps
        self.persona = persona
        self.state = state
        self.start = start
        self.beats = beats
        self.checks = checks
    }

    public func beat(_ id: String) -> Beat? {
        beats.first { $0.id == id }
    }
}

public enum Difficulty: String, Sendable, Equatable, CaseIterable, Codable {
    case gentle, standard, stretch
}

public struct Persona: Sendable, Equatable {
    public var name: String
    public var role: String
    public var sessionGoal: String
    public var style: String

    public init(name: String, role: String = "", sessionGoal: String = "", style: String = "") {
        self.name = name
        self.role = role
        self.sessionGoal = sessionGoal
        self.style = style
    }
}

public struct StateVariable: Sendable, Equatable {
    public var name: String
    public var initial: Int

    public init(name: String, initial: Int) {
        self.name = name
        self.initial = initial
    }
}

/// One moment of the conversation: the client speaks, the coach answers, a branch decides what next.
public struct Beat: Sendable, Equatable {
    public var id: String
    /// What the client says on arriving here; several variants are picked from by the seeded RNG.
    public var client: [String]
    public var expects: [Marker]
    public var hint: String?
    public var exemplar: String?
    public var branches: [Branch]
    public var end: Bool
    /// For an end beat: how an ending the coach did not choose is announced one turn ahead.
    public var announce: Announcement

    /// How an end beat the coach did not choose is announced (`announce:`).
    public enum Announcement: Sendable, Equatable {
        /// "<name> glances at the clock."
        case standard
        /// The scenario's own words.
        case text(String)
        /// Not announced: the client walks out (`announce: false`).
        case none

        /// The words shown, or nil when the ending is not announced.
        public func text(personaName: String) -> String? {
            switch self {
            case .standard: "\(personaName) glances at the clock."
            case .text(let text): text
            case .none: nil
            }
        }
    }

    public init(
        id: String, client: [String], expects: [Marker] = [], hint: String? = nil, exemplar: String? = nil,
        branches: [Branch] = [], end: Bool = false, announce: Announcement = .standard
    ) {
        self.id = id
        self.client = client
        self.expects = expects
        self.hint = hint
        self.exemplar = exemplar
        self.branches = branches
        self.end = end
        self.announce = announce
    }
}

/// A way out of a beat: taken when its condition holds (branches are tried in order).
public struct Branch: Sendable, Equatable {
    /// nil for the `default` branch.
    public var condition: Condition?
    /// The client's reaction, keyed by what the coach did; said before the next beat's opening line.
    public var client: Replies
    public var effects: [Effect]
    /// The beat to go to; nil stays on the current beat.
    public var goto: String?
    /// A `once` branch is taken at most once per session; afterwards it is skipped.
    public var once: Bool
    /// The reply already leads into the next beat, so that beat's opening line is not said
    /// (`leads_in: true`; an end beat's line is said all the same).
    public var leadsIn: Bool

    public init(
        condition: Condition?, client: Replies = [], effects: [Effect] = [], goto: String? = nil,
        once: Bool = false, leadsIn: Bool = false
    ) {
        self.condition = condition
        self.client = client
        self.effects = effects
        self.goto = goto
        self.once = once
        self.leadsIn = leadsIn
    }

    public var isDefault: Bool { condition == nil }
}

/// All parts must hold. A list of markers, stances, traps or advice kinds holds when any one of them does.
public struct Condition: Sendable, Equatable {
    public var markers: [Marker]
    public var stances: [Stance]
    public var traps: [Trap]
    /// The line advised with one of these kinds (`advice: action`).
    public var advice: [AdviceKind]
    public var state: [StateTest]

    public init(
        markers: [Marker] = [], stances: [Stance] = [], traps: [Trap] = [], advice: [AdviceKind] = [],
        state: [StateTest] = []
    ) {
        self.markers = markers
        self.stances = stances
        self.traps = traps
        self.advice = advice
        self.state = state
    }

    /// Whether an assessment (and the persona's state) satisfies the condition. A marker test reads the
    /// primary marker only: the marker that moves the story is the one the scorecard credits, never a
    /// weaker secondary reading.
    public func holds(for assessment: Assessment, state values: [String: Int]) -> Bool {
        if !markers.isEmpty {
            guard let primary = assessment.marker, markers.contains(primary) else { return false }
        }
        if !stances.isEmpty, !stances.contains(assessment.stance) { return false }
        if !traps.isEmpty, !traps.contains(where: assessment.traps.contains) { return false }
        if !advice.isEmpty {
            guard let kind = assessment.adviceKind, advice.contains(kind) else { return false }
        }
        return state.allSatisfy { $0.holds(values[$0.variable] ?? 0) }
    }
}

public struct StateTest: Sendable, Equatable {
    public enum Comparison: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    public var variable: String
    public var comparison: Comparison
    public var value: Int

    public init(variable: String, comparison: Comparison, value: Int) {
        self.variable = variable
        self.comparison = comparison
        self.value = value
    }

    public func holds(_ actual: Int) -> Bool {
        switch comparison {
        case .equal: actual == value
        case .notEqual: actual != value
        case .less: actual < value
        case .lessOrEqual: actual <= value
        case .greater: actual > value
        case .greaterOrEqual: actual >= value
        }
    }
}

/// Adds `delta` to a state variable.
public struct Effect: Sendable, Equatable {
    public var variable: String
    public var delta: Int

    public init(variable: String, delta: Int) {
        self.variable = variable
        self.delta = delta
    }
}

/// A golden run that `coachdrill test` replays: coach lines and what each should produce.
public struct Check: Sendable, Equatable {
    public var name: String
    public var seed: UInt64
    public var from: String?
    public var turns: [CheckTurn]

    public init(name: String, seed: UInt64 = 1, from: String? = nil, turns: [CheckTurn]) {
        self.name = name
        self.seed = seed
        self.from = from
        self.turns = turns
    }
}

public struct CheckTurn: Sendable, Equatable {
    public var coach: String
    public var expectMarker: Marker??
    public var expectStance: Stance?
    public var expectTraps: [Trap]?
    public var expectGoto: String?
    /// 1-based source line of the turn, for failure messages.
    public var line: Int

    public init(
        coach: String, expectMarker: Marker?? = nil, expectStance: Stance? = nil, expectTraps: [Trap]? = nil,
        expectGoto: String? = nil, line: Int = 0
    ) {
        self.coach = coach
        self.expectMarker = expectMarker
        self.expectStance = expectStance
        self.expectTraps = expectTraps
        self.expectGoto = expectGoto
        self.line = line
    }
}
