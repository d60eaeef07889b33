import XCTest

@testable import CoachDrillCore

/// The feedback engine: the corpus floors, the hard cases (with lines that are not in the corpus), and
/// the tokenizer and pattern language underneath. See docs/feedback.md.
final class AssessorTests: XCTestCase {
    let assessor = Assessor()

    // MARK: Corpus floors (issue 3)

    /// The team's first corpus (the lines the cues were tuned on), as it stands in Corpus/coach-turns.tsv, with
    /// the team's own labels: the blind second reading under docs/annotation.md changed a few of them, and
    /// these floors and ratchets hold the engine to what it achieved on the labels it was tuned to.
    func testCorpusFloors() throws {
        let lines = try CorpusFile.lines().filter { $0.batch == "legacy-team" }.map(\.asFirstLabelled)
        XCTAssertGreaterThanOrEqual(lines.count, 850, "the team corpus holds its 861 lines")
        let evaluation = Evaluation(lines: lines, assessor: assessor)

        // Issue 3's floors: stance >= 0.95, primary marker >= 0.90, every class >= 0.80 F1. On top of them a
        // ratchet: what the engine achieves now, rounded down to the whole percent, so a cue change that
        // loses ground fails here even while the floors still hold. Raise a number when the engine improves.
        XCTAssertGreaterThanOrEqual(evaluation.stance.accuracy, 0.95, "stance accuracy floor (issue 3)")
        XCTAssertGreaterThanOrEqual(evaluation.marker.accuracy, 0.90, "primary-marker accuracy floor (issue 3)")
        XCTAssertGreaterThanOrEqual(evaluation.stance.accuracy, Self.stanceAccuracyRatchet, "stance accuracy ratchet")
        XCTAssertGreaterThanOrEqual(evaluation.marker.accuracy, Self.markerAccuracyRatchet, "marker accuracy ratchet")
        for score in evaluation.stance.scores + evaluation.marker.scores where score.support > 0 {
            XCTAssertGreaterThanOrEqual(score.f1, 0.80, "F1 floor for class \(score.label) (issue 3)")
            XCTAssertGreaterThanOrEqual(score.f1, Self.classF1Ratchet[score.label] ?? 0.80, "F1 ratchet for class \(score.label)")
        }
    }

    /// Achieved on the team corpus, rounded down.
    static let stanceAccuracyRatchet = 0.96
    static let markerAccuracyRatchet = 0.92
    static let classF1Ratchet: [String: Double] = [
        "partner": 0.97, "advise": 0.96, "neutral": 0.88,
        "8.1": 0.94, "8.2": 0.92, "8.3": 0.87, "8.4": 0.92, "8.5": 0.90, "8.6": 0.91, "8.7": 0.93, "8.8": 0.95,
        "8.9": 0.96, "none": 0.84,
    ]

    /// The held-out set was written by someone else and is never tuned on: only its totals are read, here
    /// and in docs/feedback.md. This holds them, so a change that fits the corpus at the cost of lines the
    /// team never saw fails.
    func testHeldOutSetDoesNotSlip() throws {
        let lines = try CorpusFile.lines().filter { $0.batch == "legacy-holdout" }.map(\.asFirstLabelled)
        XCTAssertEqual(lines.count, 251)
        let evaluation = Evaluation(lines: lines, assessor: assessor)
        XCTAssertGreaterThanOrEqual(evaluation.stance.accuracy, 0.90, "held-out stance accuracy")
        XCTAssertGreaterThanOrEqual(evaluation.marker.accuracy, 0.79, "held-out marker accuracy")
    }

    func testCorpusParsesEveryMarkerAndStance() throws {
        let lines = try CorpusFile.lines()
        for marker in Marker.allCases {
            for stance in [Stance.partner, .advise] {
                XCTAssertTrue(
                    lines.contains { $0.marker == marker && $0.stance == stance }, "corpus has \(marker)/\(stance)")
            }
        }
        XCTAssertTrue(lines.contains { $0.marker == nil })
    }

    // MARK: Offers: with an invitation they partner, without one they advise

