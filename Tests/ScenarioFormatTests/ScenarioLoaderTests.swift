import CoachDrillCore
import Foundation
import Testing

@testable import ScenarioFormat

@Suite struct ScenarioLoaderTests {
    private func load(_ yaml: String, path: String = "Scenarios/x.yaml") -> Result<Scenario, DiagnosticList> {
        ScenarioLoader.load(yaml: yaml, path: path)
    }

    @Test func loadsTheFormatExample() throws {
        let scenario = try ScenarioLoader.load(yaml: Fixtures.example, path: "Scenarios/new-manager-checklist.yaml")
            .get()
        #expect(scenario.id == "new-manager-checklist")
        #expect(scenario.difficulty == .standard)
        #expect(scenario.markers == [.progress, .learningSelf, .design, .accountability, .closing])
        #expect(scenario.traps == [.adviceGiving, .coachOwnedAccountability])
        #expect(scenario.persona.name == "Dana")
        #expect(scenario.persona.sessionGoal == "Work out why I keep jumping in to fix my team's work")
        #expect(scenario.state == [StateVariable(name: "ownership", initial: 0)])
        #expect(scenario.start == "wrap-up")
        #expect(scenario.beats.map(\.id) == ["wrap-up", "wrap-up-again", "learning", "close"])

        let wrapUp = try #require(scenario.beat("wrap-up"))
        #expect(wrapUp.expects == [.progress])
        #expect(wrapUp.branches.count == 3)
        #expect(wrapUp.branches[0].condition == Condition(markers: [.progress], stances: [.partner]))
        #expect(wrapUp.branches[0].effects == [Effect(variable: "ownership", delta: 1)])
        #expect(wrapUp.branches[0].goto == "learning")
        #expect(wrapUp.branches[1].once)
        #expect(wrapUp.branches[1].client == ["Right. I suppose so.", "Okay, if you think so."])
        #expect(wrapUp.branches[1].effects == [Effect(variable: "ownership", delta: -1)])
        #expect(wrapUp.branches[2].isDefault)
        #expect(wrapUp.branches[2].goto == "wrap-up")

        let learning = try #require(scenario.beat("learning"))
        #expect(learning.expects == [.learningSelf])
        #expect(
            learning.branches[0].condition
                == Condition(
                    markers: [.learningSelf, .design], stances: [.partner],
                    state: [StateTest(variable: "ownership", comparison: .greaterOrEqual, value: 1)]))
        #expect(learning.branches[1].goto == nil)
        #expect(learning.branches[1].condition?.traps == [.adviceGiving, .coachOwnedAccountability])
        #expect(try #require(scenario.beat("close")).end)

