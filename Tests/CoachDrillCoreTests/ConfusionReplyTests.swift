import CoachDrillCore
import Testing

/// Every confusion pattern finds its examples and none of its counterexamples; ordinary client lines are
/// not confusion.
@Suite struct ConfusionReplyTests {
    @Test(arguments: ConfusionReply.patterns.map(\.phrase))
    func patternFindsItsExamplesOnly(_ phrase: String) throws {
        let pattern = try #require(ConfusionReply.patterns.first { $0.phrase == phrase })
        #expect(!pattern.examples.isEmpty)
        for example in pattern.examples {
            #expect(ConfusionReply.isConfusion(example), "\(phrase) should find: \(example)")
        }
        for counterexample in pattern.counterexamples {
            #expect(!ConfusionReply.isConfusion(counterexample), "\(phrase) finds: \(counterexample)")
        }
    }

    @Test func theIssuesExamplesAreConfusion() {
        for line in [
            "Sorry, what?", "What do you mean?", "I'm not with you", "Say that again?", "Which bit?", "You've lost me",
            "I don't follow", "Come again?", "Try what?", "Support? I... don't know.", "Sorry, I'm not quite with you",
            "Sorry, I drifted there. What did you ask?",
        ] {
            #expect(ConfusionReply.isConfusion(line), "\(line)")
        }
    }

    /// Lines are read a Unicode scalar at a time: curly quotes, an ellipsis character, accents however they
    /// are encoded and other scripts must read as they would typed plainly.
    @Test func typographyDoesNotChangeTheReading() {
        for line in [
            "You’ve lost me.", "I don’t follow.", "Sorry… what?", "Huh…? Meaning?", "Café? What do you mean?",
            "Cafe\u{301}? What do you mean?", "日本語。What do you mean?", "WHAT DO YOU MEAN?!",
        ] {
            #expect(ConfusionReply.isConfusion(line), "\(line)")
        }
        for line in [
            "I know what you mean…", "Naïve, maybe. I don’t follow through on things.", "Pardon my French…",
        ] {
            #expect(!ConfusionReply.isConfusion(line), "\(line)")
        }
    }

    @Test func ordinaryRepliesAreNot() {
        for line in [
            "Mm. Another thing for the list.", "Honestly, I can't do a plan today. Sorry. Maybe we should just leave it.",
            "I don't know. I haven't got as far as doing anything.", "Okay. Occupational health. There's a six-week wait, but okay.",
            "What gets in the way is me.", "Sorry. I'm just tired.", "I know what you mean about the rota.",
        ] {
            #expect(!ConfusionReply.isConfusion(line), "\(line)")
        }
    }
}