    func testPermissionBasedOfferWithInvitationPartners() {
        let line =
            "I've got an idea about the rota, and you may well see it differently: you could let Marcus run Mondays. How does that sit with you?"
        let result = assessor.assess(line)
        XCTAssertEqual(result.stance, .partner)
        XCTAssertFalse(result.traps.contains(.adviceGiving))
    }

    func testSameIdeaWithoutInvitationAdvises() {
        let result = assessor.assess("You should let Marcus run the Monday rota.")
        XCTAssertEqual(result.stance, .advise)
        XCTAssertTrue(result.traps.contains(.adviceGiving))
    }

    func testPermissionAloneDoesNotMakeAnInstructionPartnering() {
        let result = assessor.assess("Can I offer something? Book the room for Thursday and tell the team tonight.")
        XCTAssertEqual(result.stance, .advise)
        XCTAssertTrue(result.traps.contains(.adviceGiving))
    }

    // MARK: Leading and closed questions

    /// Each line is advice and falls into `trap`.
    private func assertAdvice(_ lines: [String], fallsInto trap: Trap, file: StaticString = #filePath, line: UInt = #line) {
        for text in lines {
            let result = assessor.assess(text)
            XCTAssertEqual(result.stance, .advise, text, file: file, line: line)
            XCTAssertTrue(result.traps.contains(trap), text, file: file, line: line)
        }
    }

    func testLeadingQuestionTrap() {
        assertAdvice(
            [
                "Wouldn't it be simpler to just hand the rota to Marcus?",
                "Don't you think the real issue is the budget?",
                "You're going to talk to her this week, aren't you?",
            ], fallsInto: .leadingQuestion)
    }

    func testClosedQuestionTrap() {
        let result = assessor.assess("Did anything surprise you about yourself today?")
        XCTAssertEqual(result.stance, .partner)
        XCTAssertEqual(result.marker, .learningSelf)
        XCTAssertTrue(result.traps.contains(.closedQuestion))
    }

    func testStackedQuestions() {
        for line in [
            "What did you learn, and what will you do with it, and who can help?",
            "What surprised you? What will you do about it?",
        ] {
            XCTAssertTrue(assessor.assess(line).traps.contains(.stackedQuestions), line)
        }
        XCTAssertFalse(assessor.assess("What will you do first?").traps.contains(.stackedQuestions))
    }

    /// Two question words joined ("who or what") ask one question; asking leave and checking how an offer
    /// lands are about the conversation, and do not stack on the question they frame.
    func testOneQuestionWithTwoQuestionWordsAndOfferChecksDoNotStack() {
        for line in [
            "Who or what could support you in following through?",
            "How and when will you check in with yourself?",
            "Can I offer an idea? Maybe try a daily standup. How does that land for you?",
            "May I share something I noticed? You lit up talking about the team. What do you make of that?",
        ] {
            XCTAssertFalse(assessor.assess(line).traps.contains(.stackedQuestions), line)
        }
    }

    /// Giving the client room ("Take your time.", "Go ahead.") is no instruction; the same verbs with a task
    /// are ("Take your laptop home tonight.", "Keep going to the gym"), and so are tracking verbs.
    func testRoomToThinkIsNoInstructionButTasksAre() {
        // "Take a moment with that." is still called advice by the learned model (docs/feedback.md, Known limits).
        for line in ["Take your time.", "Go ahead."] {
            let result = assessor.assess(line)
            XCTAssertNotEqual(result.stance, .advise, line)
            XCTAssertFalse(result.traps.contains(.adviceGiving), line)
        }
        for line in [
            "Take your laptop home tonight.", "Keep going to the gym every morning.",
            "Track it in a spreadsheet and review it every Friday.",
        ] {
            XCTAssertEqual(assessor.assess(line).stance, .advise, line)
        }
    }

    /// A slip of the keyboard in a question word keeps the question open ("Wher are you..." is not a
    /// yes/no question), and real words that look like slips ("were") are left as written.
    func testTypingSlipsInFormWordsAreRead() {
        let slipped = assessor.assess("Wher are you now with waht you wanted from todya?")
        XCTAssertEqual(slipped.marker, .progress)
        XCTAssertFalse(slipped.traps.contains(.closedQuestion))
        XCTAssertEqual(words("Wat wil yuo do"), ["what", "will", "you", "do"])
        XCTAssertEqual(words("Were you"), ["were", "you"])
    }

