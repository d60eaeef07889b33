import CoachDrillCore

/// Builds transcript lines for tests, in the schema of docs/transcript.md, with just the fields a test
/// cares about filled in.
enum TranscriptLines {
    static func session(
        scenario: String = "closing-practice", trainee: String = "Robin", started: String = "2026-03-02T09:00:00Z",
        mode: String = "practice", seed: String = "1", extra: String = ""
    ) -> String {
        "{\"event\":\"session\",\"version\":1,\"scenario\":\"\(scenario)\",\"scenario_hash\":\"fnv1a64:0000000000000000\","
            + "\"seed\":\(seed),\"mode\":\"\(mode)\",\"trainee\":\"\(trainee)\",\"started\":\"\(started)\"\(extra)}"
    }

    static func client(_ beat: String, _ text: String = "So?", item: Int? = nil) -> String {
        "{\"event\":\"client\",\"beat\":\"\(beat)\",\"text\":\"\(text)\"\(item.map { ",\"item\":\($0)" } ?? "")}"
    }

    static func coach(
        _ turn: Int, beat: String = "progress", next: String? = "next-step", text: String = "Where are you now?",
        marker: String? = "8.1", stance: String = "partner", traps: [String] = [], extra: String = ""
    ) -> String {
        let markerJSON = marker.map { "\"\($0)\"" } ?? "null"
        let hits = marker.map { "[{\"marker\":\"\($0)\",\"stance\":\"\(stance)\",\"score\":1.0,\"evidence\":[\"Where\"]}]" } ?? "[]"
        return "{\"event\":\"coach\",\"turn\":\(turn),\"beat\":\"\(beat)\""
            + (next.map { ",\"next\":\"\($0)\"" } ?? "") + ",\"branch\":0,\"response_seconds\":4.5,"
            + "\"assessment\":{\"text\":\"\(text)\",\"marker\":\(markerJSON),\"stance\":\"\(stance)\",\"markers\":\(hits),"
            + "\"traps\":[\(traps.map { "\"\($0)\"" }.joined(separator: ","))],"
            + "\"stance_evidence\":[{\"text\":\"Where\",\"cue\":\"open question\"}],\"suggestion\":null}\(extra)}"
    }

    static func undo(_ turn: Int) -> String {
        "{\"event\":\"undo\",\"turn\":\(turn)}"
    }

    static func item(_ index: Int, kind: String = "quick-fire", id: String, passed: Bool, overtime: Bool = false) -> String {
        "{\"event\":\"item\",\"item\":\(index),\"kind\":\"\(kind)\",\"id\":\"\(id)\",\"time_limit_seconds\":60,"
            + "\"elapsed_seconds\":30.5,\"overtime\":\(overtime),\"passed\":\(passed)}"
    }

    static func end(
        _ reason: String = "completed", ended: String = "2026-03-02T09:05:00Z", turns: Int = 1, result: String = ""
    ) -> String {
        "{\"event\":\"end\",\"reason\":\"\(reason)\",\"ended\":\"\(ended)\",\"scorecard\":{\"turns\":\(turns),"
            + "\"partnered\":0,\"advised\":0,\"markers\":[],\"traps\":[]}\(result)}"
    }

    static func text(_ lines: String...) -> String {
        lines.joined(separator: "\n") + "\n"
    }

    /// Parses text that must hold exactly one session.
    static func parse(_ text: String) throws -> Transcript {
        try Transcript(parsing: text)
    }
}
