/// The feedback engine: judges one coach line against competency 8.
///
/// The stance and the marker come from the learned model (`LearnedModel`) over the line's features
/// (`LineFeatures`): words and word pairs, clause forms, who acts, catalogue cues, the client's words. The
/// evidence quoted is the words whose features weighed most for the verdict. Traps (`TrapRules`) read that
/// verdict to name how a line advised. See docs/feedback.md.
public struct Assessor: Sendable {
    private let index: CueIndex

    public init() {
        index = CueIndex.shared
    }

    /// Compiles the cue catalogue and loads the model's weights now (otherwise the first line judged
    /// waits for them, about 0.2 s, most of it building the model's vocabulary), so a caller can do it
    /// off the main thread while the first prompt is on screen. Safe to call from any thread, once or many
    /// times.
    public static func prepare() {
        _ = CueIndex.shared
        _ = LearnedModel.shared
    }

    public func assess(_ line: String, context: AssessmentContext = AssessmentContext()) -> Assessment {
        judge(line, context: context).assessment
    }

    /// The judgement with its reasons: every feature that counted, what it added, and where it is in the line.
    public func explain(_ line: String, context: AssessmentContext = AssessmentContext()) -> Explanation {
        let judgement = judge(line, context: context)
        return Explanation(
            assessment: judgement.assessment,
            stance: Explanation.Reasoning(judgement.stance, quotes: judgement.quotes),
            marker: Explanation.Reasoning(judgement.marker, quotes: judgement.quotes))
    }

    private func judge(_ line: String, context: AssessmentContext)
        -> (assessment: Assessment, stance: LearnedModel.Decision, marker: LearnedModel.Decision, quotes: EvidenceQuotes)
    {
        let read = LineReading(line, index: index)
        let model = LearnedModel.shared
        var features = ModelFeatures(vocabulary: model.vocabulary)
        LineFeatures.collect(
            tokens: read.tokens, clauses: read.clauses, matches: read.matches, clientLine: context.clientLine,
            into: &features)
        let known = features.numbers
        let stanceDecision = model.decide(model.stance, features: known)
        let markerDecision = model.decide(model.marker, features: known)
        let stance = Stance(rawValue: stanceDecision.label) ?? .neutral
        let primary = Marker(id: markerDecision.label)
        let quotes = EvidenceQuotes(bytes: read.bytes, found: features.found, model: model)
        var hits: [MarkerHit] = []
        if let primary {
            let top = markerDecision.probabilities.first { $0.label == primary.id }?.probability ?? 1
            hits.append(
                MarkerHit(
                    marker: primary, stance: stance, score: 1,
                    evidence: quotes.evidence(markerDecision)))
            // A marker the model also finds likely is a secondary reading (`explain` and the drill's pass rule read
            // it; scenario branches read the primary marker only).
            for (label, probability) in markerDecision.probabilities.sorted(by: { $0.probability > $1.probability })
            where label != primary.id && probability >= LearnedModel.secondaryProbability {
                guard let marker = Marker(id: label) else { continue }
                let against = model.contributions(
                    model.marker, features: known, as: label, against: primary.id, atLeast: EvidenceQuotes.minimum)
                hits.append(
                    MarkerHit(
                        marker: marker, stance: stance, score: (probability / top * 100).rounded() / 100,
                        evidence: quotes.evidence(against)))
            }
        }
        let traps = TrapRules.traps(in: read, stance: stance, primary: primary, hits: hits, context: context)
        let suggestion = Self.suggestion(for: primary, context: context)
        let assessment = Assessment(
            text: line, marker: primary, stance: stance, hits: hits, traps: traps,
            stanceEvidence: quotes.evidence(stanceDecision), suggestion: suggestion.line,
            suggestionMarker: suggestion.marker,
            unclear: Self.isUnclear(read.tokens, marker: primary, stance: stance, vocabulary: model.vocabulary))
        return (assessment, stanceDecision, markerDecision, quotes)
    }

    /// The line to try instead, and the marker it serves. The beat's exemplar answers the moment, so it is
    /// offered when the line served a marker the beat expects, or none, labelled with the marker it serves; a
    /// line that served another marker gets that marker's own example.
    static func suggestion(for marker: Marker?, context: AssessmentContext) -> (line: String, marker: Marker?) {
        let exemplar = context.exemplar.flatMap { $0.isEmpty ? nil : $0 }
        if let exemplar, context.exemplarServesTheTask {
            return (exemplar, context.expects.first ?? marker)
        }
        if let exemplar, marker.map(context.expects.contains) ?? true {
            // Labelled with the marker the exemplar itself serves (lint holds it to one the beat expects),
            // which need not be the one the line served: "Try (8.9)" for a closing exemplar, always.
            let served = LearnedModel.shared.judge(exemplar, clientLine: context.clientLine).marker
            return (exemplar, served ?? marker ?? context.expects.first)
        }
        if let marker = marker ?? context.expects.first { return (marker.defaultExemplar, marker) }
        return ("What would be most useful to look at as we start to close?", nil)
    }

    /// No marker, neutral, and a single word ("Mm.", "Right?") or mostly words the model has never seen
    /// (gibberish, a keyboard slip): nothing a client could engage with.
    static func isUnclear(_ tokens: [Token], marker: Marker?, stance: Stance, vocabulary: LearnedModel.Vocabulary)
        -> Bool
    {
        guard marker == nil, stance == .neutral else { return false }
        let words = tokens.filter { !$0.isBoundary && !$0.word.isEmpty }
        if words.count <= 1 { return true }
        let known = words.filter { vocabulary.words[$0.word]?.word.plain != nil }.count
        return known * 2 < words.count
    }
}