    // MARK: Accountability

    func testCoachOwnedAccountabilityTrap() {
        let result = assessor.assess("Text me on Sunday night so I know you've booked the gym.")
        XCTAssertEqual(result.marker, .accountability)
        XCTAssertEqual(result.stance, .advise)
        XCTAssertTrue(result.traps.contains(.coachOwnedAccountability))
    }

    /// Accountability the coach runs is named even when no catalogue cue knows its words; an opinion about
    /// tracking, or someone else keeping the client honest, is not the coach owning it.
    func testCoachRunAccountabilityInWordsNoCueKnows() {
        assertAdvice(
            [
                "I'll give you a ring on Monday to see if you did it.",
                "I could check in with you on Friday to make sure it happened.",
                "I'm going to ask you about this at the start of next session.",
            ], fallsInto: .coachOwnedAccountability)
        for line in ["I think you should track it in an app every night.", "Ask your brother to check you've done it."] {
            XCTAssertFalse(assessor.assess(line).traps.contains(.coachOwnedAccountability), line)
        }
    }

    /// Turning down the client's request to be checked on is accountability the coach hands back, not runs:
    /// "me" in "you don't need me" is not the coach taking the job.
    func testHandingTheCheckBackIsNotTheCoachOwningIt() {
        let asked = AssessmentContext(
            clientLine: "Would you mind if I sent you my word count every evening? And if I don't, you could chase me?")
        let handedBack = assessor.assess("You don't need me, you're more disciplined than you think.", context: asked)
        XCTAssertEqual(handedBack.marker, .accountability)
        XCTAssertEqual(handedBack.stance, .advise)
        XCTAssertFalse(handedBack.traps.contains(.coachOwnedAccountability))
        let taken = assessor.assess("You don't need to remember, I'll message you every evening to chase you.", context: asked)
        XCTAssertTrue(taken.traps.contains(.coachOwnedAccountability))
    }

    func testClientDesignedAccountabilityPartners() {
        let result = assessor.assess("How will you know you've actually kept to it?")
        XCTAssertEqual(result.marker, .accountability)
        XCTAssertEqual(result.stance, .partner)
        XCTAssertFalse(result.traps.contains(.coachOwnedAccountability))
    }

    // MARK: Celebration

    func testEvaluativePraiseTrap() {
        let result = assessor.assess("Brilliant work today, really great job.")
        XCTAssertEqual(result.marker, .celebration)
        XCTAssertEqual(result.stance, .advise)
        XCTAssertTrue(result.traps.contains(.evaluativePraise))
    }

    func testSpecificAcknowledgementPartners() {
        let result = assessor.assess("You kept asking the hard question even when it made you wince.")
        XCTAssertEqual(result.marker, .celebration)
        XCTAssertEqual(result.stance, .partner)
        XCTAssertFalse(result.traps.contains(.evaluativePraise))
    }

    // MARK: Closing

    func testCoachClosedSessionTrap() {
        let result = assessor.assess("Okay, we're out of time, so I'll stop us there.")
        XCTAssertEqual(result.marker, .closing)
        XCTAssertEqual(result.stance, .advise)
        XCTAssertTrue(result.traps.contains(.coachClosedSession))
    }

    func testAskingHowToClosePartners() {
        let result = assessor.assess("How would you like to bring today to a close?")
        XCTAssertEqual(result.marker, .closing)
        XCTAssertEqual(result.stance, .partner)
        XCTAssertFalse(result.traps.contains(.coachClosedSession))
    }

    // MARK: Multi-sentence lines and evidence

    /// A turn that acknowledges, then asks two things, is judged by what it finally asks (docs/annotation.md:
    /// the final-ask rule): here, who could support the client.
    func testMultiSentenceLineIsJudgedByWhatItFinallyAsks() {
        let result = assessor.assess(
            "You faced the hard conversation with your sister. What do you want to do next, and who could support you?")
        XCTAssertEqual(result.marker, .resources)
        XCTAssertEqual(result.stance, .partner)
        XCTAssertEqual(result.hits.first?.marker, result.marker, "hits are strongest first")
    }

