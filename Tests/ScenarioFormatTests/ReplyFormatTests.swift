import CoachDrillCore
import Testing

@testable import ScenarioFormat

/// The v2 reply surface as decoded: reply mappings in file order, `leads_in`, `announce`, `advice:`, and the
/// reasoning behind `unreachable-reply` and `thin-replies`.
@Suite struct ReplyFormatTests {
    private func scenario(_ yaml: String) throws -> Scenario {
        try ScenarioLoader.load(yaml: yaml, path: "reply-format.yaml").get()
    }

    private let yaml = """
        id: reply-format
        title: Replies
        summary: A test.
        markers: [8.1]
        persona: { name: Sam }
        start: open
        beats:
          open:
            client: Hi.
            branches:
              - when: { advice: [action, support] }
                client:
                  support: "HR? Maybe."
                  action: ["Fine.", "Okay, fine."]
                  "8.9": Already?
                  coach-owned-accountability: I'll tell you, then.
                  otherwise: Right.
                goto: last
                leads_in: true
              - default:
                client: Hm.
          last:
            client: Bye.
            end: true
            announce: false
          other:
            client: Later.
            end: true
            announce: Sam looks at the door.
        """

    @Test func replyMappingsKeepTheirOrderAndKeys() throws {
        let loaded = try scenario(yaml)
        let branch = try #require(loaded.beat("open")?.branches.first)
        #expect(branch.client.isKeyed)
        #expect(branch.client.entries.map(\.key) == [
            .advice(.support), .advice(.action), .marker(.closing), .trap(.coachOwnedAccountability), .otherwise,
        ])
        #expect(branch.client.entries[1].lines == ["Fine.", "Okay, fine."])
        #expect(branch.leadsIn)
        #expect(branch.condition?.advice == [.action, .support])
        let plain = try #require(loaded.beat("open")?.branches.last)
        #expect(!plain.client.isKeyed)
        #expect(plain.client.entries == [Replies.Entry(key: .otherwise, lines: ["Hm."])])
        #expect(loaded.beat("last")?.announce == Beat.Announcement.none)
        #expect(loaded.beat("other")?.announce == .text("Sam looks at the door."))
        #expect(loaded.beat("open")?.announce == .standard)
    }

    @Test func aReplyKeyIsUnreachableOnlyWhenTheConditionExcludesEveryLineItFits() {
        let partner = Condition(stances: [.partner])
        #expect(ScenarioDecoder.unreachableReason(.advice(.action), under: partner) != nil)
        #expect(ScenarioDecoder.unreachableReason(.marker(.closing), under: partner) == nil)
        #expect(ScenarioDecoder.unreachableReason(.unclear, under: partner) != nil)
        let design = Condition(markers: [.design])
        #expect(ScenarioDecoder.unreachableReason(.advice(.action), under: design) == nil, "8.5 advice is an action")
        #expect(ScenarioDecoder.unreachableReason(.advice(.support), under: design) != nil)
        #expect(ScenarioDecoder.unreachableReason(.marker(.resources), under: design) != nil)
        #expect(ScenarioDecoder.unreachableReason(.unclear, under: design) != nil, "an unclear line has no marker")
        let actions = Condition(advice: [.action])
        #expect(ScenarioDecoder.unreachableReason(.advice(.verdict), under: actions) != nil)
        #expect(ScenarioDecoder.unreachableReason(.marker(.application), under: actions) == nil)
        for key in [Replies.Key.advice(.ending), .marker(.progress), .unclear, .trap(.closedQuestion), .otherwise] {
            #expect(ScenarioDecoder.unreachableReason(key, under: nil) == nil, "the default takes any line")
        }
    }

    @Test func thinRepliesCountsAdviceKindsAndPartneringMarkers() throws {
        let beat = try #require(try scenario(yaml).beat("open"))
        let answered = ThinRepliesCheck.answered(by: beat)
        #expect(answered.adviceKinds == [.action, .support], "the keys and the branch's advice condition")
        #expect(answered.partnerMarkers == [.closing], "a marker key in a branch a partnering line can take")
        let partnering = Beat(
            id: "b", client: ["x"], expects: [.progress],
            branches: [
                Branch(condition: Condition(markers: [.learningSelf, .learningSituation], stances: [.partner]), goto: "c"),
                Branch(condition: Condition(stances: [.advise]), client: Replies(entries: [.init(key: .marker(.design), lines: ["y"])])),
            ])
        let counted = ThinRepliesCheck.answered(by: partnering)
        #expect(counted.partnerMarkers == [.learningSelf, .learningSituation], "a marker key under stance advise is not a partnering reply")
    }
}
