import ArgumentParser
import Foundation
import ScenarioFormat

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a commented template scenario to start from.",
        discussion: """
            Writes Scenarios/ID.yaml (or --output FILE): a small, complete scenario that lints clean and passes \
            its own check. Edit it, then run `coachdrill lint` and `coachdrill test` on it.
            """)

    @Argument(help: "The new scenario's id: lower-case words joined by hyphens, e.g. returning-founder.")
    var id: String

    @Option(help: "Where to write it (default: Scenarios/ID.yaml).")
    var output: String?

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func validate() throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard !id.isEmpty, id.allSatisfy(allowed.contains), id.first != "-", id.last != "-" else {
            throw ValidationError("'\(TerminalText.sanitize(id))' is not a scenario id: use lower-case letters, digits and hyphens, e.g. returning-founder")
        }
    }

    func run() throws {
        let path = output ?? "Scenarios/\(id).yaml"
        if !force, FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path) already exists; pick another id, or pass --force to replace it")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try ScenarioTemplate.text(id: id).write(toFile: path, atomically: true, encoding: .utf8)
        StandardOutput.write("Wrote \(path). Next: edit it, then `coachdrill lint \(path)` and `coachdrill test \(path)`.")
    }
}

/// The template `coachdrill new` writes: every common key, each explained where it stands.
enum ScenarioTemplate {
    static func text(id: String) -> String {
        """
        # A CoachDrill scenario. docs/authoring.md explains every key; `coachdrill lint` checks this file.
        id: \(id)                          # must match the file name
        title: A client who wants to wrap up well
        summary: Alex has spent the session on a tricky decision. Ten minutes remain.
        difficulty: gentle               # gentle | standard | stretch
        markers: [8.1, 8.5, 8.9]         # the PCC markers this scenario practises
        traps: [advice-giving]           # pitfalls the client tempts the coach into
        persona:
          name: Alex
          role: Team lead
          session_goal: Decide whether to take on the new project
          style: Thoughtful, a little hesitant; asks for the coach's opinion
        state: { ownership: 0 }          # numbers the client tracks; branches change them with effects
        start: wrap-up                   # the first beat
        beats:
          wrap-up:
            client: ["I think I've said most of it.", "That's about everything, I think."]   # variants: the seed picks one
            expects: [8.1]               # what this moment invites
            hint: Invite Alex to look back at what they wanted from today.
            exemplar: Where are you now with what you wanted from today?
            branches:                    # tried in order; the first whose `when` holds is taken
              - when: { marker: 8.1, stance: partner }
                client: Clearer than when we started. I know what I'd be saying yes to.
                effects: { ownership: +1 }
                goto: next-step          # moving on: next-step's own line is said after this reply
              - when: { stance: advise }
                client:                  # replies keyed by what the coach did; the first key that fits answers
                  action: I suppose I could do that. If you think it's right.
                  support: Maybe. My manager's stretched as it is, though.
                  verdict: Maybe. I'm not sure I'm there yet.
                  otherwise: Hm. If you think so.      # required, and last: fits any line
                effects: { ownership: -1 }
                goto: next-step
              - when: { marker: [8.2, 8.3, 8.4, 8.5, 8.6, 8.7, 8.8, 8.9], stance: partner }
                client: Good question. Can I hold onto it? I'd like to say where I've got to first.
              - default:                 # required, and last
                client:
                  unclear: Sorry, could you ask that another way?   # confusion only for lines that are unclear
                  otherwise: Hmm. Let me think about where I've got to.
          next-step:
            client: So what do I do with all this?
            expects: [8.5]
            hint: Let Alex design what happens next.
            exemplar: What would you like to do with this before we next meet?
            branches:
              - when: { marker: 8.5, stance: partner, state: { ownership: ">= 1" } }
                client: I'll talk to my manager on Thursday and ask for two weeks to decide.
                goto: closing
              - when: { marker: 8.9, stance: partner }
                goto: warm-close
              - when: { advice: [action, support, ending] }   # advice kinds: action, support, accountability, verdict, ending
                client: Okay. I'll do what you said.
                goto: flat-close         # an ending the coach did not choose is announced one turn ahead
              - when: { marker: [8.1, 8.2, 8.3, 8.4, 8.5, 8.6, 8.7, 8.8], stance: partner }
                client: That's a fair question. I keep coming back to what I'd actually do, though.
              - default:
                client: Hmm. I'm not sure yet.
          closing:
            client: That feels like a good place to stop, honestly.
            expects: [8.9]
            exemplar: How would you like to close our session today?
            branches:
              - when: { marker: 8.9, stance: partner }
                goto: warm-close
              - when: { advice: [action, support, verdict] }
                client: Right. Another thing to think about.
                goto: flat-close
              - when: { marker: [8.1, 8.2, 8.3, 8.4, 8.5, 8.6, 8.7, 8.8], stance: partner }
                client: Maybe. I think I've got what I came for, though.
              - default:
                client: Mm.
          warm-close:
            client: I'd like to say out loud what I'm taking away. Thank you.
            end: true
          flat-close:
            client: Right. Thanks.
            end: true
            announce: Alex glances at the clock.   # or `announce: false`: the client just leaves
        checks:                          # golden runs; `coachdrill test --coverage` lists what they miss
          - name: partnering path
            turns:
              - coach: Where are you now with what you wanted from today?
                expect: { marker: 8.1, stance: partner, goto: next-step }
              - coach: What would you like to do with this before we next meet?
                expect: { marker: 8.5, stance: partner, goto: closing }
              - coach: What have you learned about yourself today?
                expect: { marker: 8.2, stance: partner, goto: closing }
              - coach: Mm.
                expect: { marker: none, goto: closing }
              - coach: How would you like to close our session today?
                expect: { marker: 8.9, stance: partner, goto: warm-close }
          - name: replies at the start
            turns:
              - coach: Mm.
                expect: { marker: none, stance: neutral, goto: wrap-up }
              - coach: Tell me more.
                expect: { marker: none, goto: wrap-up }
              - coach: What have you noticed about yourself?
                expect: { marker: 8.2, stance: partner, goto: wrap-up }
              - coach: You should ask your manager for support.
                expect: { marker: 8.6, stance: advise, goto: next-step }
              - coach: What support do you have?
                expect: { marker: 8.6, stance: partner, goto: next-step }
              - coach: Tell me more.
                expect: { marker: none, goto: next-step }
              - coach: How would you like to close our session today?
                expect: { marker: 8.9, stance: partner, goto: warm-close }
          - name: advising path
            turns:
              - coach: You should write a list of pros and cons.
                expect: { marker: 8.5, stance: advise, goto: next-step }
              - coach: You need to tell your manager tomorrow.
                expect: { stance: advise, goto: next-step }
              - coach: Tell me more.
                expect: { goto: flat-close }
          - name: a verdict, then advice at the close
            turns:
              - coach: You've clearly made real progress today.
                expect: { marker: 8.1, stance: advise, goto: next-step }
              - coach: What would you like to do with this before we next meet?
                expect: { marker: 8.5, stance: partner, goto: next-step }
          - name: advice of no particular kind
            turns:
              - coach: Don't overthink it.
                expect: { marker: none, stance: advise, goto: next-step }
          - name: advice at the close
            from: closing
            turns:
              - coach: You should write a list of pros and cons.
                expect: { stance: advise, goto: closing }
              - coach: Tell me more.
                expect: { goto: flat-close }

        """
    }
}