    func testEvidenceSpansAreExactSubstrings() {
        let lines = [
            "You’re clearly someone who needs control — so you’ll need to delegate more, won’t you?",
            "Text me on Sunday night so I know you've booked the gym.",
            "I HAVE A THOUGHT, tell me if it doesn't fit: What do you make of that?",
            "Café owners… what’s the first step, Zoë?",
            "So, the goal you came in with. Where are you with it now?",
        ]
        for line in lines {
            let result = assessor.assess(line)
            let spans = result.stanceEvidence + result.hits.flatMap(\.evidence)
            XCTAssertFalse(spans.isEmpty, line)
            for span in spans {
                XCTAssertFalse(span.text.isEmpty, line)
                XCTAssertTrue(line.contains(span.text), "'\(span.text)' is not in '\(line)'")
            }
        }
    }

    // MARK: Suggestion and context

    func testSuggestionIsTheExemplarOnAnExpectedMarkerAndServesTheJudgedMarkerOtherwise() throws {
        let exemplar = "You wanted to understand why you jump in. Where are you with that now?"
        let onExpected = AssessmentContext(expects: [.celebration, .progress], exemplar: exemplar)
        let proud = assessor.assess("You should feel proud.", context: onExpected)
        XCTAssertEqual(proud.marker, .celebration)
        XCTAssertEqual(proud.suggestion, exemplar, "the judged marker is one the beat expects")
        XCTAssertEqual(proud.suggestionMarker, .progress, "labelled with the marker the exemplar serves")

        let elsewhere = assessor.assess("You should feel proud.", context: AssessmentContext(expects: [.progress], exemplar: exemplar))
        XCTAssertEqual(elsewhere.suggestion, Marker.celebration.defaultExemplar, "never a suggestion on another marker")
        XCTAssertEqual(elsewhere.suggestionMarker, .celebration)

        let noMarker = Assessor.suggestion(for: nil, context: AssessmentContext(expects: [.progress], exemplar: exemplar))
        XCTAssertEqual(noMarker.line, exemplar)
        XCTAssertEqual(noMarker.marker, .progress, "labelled with the marker the exemplar serves")

        let plain = assessor.assess("You should feel proud.")
        XCTAssertEqual(plain.suggestion, plain.marker?.defaultExemplar)
        XCTAssertEqual(plain.suggestionMarker, plain.marker)
        XCTAssertNil(Assessor.suggestion(for: nil, context: AssessmentContext()).marker)
    }

    func testUnclearLinesAreSingleWordsOrGibberishWithNoMarker() {
        for line in ["Mm.", "asdkj qwpeo zxcmv", "Hmm", "Okay."] {
            XCTAssertTrue(assessor.assess(line).unclear, line)
        }
        // Unclear needs a neutral verdict: the model reads a question mark as an invitation, so even gibberish
        // asked as a question is partnering, and its client answers it rather than being lost.
        XCTAssertEqual(assessor.assess("fjdk slaq weoi?").stance, .partner)
        XCTAssertFalse(assessor.assess("fjdk slaq weoi?").unclear)
        for line in [
            "What have you noticed about yourself today?", "You should take a holiday.", "That sounds hard.",
            "Where are you now with what you wanted from today?",
        ] {
            XCTAssertFalse(assessor.assess(line).unclear, line)
        }
    }

