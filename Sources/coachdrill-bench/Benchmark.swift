import Foundation

/// One named measurement. Two kinds cover what CoachDrill needs to watch:
/// - latency: run a body many times, report the median and 99th percentile of one run;
/// - throughput: run a body that processes `units` things, report things per second (best of a few runs,
///   so a scheduler hiccup does not read as a regression).
/// Optional goals are printed beside the result; the bench never fails on them (timing assertions belong
/// nowhere near the test suite), it marks them "ok" or "MISSED" for a person to read.
struct Benchmark: Sendable {
    enum Goal {
        /// Median at most this many seconds.
        case atMost(seconds: Double)
        /// 99th percentile at most this many seconds (a latency goal that must hold for the slow lines too).
        case p99AtMost(seconds: Double)
        /// At least this many units per second.
        case atLeast(perSecond: Double)
    }

    struct Outcome {
        var result: String
        var goal: String
        var met: Bool?
    }

    let name: String
    let measure: @Sendable () throws -> Outcome

    /// `setUp` runs once, untimed; `body` runs `warmup + iterations` times, the last `iterations` timed.
    static func latency<State>(
        _ name: String, iterations: Int, warmup: Int = 3, goal: Goal? = nil, setUp: @escaping @Sendable () throws -> State,
        body: @escaping @Sendable (inout State) -> Void
    ) -> Benchmark {
        Benchmark(name: name) {
            var state = try setUp()
            for _ in 0..<warmup { body(&state) }
            var samples: [Double] = []
            samples.reserveCapacity(iterations)
            for _ in 0..<iterations {
                let start = ContinuousClock.now
                body(&state)
                samples.append((ContinuousClock.now - start).seconds)
            }
            samples.sort()
            let median = samples[samples.count / 2]
            let p99 = samples[min(samples.count - 1, Int((Double(samples.count) * 0.99).rounded(.up)) - 1)]
            var outcome = Outcome(result: "median \(Self.duration(median)), p99 \(Self.duration(p99))", goal: "", met: nil)
            if case .p99AtMost(let limit) = goal {
                outcome.goal = "p99 ≤ \(Self.duration(limit))"
                outcome.met = p99 <= limit
            } else if case .atMost(let limit) = goal {
                outcome.goal = "median ≤ \(Self.duration(limit))"
                outcome.met = median <= limit
            }
            return outcome
        }
    }

    /// `body` processes `units` \(unit)s per call; it runs `repetitions` times and the fastest counts.
    static func throughput<State>(
        _ name: String, units: Int, unit: String, repetitions: Int = 3, goal: Goal? = nil,
        setUp: @escaping @Sendable () throws -> State, body: @escaping @Sendable (inout State) throws -> Void
    ) -> Benchmark {
        Benchmark(name: name) {
            var state = try setUp()
            var best = Double.infinity
            for _ in 0..<repetitions {
                let start = ContinuousClock.now
                try body(&state)
                best = min(best, (ContinuousClock.now - start).seconds)
            }
            let rate = Double(units) / best
            var outcome = Outcome(
                result: "\(Self.count(rate)) \(unit)s/s (\(Self.count(Double(units))) in \(Self.duration(best)))", goal: "",
                met: nil)
            switch goal {
            case .atLeast(let perSecond)?:
                outcome.goal = "≥ \(Self.count(perSecond)) \(unit)s/s"
                outcome.met = rate >= perSecond
            case .atMost(let limit)?, .p99AtMost(let limit)?:
                outcome.goal = "≤ \(Self.duration(limit))"
                outcome.met = best <= limit
            case nil:
                break
            }
            return outcome
        }
    }

    static func duration(_ seconds: Double) -> String {
        switch seconds {
        case ..<1e-6: String(format: "%.0f ns", seconds * 1e9)
        case ..<1e-3: String(format: "%.1f µs", seconds * 1e6)
        case ..<1: String(format: "%.1f ms", seconds * 1e3)
        default: String(format: "%.2f s", seconds)
        }
    }

    static func count(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        return formatter.string(from: NSNumber(value: value.rounded())) ?? String(Int(value))
    }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
