import CoachDrillCore
import Foundation

/// The events of a drill transcript: the play events plus the item fields of the transcript schema
/// (docs/drills.md, "What is recorded"), so `report` and `replay` read drills and plays alike.
enum DrillTranscriptEvent {
    static func session(pack: DrillPack, packHash: String, trainee: String, run: String, started: Date) -> String {
        "{\"event\":\"session\",\"version\":\(TranscriptWriter.formatVersion),"
            + "\"scenario\":\(JSONText.quote(pack.id)),\"scenario_hash\":\(JSONText.quote(packHash)),"
            + "\"seed\":\(pack.seed),\"mode\":\"drill\",\"trainee\":\(JSONText.quote(trainee)),"
            + "\"started\":\(JSONText.quote(TranscriptEvent.isoTime(started))),"
            + "\"pack\":\(JSONText.quote(pack.id)),\"pack_hash\":\(JSONText.quote(packHash)),"
            + "\"run\":\(JSONText.quote(run))}"
    }

    static func client(beat: String, text: String, item: Int) -> String {
        adding("\"item\":\(item)", to: TranscriptEvent.client(beat: beat, text: text))
    }

    /// A scenario item's answer: the play event, with the item.
    static func scenarioAnswer(
        turn: Int, beat: String, next: String, branch: Int?, seconds: Double, assessment: Assessment, item: Int
    ) -> String {
        adding(
            "\"item\":\(item)",
            to: TranscriptEvent.coach(
                turn: turn, beat: beat, next: next, branch: branch, seconds: seconds, assessment: assessment))
    }

    /// A quick-fire or rewrite answer: no story to move on, so no `next`; the beat is the item's id.
    static func itemAnswer(
        turn: Int, itemID: String, seconds: Double, assessment: Assessment, item: Int, target: Marker, passed: Bool
    ) -> String {
        "{\"event\":\"coach\",\"turn\":\(turn),\"beat\":\(JSONText.quote(itemID)),\"branch\":null,"
            + "\"response_seconds\":\(JSONText.number(seconds)),\"assessment\":\(AssessmentJSON.object(assessment)),"
            + "\"item\":\(item),\"target\":\(JSONText.quote(target.id)),\"passed\":\(passed)}"
    }

    static func itemEnd(_ item: DrillItem, outcome: DrillItemOutcome) -> String {
        "{\"event\":\"item\",\"item\":\(outcome.index),\"kind\":\(JSONText.quote(item.kindName)),"
            + "\"id\":\(JSONText.quote(item.id)),\"time_limit_seconds\":\(item.timeLimitSeconds),"
            + "\"elapsed_seconds\":\(JSONText.number(outcome.elapsedSeconds)),"
            + "\"overtime\":\(outcome.overtime(limit: item.timeLimitSeconds)),\"passed\":\(outcome.passed)}"
    }

    static func end(reason: String, result: DrillResult, ended: Date) -> String {
        adding(
            "\"result\":{\"passed\":\(result.passed),\"items_passed\":\(result.itemsPassed),"
                + "\"items\":\(result.itemCount)}",
            to: TranscriptEvent.end(reason: reason, card: result.scorecard, ended: ended))
    }

    /// `object` with more members: every event is a JSON object built here or by `TranscriptEvent`, so it
    /// ends with its closing brace.
    static func adding(_ members: String, to object: String) -> String {
        guard object.hasSuffix("}") else { return object }
        return String(object.dropLast()) + "," + members + "}"
    }
}