    /// The rushing and premature-celebration rules that fire because nothing is evidenced yet give way
    /// when the beat expects the line's marker: following the beat's hint is never flagged.
    func testContextRulesYieldToTheBeatsExpects() {
        let line = "What would you like to do with this before we next meet?"
        let early = AssessmentContext(clientLine: "I don't want some massive overhaul.", expects: [.progress])
        XCTAssertEqual(assessor.assess(line, context: early).marker, .design)
        XCTAssertTrue(assessor.assess(line, context: early).traps.contains(.rushingToAction))
        var expected = early
        expected.expects = [.design]
        XCTAssertFalse(assessor.assess(line, context: expected).traps.contains(.rushingToAction))
        // Nor do the words of a rush, nor a client who sounds stuck, at a beat that expects the move.
        let rushed = "So what are you going to do?"
        XCTAssertEqual(assessor.assess(rushed, context: early).marker, .design)
        XCTAssertTrue(assessor.assess(rushed, context: early).traps.contains(.rushingToAction))
        XCTAssertFalse(assessor.assess(rushed, context: expected).traps.contains(.rushingToAction))
        let celebration = "What would you like to acknowledge yourself for today?"
        var stuck = AssessmentContext(clientLine: "It's nothing, really. One break.", evidenced: [.learningSelf])
        XCTAssertTrue(assessor.assess(celebration, context: stuck).traps.contains(.prematureCelebration))
        stuck.expects = [.celebration]
        XCTAssertFalse(assessor.assess(celebration, context: stuck).traps.contains(.prematureCelebration))
    }

    /// "Try (8.x)" names the marker the offered line serves: a beat's closing exemplar is 8.9 even after a
    /// line the beat also expects on another marker.
    func testTheExemplarIsLabelledWithTheMarkerItServes() {
        let context = AssessmentContext(
            clientLine: "Sorry. I'm just tired. Maybe we should leave it there for today.",
            expects: [.learningSelf, .learningSituation, .closing],
            exemplar: "We can stop whenever you like. How would you like to close our session today?")
        let verdict = assessor.assess("You should see that the whole unit is understaffed.", context: context)
        XCTAssertEqual(verdict.suggestion, context.exemplar)
        XCTAssertEqual(verdict.suggestionMarker, .closing)
    }

    /// A marker's default exemplar is offered as "Try (8.x)": it must itself be a clean partnering line on that
    /// marker, or the suggestion teaches what the verdict just flagged.
    func testEveryDefaultExemplarPartnersOnItsMarkerWithNoTrap() {
        for marker in Marker.allCases {
            let verdict = assessor.assess(marker.defaultExemplar)
            XCTAssertEqual(verdict.marker, marker, marker.defaultExemplar)
            XCTAssertEqual(verdict.stance, .partner, marker.defaultExemplar)
            XCTAssertEqual(verdict.traps, [], marker.defaultExemplar)
        }
    }

    func testContainedEvidenceQuotesAreDropped() {
        let quotes = [
            Evidence(text: "do you want to", cue: "a"), Evidence(text: "Do you want", cue: "b"),
            Evidence(text: "next week", cue: "c"), Evidence(text: "next week", cue: "d"),
        ]
        XCTAssertEqual(EvidenceQuotes.droppingContained(quotes, text: \.text).map(\.cue), ["a", "c"])
        for line in ["Do you want to do you want to take a break?", "What do you want, and what do you want to try?"] {
            let assessment = assessor.assess(line)
            for evidence in [assessment.stanceEvidence] + assessment.hits.map(\.evidence) {
                let texts = evidence.map { $0.text.lowercased() }
                for (index, text) in texts.enumerated() {
                    XCTAssertFalse(
                        texts.indices.contains { $0 != index && texts[$0].contains(text) }, "\(line): \(texts)")
                }
            }
        }
    }

    func testRushingToActionDependsOnContext() {
        let line = "What's the first step you'll take this week?"
        let early = AssessmentContext(clientLine: "I still don't really know what happened in that meeting.", turn: 1)
        XCTAssertTrue(assessor.assess(line, context: early).traps.contains(.rushingToAction))
        let later = AssessmentContext(
            clientLine: "I think I finally get why I freeze with her.", evidenced: [.learningSelf], turn: 4)
        XCTAssertFalse(assessor.assess(line, context: later).traps.contains(.rushingToAction))
    }

