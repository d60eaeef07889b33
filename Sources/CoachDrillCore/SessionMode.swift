/// How a session is run: the one mode type, shared by `play`, `drill`, the transcript's `mode` field and reports.
public enum SessionMode: String, Sendable, Equatable, CaseIterable, Codable {
    /// `play`: feedback after every answer, hints, undo and restart.
    case practice
    /// `play --mode assess`: no feedback, hints, undo or restart until the end, as in a credential assessment.
    case assess
    /// `drill`: a pack's items in turn under assessment rules, each against its clock.
    case drill
}
