import CoachDrillCore

/// Drill transcripts for the class-report benchmark: every participant runs every pack once. A pack has
/// eight quick-fire items (one answer each, a target marker) and two scenario items of three answers.
enum SyntheticDrills {
    static func transcripts(participants: Int, packs: Int) -> [String] {
        var random = SessionRandom(seed: 7)
        let assessor = Assessor()
        var out: [String] = []
        out.reserveCapacity(participants * packs)
        for pack in 0..<packs {
            for person in 0..<participants {
                out.append(run(pack: "pack-\(pack + 1)", participant: "Participant Name \(person + 1)", random: &random, assessor: assessor))
            }
        }
        return out
    }

    private static func run(pack: String, participant: String, random: inout SessionRandom, assessor: Assessor) -> String {
        let started = "2026-03-20T10:00:00Z"
        let quote = SyntheticTranscripts.quote
        var lines = [
            "{\"event\":\"session\",\"version\":1,\"scenario\":\"\(pack)\",\"scenario_hash\":\"fnv1a64:0000000000000000\","
                + "\"seed\":1,\"mode\":\"drill\",\"trainee\":\(quote(participant)),\"started\":\"\(started)\","
                + "\"pack\":\"\(pack)\",\"pack_hash\":\"fnv1a64:0000000000000000\",\"run\":\(quote(participant + "-" + pack))}"
        ]
        var card = Scorecard()
        var turn = 0
        var passedItems = 0
        for item in 0..<10 {
            if item < 8 {
                let target = Marker.allCases[item % Marker.allCases.count]
                let line = SyntheticTranscripts.coachLines[Int(random.next() % UInt64(SyntheticTranscripts.coachLines.count))]
                let assessment = assessor.assess(line)
                card.record(assessment)
                turn += 1
                let passed = assessment.marker == target && assessment.stance == .partner
                if passed { passedItems += 1 }
                lines.append("{\"event\":\"client\",\"beat\":\"qf-\(item)\",\"text\":\"I will sort it out.\",\"item\":\(item)}")
                lines.append(
                    "{\"event\":\"coach\",\"turn\":\(turn),\"beat\":\"qf-\(item)\",\"branch\":null,\"response_seconds\":6.5,"
                        + "\"assessment\":\(SyntheticTranscripts.assessmentJSON(assessment)),\"item\":\(item),"
                        + "\"target\":\"\(target.id)\",\"passed\":\(passed)}")
                lines.append(
                    "{\"event\":\"item\",\"item\":\(item),\"kind\":\"quick-fire\",\"id\":\"qf-\(item)\",\"time_limit_seconds\":60,"
                        + "\"elapsed_seconds\":31.5,\"overtime\":false,\"passed\":\(passed)}")
            } else {
                guard var engine = try? Engine(scenario: SyntheticTranscripts.scenario, seed: UInt64(item)) else { continue }
                var partnered = 0
                for _ in 0..<3 {
                    let line = SyntheticTranscripts.coachLines[Int(random.next() % UInt64(SyntheticTranscripts.coachLines.count))]
                    let step = engine.respond(to: line, assessor: assessor)
                    card.record(step.assessment)
                    turn += 1
                    if step.assessment.stance == .partner { partnered += 1 }
                    lines.append(
                        "{\"event\":\"coach\",\"turn\":\(turn),\"beat\":\(quote(step.fromBeat)),\"next\":\(quote(step.toBeat)),"
                            + "\"branch\":\(step.branchIndex.map(String.init) ?? "null"),\"response_seconds\":8.0,"
                            + "\"assessment\":\(SyntheticTranscripts.assessmentJSON(step.assessment)),\"item\":\(item)}")
                }
                let passed = partnered >= 2
                if passed { passedItems += 1 }
                lines.append(
                    "{\"event\":\"item\",\"item\":\(item),\"kind\":\"scenario\",\"id\":\"bench-loop-\(item)\","
                        + "\"time_limit_seconds\":300,\"elapsed_seconds\":120.0,\"overtime\":false,\"passed\":\(passed)}")
            }
        }
        lines.append(
            SyntheticTranscripts.endJSON(
                card, started: started,
                result: ",\"result\":{\"passed\":\(passedItems >= 6),\"items_passed\":\(passedItems),\"items\":10}"))
        return lines.joined(separator: "\n") + "\n"
    }
}