    func testPrematureCelebrationDependsOnContext() {
        let line = "Let's take a moment to celebrate how far you've come."
        let stuck = AssessmentContext(clientLine: "Honestly I feel stuck. Nothing has moved.", turn: 2)
        XCTAssertTrue(assessor.assess(line, context: stuck).traps.contains(.prematureCelebration))
        let moved = AssessmentContext(
            clientLine: "I sent the email this morning, which I never thought I'd do.", evidenced: [.progress],
            turn: 5)
        XCTAssertFalse(assessor.assess(line, context: moved).traps.contains(.prematureCelebration))
    }

    // MARK: Robustness

    func testEmptyAndPunctuationOnlyLines() {
        for line in ["", "   ", "...", "?", "—"] {
            let result = assessor.assess(line)
            XCTAssertEqual(result.stance, .neutral, "'\(line)'")
            XCTAssertNil(result.marker)
            XCTAssertTrue(result.traps.isEmpty)
        }
    }

    func testVeryLongLineDoesNotCrash() {
        let sentence = "What did you notice about yourself when the team pushed back, and what will you do next? "
        let line = String(repeating: sentence, count: 2_000) + String(repeating: "x", count: 50_000)
        let result = assessor.assess(line)
        XCTAssertNotNil(result.marker)
        XCTAssertTrue(result.traps.contains(.stackedQuestions))
    }

    func testNonASCIIAndControlCharacters() {
        let result = assessor.assess("Qu’est-ce que tu as appris? 你学到了什么？ \u{0}\u{7}\u{1B}[31m What did you learn about yourself?")
        XCTAssertEqual(result.marker, .learningSelf)
        XCTAssertEqual(result.stance, .partner)
    }

    // MARK: Tokenizer

    private func words(_ line: String) -> [String] {
        Tokenizer.tokenize(Array(line.utf8)).map(\.word)
    }

    func testTokenizerExpandsContractions() {
        XCTAssertEqual(words("You're sure"), ["you", "are", "sure"])
        XCTAssertEqual(words("Don't stop"), ["do", "not", "stop"])
        XCTAssertEqual(words("Let's go"), ["let", "us", "go"])
        XCTAssertEqual(words("won't can't"), ["will", "not", "can", "not"])
        XCTAssertEqual(words("you'll you've I'd I'm"), ["you", "will", "you", "have", "i", "would", "i", "am"])
        XCTAssertEqual(words("What's Dana's plan?"), ["what", "is", "dana", "plan", "?"])
    }

    func testTokenizerCurlyApostrophes() {
        XCTAssertEqual(words("You\u{2019}re here, don\u{2019}t go"), ["you", "are", "here", "do", "not", "go"])
        XCTAssertEqual(words("\u{2018}quoted\u{2019}"), ["quoted"])
    }

    func testTokenizerNonASCIIAndBoundaries() {
        XCTAssertEqual(words("Café naïve Zoë"), ["café", "naïve", "zoë"])
        XCTAssertEqual(words("Well... really?!"), ["well", ".", "really", "?"])
        XCTAssertEqual(words("follow-up - now"), ["follow-up", "now"])
        XCTAssertEqual(words(""), [])
    }

    func testTokenByteRangesQuoteTheLine() {
        let line = "Naïve? You\u{2019}re done."
        let bytes = Array(line.utf8)
        for token in Tokenizer.tokenize(bytes) {
            let text = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
            XCTAssertTrue(line.contains(text), text)
        }
    }

    // MARK: Phrase patterns, through the one matcher

    /// Whether `pattern` matches `line` through `CueIndex`, the production matcher, with the pattern as a
    /// one-cue catalogue and the line tokenised, numbered and split into clauses as the assessor does.
    private func matches(_ pattern: String, _ line: String) -> Bool {
        let cue = Cue(pattern, .choice, "test")
        let index = CueIndex([cue], lexicon: Lexicon(readingWords: Lexicon.readingWords, catalogue: [cue]))
        let tokens = Tokenizer.tokenize(Array(line.utf8), numberingWith: index.lexicon)
        return index.matches(in: tokens, clauseOf: Clause.split(tokens).clauseOf).contains { $0.cue.number == 0 }
    }

