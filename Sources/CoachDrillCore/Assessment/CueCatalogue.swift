/// The assessor's vocabulary: general cues of topic, mood, modality and ownership.
///
/// Each cue is a short phrase pattern (see `PhrasePattern`). Cues name *kinds* of language ("a modal of
/// obligation addressed to the client", "a question about what the client learned about themselves"),
/// never whole sentences, so the engine carries over to lines it has never seen.
///
/// The cues are declared, with examples that must and must not match, in `Resources/cues.yaml`, which a
/// coach educator edits; `make cues` writes them into `CueCatalogue+Generated.swift` (`CueCatalogue.all`),
/// and `CueFileTests` runs every example through `CueIndex`. docs/feedback.md lists them for people.
enum CueCatalogue {}
