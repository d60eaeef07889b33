/// How a one-answer item's answer met the item's marker, when it did.
///
/// The assessor names one primary marker and, after it, secondary readings with a 0...1 score. A line can
/// serve two markers at once ("You said it out loud after months. What does it mean to you that you
/// did?" celebrates, 8.8, and asks about the learning, 8.4), and a participant who partnered on the
/// item's marker should not fail because another marker read a little stronger. So a strong secondary
/// reading of the item's marker counts too, and the result says which of the two it was.
public enum ItemReading: Sendable, Equatable {
    /// The item's marker is the primary verdict.
    case primary
    /// The item's marker is a secondary reading scoring at least `DrillGrading.strongReadingScore`.
    case strong(score: Double)
}