    func testPatternAlternativesPrefixOptionalAndGap() {
        XCTAssertTrue(matches("what ~3 learn* about yourself|you", "What have you learned about yourself?"))
        XCTAssertTrue(matches("what ~3 learn* about yourself|you", "What did you learn about you"))
        XCTAssertFalse(matches("what ~1 learn* about yourself", "What have you really learned about yourself?"))
        XCTAssertTrue(matches("[really] proud", "proud"))
        XCTAssertTrue(matches("really|so [very] proud", "so very proud"))
        XCTAssertTrue(matches("the_way|how you", "the way you"))
        XCTAssertFalse(matches("really|so [very] proud", "so very glad"))
        XCTAssertTrue(matches("learn* about, what|who ~2 matters", "Who really matters here?"))
    }

    func testPatternGapNeverCrossesASentence() {
        XCTAssertFalse(matches("you ~3 should", "You did it. We should stop."))
        XCTAssertTrue(matches("you ~3 should", "You really should stop."))
    }

    func testPatternContractionsMatchBothSpellings() {
        XCTAssertTrue(matches("don't you think", "Do not you think"))
        XCTAssertTrue(matches("don't you think", "Don’t you think so?"))
        XCTAssertTrue(matches("let's stop", "Let us stop."))
    }

    // MARK: Focus: what the line asks or directs decides the marker

    func testDirectedActionIsANextStep() {
        for line in [
            "You should book the venue for the party before Friday.",
            "You need to send Ilse a calendar invite today.",
            "You need to email the landlord before the end of the week.",
            "Send your manager the draft tonight.",
            "I suggest you ring the agency first thing tomorrow.",
        ] {
            let result = assessor.assess(line)
            XCTAssertEqual(result.marker, .design, line)
            XCTAssertEqual(result.stance, .advise, line)
            XCTAssertTrue(result.traps.contains(.adviceGiving), line)
        }
    }

    func testDirectedPhraseAboutSomethingElseKeepsItsMarker() {
        // The object of the directed action is support, reporting or celebration, not a step.
        XCTAssertEqual(assessor.assess("You should join a support group for carers.").marker, .resources)
        // A professional is a resource (docs/annotation.md, 8.6), even when booking one is put as a step.
        XCTAssertEqual(assessor.assess("You should book a call with a financial adviser before Friday.").marker, .resources)
        XCTAssertEqual(assessor.assess("Email me on Friday so I know it's done.").marker, .accountability)
        XCTAssertEqual(assessor.assess("Tell your sister so she can keep you honest.").marker, .accountability)
        XCTAssertFalse(
            assessor.assess("Tell your sister so she can keep you honest.").traps.contains(.coachOwnedAccountability),
            "someone else keeping the client honest is not the coach owning it")
    }

    func testProhibitionIsNotANextStep() {
        for line in ["Never reply to his emails at night.", "Don't apologise for your prices."] {
            XCTAssertNotEqual(assessor.assess(line).marker, .design, line)
        }
        // Stopping a concrete action is a step.
        XCTAssertEqual(assessor.assess("Stop checking your email after nine.").marker, .design)
    }

    func testAskingWhoToTellIsAccountability() {
        // Whom the client tells is how they hold themselves to it, however far "who" is from "share".
        for line in ["Who would you like to share this with, if anyone?", "Who will you tell?"] {
            let result = assessor.assess(line)
            XCTAssertEqual(result.marker, .accountability, line)
            XCTAssertEqual(result.stance, .partner, line)
        }
    }

    func testQuestionHeadOutweighsItsFrame() {
        // The frame talks about the session or the plan; the head phrase is what is asked.
        XCTAssertEqual(
            assessor.assess("As we come to the end of the session, who could support you with this?").marker, .resources)
        XCTAssertEqual(
            assessor.assess("Looking at the plan you've made, what have you learned about yourself?").marker,
            .learningSelf)
        XCTAssertEqual(assessor.assess("How will you know you've done it?").marker, .accountability)
        XCTAssertEqual(assessor.assess("How will you keep this insight alive next week?").marker, .application)
    }

    func testCueSourceListsSeveralPhrases() {
        let cue = Cue("let me know, keep me posted", .coachAccountability, "test")
        XCTAssertEqual(cue.patterns.count, 2)
    }
}