        #expect(scenario.checks.count == 2)
        #expect(scenario.checks[0].from == "wrap-up")
        #expect(scenario.checks[0].turns[0].expectMarker == .some(.progress))
        #expect(scenario.checks[0].turns[0].expectStance == .partner)
        #expect(scenario.checks[0].turns[0].expectGoto == "learning")
        #expect(scenario.checks[0].turns[0].line == 62)
        #expect(scenario.checks[1].seed == 1)
        #expect(scenario.checks[1].turns[0].expectTraps == [.adviceGiving])
        #expect(scenario.checks[1].turns[1].expectMarker == .some(nil))
    }

    @Test func markersMayBeNumbersOrStrings() throws {
        let yaml = try Fixtures.example.replacingOccurrences(
            of: "markers: [8.1, 8.2, 8.5, 8.7, 8.9]", with: "markers: [\"8.1\", '8.2', 8.5]")
        let scenario = try load(yaml, path: "new-manager-checklist.yaml").get()
        #expect(scenario.markers == [.progress, .learningSelf, .design])
    }

    @Test func aMarkerWrittenWithATrailingZeroIsNotSilentlyRead() throws {
        let yaml = try Fixtures.example.replacingOccurrences(of: "expects: [8.1]", with: "expects: [8.10]")
        let diagnostics = try #require(load(yaml, path: "new-manager-checklist.yaml").failure)
        #expect(diagnostics.errors.map(\.code) == [.unknownMarker])
        #expect(diagnostics.errors.first?.message == "'8.10' is not a PCC marker of competency 8 (did you mean '8.1'?)")
    }

    /// A misspelt key next to the real one is a second copy: renaming it would write the key twice.
    @Test func aMisspeltCopyOfAKeyIsToBeRemovedNotRenamed() throws {
        let example = try Fixtures.example
        for (before, after) in [("difficulty: standard", "dificulty: gentle\ndifficulty: standard"),
            ("difficulty: standard", "difficulty: standard\ndificulty: gentle")]
        {
            let yaml = example.replacingOccurrences(of: before, with: after)
            let diagnostics = try #require(load(yaml, path: "new-manager-checklist.yaml").failure)
            let line = try #require(
                yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("difficulty:") }) + 1
            #expect(diagnostics.errors.map(\.code) == [.unknownKey])
            #expect(
                diagnostics.errors.first?.message
                    == "unknown key 'dificulty' in the scenario: a second, misspelt copy of 'difficulty' (line \(line))")
            #expect(diagnostics.errors.first?.help?.hasPrefix("remove it: renaming it would write 'difficulty' twice") == true)
        }
        // Without the real key, the misspelling is still a rename.
        let renamed = example.replacingOccurrences(of: "difficulty: standard", with: "dificulty: standard")
        let diagnostics = try #require(load(renamed, path: "new-manager-checklist.yaml").failure)
        #expect(diagnostics.errors.first?.help == "rename it to 'difficulty'")
    }

    /// `coachdrill test --coverage` names uncovered beats and branches by these places.
    @Test func theAnalysisLocatesBeatsAndBranches() throws {
        let analysis = ScenarioLoader.analyze(yaml: try Fixtures.example, path: "new-manager-checklist.yaml")
        #expect(analysis.location(ofBeat: "learning") == SourceLocation(file: "new-manager-checklist.yaml", line: 42, column: 3))
        #expect(
            analysis.location(ofBranch: 0, inBeat: "wrap-up")
                == SourceLocation(file: "new-manager-checklist.yaml", line: 21, column: 9))
        #expect(analysis.location(ofBeat: "nowhere") == nil)
        #expect(analysis.location(ofBranch: 9, inBeat: "wrap-up") == nil)
    }

    @Test func effectsAcceptSignedNumbersQuotedOrNot() throws {
        let yaml = try Fixtures.example.replacingOccurrences(
            of: "effects: { ownership: +1 }", with: "effects: { ownership: \"+2\" }")
        let scenario = try load(yaml, path: "new-manager-checklist.yaml").get()
        #expect(scenario.beat("wrap-up")?.branches[0].effects == [Effect(variable: "ownership", delta: 2)])
    }

    @Test func aWrongGotoIsReportedWhereItIsWritten() throws {
        let yaml = try Fixtures.example.replacingOccurrences(
            of: "        goto: learning\n      - when: { stance: advise }",
            with: "        goto: learnin\n      - when: { stance: advise }")
        let diagnostics = try #require(load(yaml, path: "Scenarios/new-manager-checklist.yaml").failure)
        let error = try #require(diagnostics.errors.first)
        #expect(
            error.description
                == "Scenarios/new-manager-checklist.yaml:24:15: error[CD012]: goto 'learnin' names no beat (did you mean 'learning'?)"
        )
        #expect(
            error.rendered(source: yaml) == """
                Scenarios/new-manager-checklist.yaml:24:15: error[CD012]: goto 'learnin' names no beat (did you mean 'learning'?)
                   |
                24 |         goto: learnin
                   |               ^^^^^^^
                   = help: change it to 'learning', or add a beat 'learnin' under `beats:`

                """)
    }

    @Test func malformedYAMLIsLocated() throws {
        let diagnostics = try #require(load("id: x\ntitle: \"unclosed\nsummary: y\n").failure)
        let error = try #require(diagnostics.errors.first)
        #expect(error.code == .yamlSyntax)
        #expect(error.location.line == 4)
        #expect(error.help == "a quoted value was opened and never closed; add the closing quote")
    }

    @Test func warningsDoNotStopLoading() throws {
        let analysis = ScenarioLoader.analyze(yaml: try Fixtures.example, path: "other-name.yaml")
        #expect(analysis.scenario != nil)
        // The single-reply-set format loads; lint asks for replies keyed by what the coach did.
        #expect(Set(analysis.diagnostics.diagnostics.map(\.code)) == [.idMismatchesFileName, .thinReplies, .confusionReply])
        #expect(analysis.diagnostics.errors.isEmpty)
        #expect((try? analysis.result.get()) != nil)
    }

    /// `load` skips the whole-scenario checks because they can only warn. If one ever reported an error,
    /// `load` would accept a file that `lint` refuses: so every scenario and lint fixture, clean and broken,
    /// must load exactly when its full analysis has no error.
    @Test func loadingAgreesWithTheFullAnalysisOnEveryFile() throws {
        let folders = [Fixtures.root + "/../../../Scenarios", Fixtures.clean, Fixtures.broken, Fixtures.root + "/single-reply-set"]
        var checked = 0
        for folder in folders {
            for name in Fixtures.yamlFiles(in: folder) {
                let path = folder + "/" + name
                let loads = (try? ScenarioLoader.load(contentsOf: path).get()) != nil
                let analysis = ScenarioLoader.analyze(contentsOf: path, judgingLines: false)
                #expect(loads == analysis.diagnostics.errors.isEmpty, "\(name)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test func renderingSanitisesControlCharactersFromTheFile() throws {
        // A key spelled with an escape sequence (in the message) and a raw bidi override (in the quoted line).
        let yaml = "id: x\ntitle: [a\u{202E}b]\n\"\\e[31mkey\": 1\n"
        let diagnostics = try #require(load(yaml).failure)
        let rendered = diagnostics.rendered(color: false)
        #expect(!rendered.contains("\u{1B}"))
        #expect(!rendered.contains("\u{202E}"))
        #expect(rendered.contains("unknown key '\\u{1B}[31mkey'"))
        #expect(rendered.contains("title: [a\\u{202E}b]"))
    }

    @Test func colourAddsEscapesOnlyWhenAsked() throws {
        let diagnostics = try #require(load("a: 1\n").failure)
        #expect(diagnostics.rendered(color: true).contains("\u{1B}[1;31merror[CD010]"))
        #expect(!diagnostics.rendered(color: false).contains("\u{1B}"))
    }

    @Test func unreadableFilesAreDiagnosedNotThrown() throws {
        let result = ScenarioLoader.load(contentsOf: "/nonexistent/nowhere.yaml")
        let diagnostics = try #require(result.failure)
        #expect(diagnostics.errors.map(\.code) == [.unreadableFile])
        #expect(
            diagnostics.rendered() == """
                /nonexistent/nowhere.yaml: error[CD001]: no such file
                help: check the path; `coachdrill list` shows the scenarios it can find

                """)
    }

    @Test func invalidUTF8IsLocated() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/bad.yaml"
        try Data([0x69, 0x64, 0x3A, 0x20, 0x78, 0x0A, 0x74, 0x3A, 0x20, 0xC3, 0x28, 0x0A]).write(
            to: URL(fileURLWithPath: path))
        let diagnostics = try #require(ScenarioLoader.load(contentsOf: path).failure)
        let error = try #require(diagnostics.errors.first)
        #expect(error.code == .invalidEncoding)
        #expect((error.location.line, error.location.column) == (2, 4))
    }

    @Test func oversizedTextIsRefusedBeforeParsing() throws {
        let limits = LoadLimits(maxBytes: 100)
        let diagnostics = try #require(
            ScenarioLoader.load(yaml: String(repeating: "# padding\n", count: 20), path: "x.yaml", limits: limits)
                .failure)
        #expect(diagnostics.errors.map(\.code) == [.fileTooLarge])
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

@Suite struct LintOptionTests {
    @Test func warningsCanBeSwitchedOffErrorsCannot() throws {
        let yaml = try Fixtures.text(Fixtures.broken + "/unreachable-beat.yaml")
        #expect(Lint.lint(source: yaml, path: "unreachable-beat.yaml").map(\.code) == [.thinReplies, .unreachableBeat])
        #expect(Lint.lint(source: yaml, path: "unreachable-beat.yaml", disabling: [.unreachableBeat, .thinReplies]).isEmpty)
        let broken = try Fixtures.text(Fixtures.broken + "/unknown-beat.yaml")
        #expect(
            Lint.lint(source: broken, path: "unknown-beat.yaml", disabling: [.unknownBeat]).map(\.code) == [
                .unknownBeat
            ])
    }

    @Test func blockScalarsLoseTheirFinalLineBreak() throws {
        let yaml = try Fixtures.example.replacingOccurrences(
            of: "    client: Thanks. That was useful.", with: "    client: |\n      Thanks.\n      That was useful.\n")
        let scenario = try ScenarioLoader.load(yaml: yaml, path: "new-manager-checklist.yaml").get()
        #expect(scenario.beat("close")?.client == ["Thanks.\nThat was useful."])
    }
}
