import CoachDrillCore

/// Realistic transcripts for the benchmarks, made by playing a built-in scenario through the real engine
/// and assessor with coach lines drawn (by a seeded generator) from a pool that mixes partnering and
/// advising on every marker. Deterministic: the same count gives the same texts.
enum SyntheticTranscripts {
    static let trainees = (1...40).map { "Trainee \($0)" }

    /// A looping five-beat scenario: partnering moves on, advising stays put, and nothing ever ends, so a
    /// session can run as long as a benchmark wants.
    static let scenario = Scenario(
        id: "bench-loop", title: "Benchmark loop", persona: Persona(name: "Kim"),
        state: [StateVariable(name: "trust", initial: 0)], start: "progress",
        beats: [
            beat("progress", [.progress], next: "learning"),
            beat("learning", [.learningSelf, .learningSituation], next: "design"),
            beat("design", [.design, .resources], next: "accountability"),
            beat("accountability", [.accountability], next: "close"),
            beat("close", [.celebration, .closing], next: "progress"),
        ])

    private static func beat(_ id: String, _ expects: [Marker], next: String) -> Beat {
        Beat(
            id: id, client: ["So where does that leave me?", "I'm not sure what comes next."], expects: expects,
            branches: [
                Branch(
                    condition: Condition(stances: [.partner]), client: ["That's a good question. Let me think."],
                    effects: [Effect(variable: "trust", delta: 1)], goto: next),
                Branch(condition: Condition(stances: [.advise]), client: ["Okay, if you say so."]),
                Branch(condition: nil, client: ["Hm."]),
            ])
    }

    static let coachLines = [
        "Where are you now with what you wanted from today?",
        "What have you discovered about yourself in this conversation?",
        "What looks different to you about the situation now?",
        "How will you use what you've realised this week?",
        "What would you like to do with this before we next meet?",
        "Who or what could help you with this?",
        "How would you like to hold yourself accountable for that?",
        "You named something today you'd been avoiding for months. What would you like to acknowledge yourself for?",
        "How would you like to close our session today?",
        "You should just write the list tonight.",
        "Email me on Friday with your progress.",
        "Good job, you did really well today.",
        "Don't you think you should talk to your manager first?",
        "We're out of time, so let's stop there.",
        "Have you considered delegating more of it?",
        "So the plan is clear then?",
        "I hear that it has been a hard week.",
        "I have a thought, tell me if it doesn't fit: what if you tried one small step? What do you make of that?",
    ]

    /// `count` play transcripts (about eight turns each) by 40 trainees over 60 days.
    static func play(count: Int, turns: ClosedRange<Int> = 4...12) -> [String] {
        var random = SessionRandom(seed: 42)
        let assessor = Assessor()
        return (0..<count).map { index in
            let trainee = trainees[index % trainees.count]
            let day = 1 + index % 60
            let started = "2026-\(day <= 31 ? "01" : "02")-\(pad((day - 1) % 31 + 1))T09:00:00Z"
            let length = turns.lowerBound + Int(random.next() % UInt64(turns.count))
            return session(
                trainee: trainee, started: started, seed: UInt64(index), turns: length, random: &random, assessor: assessor)
        }
    }

    /// One session of `turns` answers, ended ("completed") with its scorecard.
    static func session(
        trainee: String, started: String, seed: UInt64, turns: Int, random: inout SessionRandom, assessor: Assessor,
        mode: String = "practice", extraHeader: String = "", item: Int? = nil
    ) -> String {
        guard var engine = try? Engine(scenario: scenario, seed: seed) else { return "" }
        let itemField = item.map { ",\"item\":\($0)" } ?? ""
        var lines = [
            "{\"event\":\"session\",\"version\":1,\"scenario\":\"\(scenario.id)\",\"scenario_hash\":\"fnv1a64:0000000000000000\","
                + "\"seed\":\(seed),\"mode\":\"\(mode)\",\"trainee\":\(quote(trainee)),\"started\":\"\(started)\"\(extraHeader)}",
            "{\"event\":\"client\",\"beat\":\(quote(engine.beatID)),\"text\":\(quote(engine.clientLine))\(itemField)}",
        ]
        var card = Scorecard()
        for number in 1...max(1, turns) {
            let line = coachLines[Int(random.next() % UInt64(coachLines.count))]
            let turn = engine.respond(to: line, assessor: assessor)
            card.record(turn.assessment)
            lines.append(
                "{\"event\":\"coach\",\"turn\":\(number),\"beat\":\(quote(turn.fromBeat)),\"next\":\(quote(turn.toBeat)),"
                    + "\"branch\":\(turn.branchIndex.map(String.init) ?? "null"),\"response_seconds\":\(3 + number % 7).5,"
                    + "\"assessment\":\(assessmentJSON(turn.assessment))\(itemField)}")
            for reply in turn.clientLines {
                lines.append("{\"event\":\"client\",\"beat\":\(quote(engine.beatID)),\"text\":\(quote(reply))\(itemField)}")
            }
        }
        lines.append(endJSON(card, started: started))
        return lines.joined(separator: "\n") + "\n"
    }

    static func endJSON(_ card: Scorecard, started: String, result: String = "") -> String {
        let markers = card.tallies.map {
            "{\"marker\":\"\($0.marker.id)\",\"partnered\":\($0.partnered),\"advised\":\($0.advised),\"neutral\":\($0.neutral)}"
        }
        let traps = card.traps.map { "{\"trap\":\"\($0.trap.rawValue)\",\"count\":\($0.count)}" }
        return "{\"event\":\"end\",\"reason\":\"completed\",\"ended\":\"\(started)\",\"scorecard\":{\"turns\":\(card.turns),"
            + "\"partnered\":\(card.partneredTurns),\"advised\":\(card.advisedTurns),\"markers\":[\(markers.joined(separator: ","))],"
            + "\"traps\":[\(traps.joined(separator: ","))]}\(result)}"
    }

    static func assessmentJSON(_ assessment: Assessment) -> String {
        let hits = assessment.hits.map { hit in
            "{\"marker\":\"\(hit.marker.id)\",\"stance\":\"\(hit.stance.rawValue)\",\"score\":\(hit.score),"
                + "\"evidence\":[\(hit.evidence.map { quote($0.text) }.joined(separator: ","))]}"
        }
        let evidence = assessment.stanceEvidence.map { "{\"text\":\(quote($0.text)),\"cue\":\(quote($0.cue))}" }
        return "{\"text\":\(quote(assessment.text)),\"marker\":\(assessment.marker.map { "\"\($0.id)\"" } ?? "null"),"
            + "\"stance\":\"\(assessment.stance.rawValue)\",\"markers\":[\(hits.joined(separator: ","))],"
            + "\"traps\":[\(assessment.traps.map { "\"\($0.rawValue)\"" }.joined(separator: ","))],"
            + "\"stance_evidence\":[\(evidence.joined(separator: ","))],"
            + "\"suggestion\":\(assessment.suggestion.map(quote) ?? "null")}"
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case let c where c.value < 0x20: out += "\\u00" + (c.value < 16 ? "0" : "") + String(c.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
