/// Replays a scenario's `checks:` (golden runs) through the engine and the assessor.
///
/// A check is a list of coach lines with what each should produce. `coachdrill test` prints the
/// failures; `--coverage` lists the beats, branches and reply sets that no check visits.
public enum CheckRunner {
    /// One expectation that did not hold.
    public struct Failure: Sendable, Equatable {
        public var check: String
        /// 1-based turn within the check.
        public var turn: Int
        /// 1-based source line of the turn (0 when unknown).
        public var line: Int
        public var coach: String
        /// What was compared: "marker", "stance", "traps", "goto", or "start".
        public var field: String
        public var expected: String
        public var got: String
    }

    /// A branch, named by its beat and its 0-based position in the beat's `branches`.
    public struct BranchRef: Sendable, Hashable, Comparable {
        public var beat: String
        public var index: Int

        public static func < (lhs: BranchRef, rhs: BranchRef) -> Bool {
            (lhs.beat, lhs.index) < (rhs.beat, rhs.index)
        }
    }

    /// A reply set, named by its branch and its 0-based position in the branch's `client` entries.
    public struct ReplyRef: Sendable, Hashable, Comparable {
        public var branch: BranchRef
        public var entry: Int

        public static func < (lhs: ReplyRef, rhs: ReplyRef) -> Bool {
            (lhs.branch, lhs.entry) < (rhs.branch, rhs.entry)
        }
    }

    /// How much of one kind of thing the checks visit.
    public struct Coverage: Sendable, Equatable {
        public var visited: Int
        public var total: Int

        /// 0...100, rounded down (so 99.6% never shows as 100%); 100 when there is nothing to visit.
        public var percent: Int { total == 0 ? 100 : visited * 100 / total }
        public var isComplete: Bool { visited == total }
    }

    public struct Report: Sendable, Equatable {
        public var checks: Int
        public var turns: Int
        public var failures: [Failure]
        public var visitedBeats: Set<String>
        public var takenBranches: Set<BranchRef>
        /// The reply sets the client answered from.
        public var usedReplies: Set<ReplyRef> = []

        /// Beats no check visits, in file order.
        public func unvisitedBeats(in scenario: Scenario) -> [String] {
            scenario.beats.map(\.id).filter { !visitedBeats.contains($0) }
        }

        /// Conditional branches no check takes, in file order. Default branches are fallbacks for lines
        /// the author did not foresee, so they are not required.
        public func untakenBranches(in scenario: Scenario) -> [BranchRef] {
            scenario.beats.flatMap { beat in
                beat.branches.indices.filter { !beat.branches[$0].isDefault }.map { BranchRef(beat: beat.id, index: $0) }
            }.filter { !takenBranches.contains($0) }
        }

        /// Reply sets no check makes the client answer from, in file order: every key of every reply
        /// mapping, and every plain `client:` reply, default branches' included.
        public func unusedReplies(in scenario: Scenario) -> [ReplyRef] {
            Self.allReplies(in: scenario).filter { !usedReplies.contains($0) }
        }

        static func allReplies(in scenario: Scenario) -> [ReplyRef] {
            scenario.beats.flatMap { beat in
                beat.branches.indices.flatMap { index in
                    beat.branches[index].client.entries.indices.map {
                        ReplyRef(branch: BranchRef(beat: beat.id, index: index), entry: $0)
                    }
                }
            }
        }

        /// Beats, conditional branches and reply sets: how many of each the checks visit.
        public func coverage(of scenario: Scenario) -> (beats: Coverage, branches: Coverage, replies: Coverage) {
            let branches = scenario.beats.reduce(0) { $0 + $1.branches.filter { !$0.isDefault }.count }
            let replies = Self.allReplies(in: scenario).count
            return (
                Coverage(visited: scenario.beats.count - unvisitedBeats(in: scenario).count, total: scenario.beats.count),
                Coverage(visited: branches - untakenBranches(in: scenario).count, total: branches),
                Coverage(visited: replies - unusedReplies(in: scenario).count, total: replies)
            )
        }
    }

    public static func run(_ scenario: Scenario, assessor: Assessor = Assessor()) -> Report {
        var report = Report(checks: scenario.checks.count, turns: 0, failures: [], visitedBeats: [], takenBranches: [])
        for check in scenario.checks {
            var engine: Engine
            do {
                engine = try Engine(scenario: scenario, seed: check.seed, from: check.from)
            } catch {
                report.failures.append(
                    Failure(check: check.name, turn: 0, line: check.turns.first?.line ?? 0, coach: "", field: "start",
                        expected: check.from ?? scenario.start, got: "\(error)"))
                continue
            }
            report.visitedBeats.insert(engine.beatID)
            for (offset, expected) in check.turns.enumerated() {
                let turn = engine.respond(to: expected.coach, assessor: assessor)
                report.turns += 1
                report.visitedBeats.insert(turn.toBeat)
                if let index = turn.branchIndex {
                    let branch = BranchRef(beat: turn.fromBeat, index: index)
                    report.takenBranches.insert(branch)
                    if let entry = turn.replyIndex { report.usedReplies.insert(ReplyRef(branch: branch, entry: entry)) }
                }
                func fail(_ field: String, _ wanted: String, _ got: String) {
                    report.failures.append(
                        Failure(check: check.name, turn: offset + 1, line: expected.line, coach: expected.coach,
                            field: field, expected: wanted, got: got))
                }
                let assessment = turn.assessment
                if let marker = expected.expectMarker, marker != assessment.marker {
                    fail("marker", marker?.id ?? "none", assessment.marker?.id ?? "none")
                }
                if let stance = expected.expectStance, stance != assessment.stance {
                    fail("stance", stance.rawValue, assessment.stance.rawValue)
                }
                if let traps = expected.expectTraps, Set(traps) != Set(assessment.traps) {
                    fail("traps", list(traps), list(assessment.traps))
                }
                if let goto = expected.expectGoto, goto != turn.toBeat {
                    fail("goto", goto, turn.toBeat)
                }
            }
        }
        return report
    }

    private static func list(_ traps: [Trap]) -> String {
        traps.isEmpty ? "[]" : "[" + traps.map(\.rawValue).joined(separator: ", ") + "]"
    }
}
