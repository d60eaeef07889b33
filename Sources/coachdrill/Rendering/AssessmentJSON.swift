import CoachDrillCore

/// One assessment as a single JSON object (the `classify --format jsonl` and transcript shape).
enum AssessmentJSON {
    static func object(_ assessment: Assessment) -> String {
        let hits = assessment.hits.map { hit in
            "{\"marker\":\(JSONText.quote(hit.marker.id)),\"stance\":\(JSONText.quote(hit.stance.rawValue)),"
                + "\"score\":\(JSONText.number(hit.score)),"
                + "\"evidence\":\(JSONText.array(hit.evidence.map { JSONText.quote($0.text) }))}"
        }
        let stanceEvidence = assessment.stanceEvidence.map {
            "{\"text\":\(JSONText.quote($0.text)),\"cue\":\(JSONText.quote($0.cue))}"
        }
        return "{\"text\":\(JSONText.quote(assessment.text)),"
            + "\"marker\":\(JSONText.quote(assessment.marker?.id)),"
            + "\"stance\":\(JSONText.quote(assessment.stance.rawValue)),"
            + "\"markers\":\(JSONText.array(hits)),"
            + "\"traps\":\(JSONText.array(assessment.traps.map { JSONText.quote($0.rawValue) })),"
            + "\"stance_evidence\":\(JSONText.array(stanceEvidence)),"
            + "\"suggestion\":\(JSONText.quote(assessment.suggestion))}"
    }
}
