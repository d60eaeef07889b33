import CoachDrillCore

/// The engine and assessor under a long session (issue 6: a 200-turn session stays fast).
enum SessionBenchmarks {
    static var all: [Benchmark] { [longSession, oneTurn] }

    /// 200 answers through a fresh engine, assessing each line in context, as the REPL does.
    static let longSession = Benchmark.latency(
        "session: 200 turns through engine + assessor", iterations: 50,
        goal: .atMost(seconds: 0.2),
        setUp: { () -> [String] in
            var random = SessionRandom(seed: 3)
            return (0..<200).map { _ in
                SyntheticTranscripts.coachLines[Int(random.next() % UInt64(SyntheticTranscripts.coachLines.count))]
            }
        },
        body: { lines in
            guard var engine = try? Engine(scenario: SyntheticTranscripts.scenario, seed: 1) else { return }
            let assessor = Assessor()
            for line in lines { _ = engine.respond(to: line, assessor: assessor) }
        })

    static let oneTurn = Benchmark.latency(
        "session: one turn (assess + branch)", iterations: 5_000,
        setUp: { () -> Engine? in try? Engine(scenario: SyntheticTranscripts.scenario, seed: 1) },
        body: { engine in
            _ = engine?.respond(to: "What would you like to do with this before we next meet?", assessor: Assessor())
        })
}
