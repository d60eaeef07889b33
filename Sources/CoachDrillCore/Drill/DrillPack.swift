/// A timed workshop drill: an ordered list of items that everyone in the room answers, with feedback
/// withheld until the end, as in a credential assessment.
///
/// Values only: `ScenarioFormat` builds it from `Scenarios/packs/<id>.yaml` (format: docs/drills.md), the
/// executable runs it, `DrillGrading` decides what passed.
public struct DrillPack: Sendable, Equatable {
    public var id: String
    public var title: String
    public var summary: String
    /// Seconds allowed for an item that sets no time limit of its own.
    public var timeLimitSeconds: Int
    /// The seed for scenario items' client variants, so every participant meets the same lines.
    public var seed: UInt64
    public var pass: DrillPassCriteria
    /// In the order they are played.
    public var items: [DrillItem]

    public init(
        id: String, title: String, summary: String = "", timeLimitSeconds: Int = DrillPack.defaultTimeLimitSeconds,
        seed: UInt64 = 1, pass: DrillPassCriteria = DrillPassCriteria(), items: [DrillItem]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.timeLimitSeconds = timeLimitSeconds
        self.seed = seed
        self.pass = pass
        self.items = items
    }

    /// A minute per item unless the pack says otherwise: enough to read a line and answer it once.
    public static let defaultTimeLimitSeconds = 60

    /// The time the whole pack is planned to take, in seconds.
    public var plannedSeconds: Int {
        items.reduce(0) { $0 + $1.timeLimitSeconds }
    }
}

/// When a participant passes the whole pack.
public struct DrillPassCriteria: Sendable, Equatable {
    /// The least share of items passed, 0...1.
    public var minimumItemShare: Double
    /// Markers the participant must have partnered on at least once, in any item.
    public var requiredMarkers: [Marker]

    public init(minimumItemShare: Double = DrillPassCriteria.defaultItemShare, requiredMarkers: [Marker] = []) {
        self.minimumItemShare = minimumItemShare
        self.requiredMarkers = requiredMarkers
    }

    /// Seven in ten: the share most credential rubrics ask of a competency.
    public static let defaultItemShare = 0.7
}

/// One thing the participant is asked to do.
public struct DrillItem: Sendable, Equatable {
    /// Unique within the pack; reports compare items across participants by it.
    public var id: String
    public var kind: Kind
    /// Seconds shown as a countdown; going over is recorded, never enforced.
    public var timeLimitSeconds: Int

    public init(id: String, kind: Kind, timeLimitSeconds: Int) {
        self.id = id
        self.kind = kind
        self.timeLimitSeconds = timeLimitSeconds
    }

    public enum Kind: Sendable, Equatable {
        case scenario(ScenarioTask)
        case quickFire(QuickFireTask)
        case rewrite(RewriteTask)
    }

    /// The kind's name as written in pack files and transcripts.
    public var kindName: String {
        switch kind {
        case .scenario: "scenario"
        case .quickFire: "quick-fire"
        case .rewrite: "rewrite"
        }
    }

    /// The marker a one-answer item is about; nil for a scenario.
    public var target: Marker? {
        switch kind {
        case .scenario: nil
        case .quickFire(let task): task.target
        case .rewrite(let task): task.target
        }
    }
}

/// A whole scenario, played without feedback.
///
/// Passed when the scenario reached an end beat and every criterion given holds: the share of partnering
/// answers is at least `minimumPartnerRate`, and, when `endBeats` is not empty, the ending reached is one
/// of them. A scenario left before its end is not passed.
public struct ScenarioTask: Sendable, Equatable {
    public var scenario: Scenario
    public var minimumPartnerRate: Double?
    public var endBeats: [String]

    public init(scenario: Scenario, minimumPartnerRate: Double? = nil, endBeats: [String] = []) {
        self.scenario = scenario
        self.minimumPartnerRate = minimumPartnerRate
        self.endBeats = endBeats
    }

    /// Used when an item gives neither criterion.
    public static let defaultPartnerRate = 0.6
}

/// One client line; the coach answers once. Passed when the answer's primary marker is `target` and its
/// stance is partner.
public struct QuickFireTask: Sendable, Equatable {
    /// A sentence of context: who the client is and where the session stands.
    public var setup: String?
    public var client: String
    public var target: Marker
    /// A partnering answer, shown with the feedback at the end (lint checks that it passes).
    public var exemplar: String?

    public init(setup: String? = nil, client: String, target: Marker, exemplar: String? = nil) {
        self.setup = setup
        self.client = client
        self.target = target
        self.exemplar = exemplar
    }
}

/// An advising coach line to say again as partnering, serving the same marker. Passed when the rewrite's
/// primary marker is `target` and its stance is partner.
public struct RewriteTask: Sendable, Equatable {
    public var setup: String?
    /// What the client had just said, when it helps to see it.
    public var client: String?
    /// The advising line to rewrite (lint checks that it is judged advise on `target`).
    public var coach: String
    public var target: Marker
    public var exemplar: String?

    public init(setup: String? = nil, client: String? = nil, coach: String, target: Marker, exemplar: String? = nil) {
        self.setup = setup
        self.client = client
        self.coach = coach
        self.target = target
        self.exemplar = exemplar
    }
}
