import CoachDrillCore

/// One assessment as a single JSON object: `classify --format jsonl` only. Transcripts hold the same fields
/// but are written by the one transcript model (`TranscriptEvent`, JSONEncoder). This byte writer stays for
/// `classify` alone: its output is byte for byte what scripts and the corpus tools read (key order, `1.0`),
/// and JSON is a fifth of its cost per line even written this way (docs/performance.md, "What stays
/// hand-written").
enum AssessmentJSON {
    static func object(_ assessment: Assessment) -> String {
        var out = ByteBuffer(capacity: 256 + assessment.text.utf8.count * 2)
        append(assessment, to: &out)
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes the object into a byte buffer: `classify` judges tens of thousands of lines a second, and
    /// building each object from concatenated Strings cost more than judging the line.
    static func append(_ assessment: Assessment, to out: inout ByteBuffer) {
        func raw(_ text: StaticString) {
            out.append(text)
        }
        func list<Item>(_ items: [Item], _ write: (Item) -> Void) {
            raw("[")
            for (index, item) in items.enumerated() {
                if index > 0 { raw(",") }
                write(item)
            }
            raw("]")
        }
        raw("{\"text\":")
        JSONText.appendQuoted(assessment.text, to: &out)
        raw(",\"marker\":")
        if let marker = assessment.marker { JSONText.appendQuoted(marker.id, to: &out) } else { raw("null") }
        raw(",\"stance\":")
        JSONText.appendQuoted(assessment.stance.rawValue, to: &out)
        raw(",\"markers\":")
        list(assessment.hits) { hit in
            raw("{\"marker\":")
            JSONText.appendQuoted(hit.marker.id, to: &out)
            raw(",\"stance\":")
            JSONText.appendQuoted(hit.stance.rawValue, to: &out)
            raw(",\"score\":")
            JSONText.appendNumber(hit.score, to: &out)
            raw(",\"evidence\":")
            list(hit.evidence) { JSONText.appendQuoted($0.text, to: &out) }
            raw("}")
        }
        raw(",\"traps\":")
        list(assessment.traps) { JSONText.appendQuoted($0.rawValue, to: &out) }
        raw(",\"stance_evidence\":")
        list(assessment.stanceEvidence) { evidence in
            raw("{\"text\":")
            JSONText.appendQuoted(evidence.text, to: &out)
            raw(",\"cue\":")
            JSONText.appendQuoted(evidence.cue, to: &out)
            raw("}")
        }
        raw(",\"suggestion\":")
        if let suggestion = assessment.suggestion { JSONText.appendQuoted(suggestion, to: &out) } else { raw("null") }
        raw("}")
    }
}
