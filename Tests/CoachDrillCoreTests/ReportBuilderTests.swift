import CoachDrillCore
import XCTest

final class ReportBuilderTests: XCTestCase {
    private typealias L = TranscriptLines

    /// Three practice sessions by two trainees on two days, one of them killed.
    private func practice() throws -> [Transcript] {
        [
            try L.parse(
                L.text(
                    L.session(trainee: "Robin", started: "2026-03-02T09:00:00Z"), L.client("progress"),
                    L.coach(1, marker: "8.1", stance: "partner"),
                    L.coach(2, beat: "next-step", next: "close", marker: "8.5", stance: "advise", traps: ["advice-giving"]),
                    L.end(turns: 2))),
            try L.parse(
                L.text(
                    L.session(trainee: "Robin", started: "2026-03-09T09:00:00Z"), L.client("progress"),
                    L.coach(1, marker: "8.1", stance: "partner"),
                    L.coach(2, beat: "next-step", next: "close", marker: "8.5", stance: "partner"), L.end(turns: 2))),
            try L.parse(
                L.text(
                    L.session(trainee: "Alex", started: "2026-03-02T14:00:00Z"), L.client("progress"),
                    L.coach(1, marker: nil, stance: "advise", traps: ["advice-giving", "leading-question"]),
                    L.coach(2, beat: "next-step", marker: "8.5", stance: "advise", traps: ["advice-giving"]),
                    L.coach(3, beat: "next-step", marker: nil, stance: "neutral"))),
        ]
    }

    private func report(_ transcripts: [Transcript], trainee: String? = nil, anonymize: Bool = false) -> Report {
        var builder = ReportBuilder(trainee: trainee.map { TraineeQuery($0) }, anonymize: anonymize)
        for transcript in transcripts { builder.add(transcript) }
        return builder.build()
    }

    func testTotalsMarkersAndTrainees() throws {
        let report = report(try practice())
        XCTAssertEqual(report.sessions.count, 3)
        XCTAssertEqual(report.partialSessions, 1)
        XCTAssertEqual(report.totals, StanceCounts(partnered: 3, advised: 3, neutral: 1))
        XCTAssertEqual(report.markers[0], MarkerCounts(marker: .progress, counts: StanceCounts(partnered: 2)))
        XCTAssertEqual(report.markers[4], MarkerCounts(marker: .design, counts: StanceCounts(partnered: 1, advised: 2)))
        XCTAssertEqual(report.trainees.map(\.name), ["Alex", "Robin"])
        let robin = report.trainees[1]
        XCTAssertEqual(robin.sessions, 2)
        XCTAssertEqual(robin.totals.partnerRate, 0.75)
        XCTAssertEqual(report.trainees[0].partialSessions, 1)
        XCTAssertEqual(report.trainees[0].totals.partnerRate, 0)
    }

    func testTrapsByFrequencyWithSessionsAndTrainees() throws {
        let report = report(try practice())
        XCTAssertEqual(
            report.traps,
            [
                TrapCount(trap: .adviceGiving, count: 3, sessions: 2, trainees: 2),
                TrapCount(trap: .leadingQuestion, count: 1, sessions: 1, trainees: 1),
            ])
    }

    func testBeatsWherePeopleAdviseMostComeFirst() throws {
        let scenario = try XCTUnwrap(report(try practice()).scenarios.first)
        XCTAssertEqual(scenario.id, "closing-practice")
        XCTAssertEqual(scenario.sessions, 3)
        XCTAssertEqual(scenario.beats.map(\.beat), ["next-step", "progress"])
        XCTAssertEqual(scenario.beats[0].counts, StanceCounts(partnered: 1, advised: 2, neutral: 1))
        XCTAssertEqual(scenario.beats[0].topTrap, .adviceGiving)
    }

    func testTraineeFilterAndTrendPerSession() throws {
        let report = report(try practice(), trainee: "  robin ")
        XCTAssertEqual(report.trainee, "Robin")
        XCTAssertEqual(report.sessions.count, 2)
        XCTAssertEqual(report.trend.map(\.label), ["2026-03-02T09:00:00Z", "2026-03-09T09:00:00Z"])
        XCTAssertEqual(report.trend.map(\.counts.partnerRate), [0.5, 1])
    }

    func testTrendPerDayWithoutATrainee() throws {
        let report = report(try practice())
        XCTAssertEqual(report.trend.map(\.label), ["2026-03-02", "2026-03-09"])
        XCTAssertEqual(report.trend.map(\.sessions), [2, 1])
    }

    func testTheOrderTranscriptsArriveInDoesNotMatter() throws {
        let transcripts = try practice() + drills()
        XCTAssertEqual(report(transcripts), report(transcripts.reversed()))
        XCTAssertEqual(report(transcripts), report(Array(transcripts[4...] + transcripts[..<4])))
    }

    func testMergedBuildersGiveTheSameReport() throws {
        let transcripts = try practice() + drills()
        for split in 0...transcripts.count {
            var first = ReportBuilder()
            var second = ReportBuilder()
            for transcript in transcripts[..<split] { first.add(transcript) }
            for transcript in transcripts[split...] { second.add(transcript) }
            first.merge(second)
            XCTAssertEqual(first.build(), report(transcripts), "split at \(split)")
        }
    }

    func testAnonymizeNumbersNamesAlphabetically() throws {
        let report = report(try practice(), anonymize: true)
        XCTAssertEqual(report.trainees.map(\.name), ["Participant 1", "Participant 2"])
        XCTAssertEqual(Set(report.sessions.map(\.trainee)), ["Participant 1", "Participant 2"])
    }

    // MARK: Class report

    private func drillRun(
        _ name: String, run: String, started: String, answers: [(marker: String, stance: String, traps: [String], text: String)],
        passes: [Bool], complete: Bool = true
    ) throws -> Transcript {
        var lines = [
            L.session(
                scenario: "pack", trainee: name, started: started, mode: "drill",
                extra: ",\"pack\":\"pack\",\"pack_hash\":\"fnv1a64:1\",\"run\":\"\(run)\"")
        ]
        for (index, answer) in answers.enumerated() {
            lines.append(
                L.coach(
                    index + 1, beat: "qf-\(index)", next: nil, text: answer.text, marker: answer.marker, stance: answer.stance,
                    traps: answer.traps, extra: ",\"item\":\(index),\"target\":\"8.7\",\"passed\":\(passes[index])"))
            lines.append(L.item(index, id: "qf-\(index)", passed: passes[index], overtime: index == 1))
        }
        if complete {
            let passed = passes.filter { $0 }.count
            lines.append(
                L.end(turns: answers.count, result: ",\"result\":{\"passed\":\(passed >= 1),\"items_passed\":\(passed),\"items\":2}"))
        }
        return try L.parse(lines.joined(separator: "\n") + "\n")
    }

    private func drills() throws -> [Transcript] {
        let good = ("8.7", "partner", [String](), "How will you hold yourself to it?")
        let bad = ("8.7", "advise", ["coach-owned-accountability"], "Email me on Friday, Casey, at casey@example.com.")
        return [
            try drillRun("Casey", run: "c1", started: "2026-03-20T10:00:00Z", answers: [bad, bad], passes: [false, false]),
            try drillRun("Casey", run: "c2", started: "2026-03-20T11:00:00Z", answers: [good, bad], passes: [true, false]),
            // A later run that was interrupted does not replace a complete one.
            try drillRun("Casey", run: "c3", started: "2026-03-20T12:00:00Z", answers: [bad], passes: [false], complete: false),
            try drillRun("Dana", run: "d1", started: "2026-03-20T10:00:00Z", answers: [good, good], passes: [true, true]),
        ]
    }

    func testClassReportCountsEachParticipantsLatestCompleteRun() throws {
        let classReport = try XCTUnwrap(report(try drills()).classReport)
        XCTAssertEqual(classReport.participants.map(\.name), ["Casey", "Dana"])
        XCTAssertEqual(classReport.participants.map(\.number), [1, 2])
        XCTAssertEqual(classReport.participants[0].markers[6].counts, StanceCounts(partnered: 1, advised: 1))
        XCTAssertEqual(classReport.participants.map(\.passed), [1, 1])
        let pack = try XCTUnwrap(classReport.packs.first)
        XCTAssertEqual(pack.participants, 2)
        XCTAssertEqual(pack.scored, 2)
        XCTAssertEqual(pack.passRate, 1)
        XCTAssertEqual(pack.items.map(\.id), ["qf-0", "qf-1"])
        XCTAssertEqual(pack.items.map(\.passRate), [1, 0.5])
        XCTAssertEqual(pack.items.map(\.overtime), [0, 2])
        XCTAssertEqual(pack.items[1].answers, StanceCounts(partnered: 1, advised: 1))
        XCTAssertEqual(pack.items[1].target, .accountability)
    }

    /// Who answered each item, who skipped it, and who never got to answer it: Ash skips item 0 and answers
    /// item 1; Bo answers item 0 and the input ends on item 1; Cy quits on item 0.
    func testClassReportTellsSkippedItemsFromItemsNotReached() throws {
        let header = { (name: String) in
            L.session(
                scenario: "pack", trainee: name, mode: "drill", extra: ",\"pack\":\"pack\",\"pack_hash\":\"fnv1a64:1\",\"run\":\"r\"")
        }
        let answer = { (turn: Int, item: Int) in
            L.coach(turn, beat: "qf-\(item)", next: nil, extra: ",\"item\":\(item),\"target\":\"8.1\",\"passed\":true")
        }
        let result = ",\"result\":{\"passed\":false,\"items_passed\":1,\"items\":2}"
        let runs = [
            L.text(
                header("Ash"), L.client("qf-0", item: 0), L.item(0, id: "qf-0", passed: false), L.client("qf-1", item: 1),
                answer(1, 1), L.item(1, id: "qf-1", passed: true), L.end(result: result)),
            L.text(
                header("Bo"), L.client("qf-0", item: 0), answer(1, 0), L.item(0, id: "qf-0", passed: true),
                L.client("qf-1", item: 1), L.item(1, id: "qf-1", passed: false), L.end("eof", result: result)),
            L.text(header("Cy"), L.client("qf-0", item: 0), L.item(0, id: "qf-0", passed: false), L.end("quit", result: result)),
        ]
        var builder = ReportBuilder()
        for run in runs { builder.add(try L.parse(run)) }
        let pack = try XCTUnwrap(builder.build().classReport?.packs.first)
        XCTAssertEqual(pack.participants, 3)
        XCTAssertEqual(pack.items.map(\.attempts), [3, 2])
        XCTAssertEqual(pack.items.map(\.answered), [1, 1])
        XCTAssertEqual(pack.items.map(\.skipped), [1, 0], "Ash skipped item 0; Cy's drill ended on it, Bo's on item 1")
    }

    /// A damaged end line claiming the most items the reader accepts (10,000) gets as many rows as the
    /// results show, not 10,000, and a warning says so.
    func testAHostileItemCountIsCappedAtWhatTheFilesShow() throws {
        let header = L.session(
            scenario: "pack", trainee: "Mal", mode: "drill", extra: ",\"pack\":\"pack\",\"pack_hash\":\"fnv1a64:1\",\"run\":\"r\"")
        let text = L.text(
            header, L.client("qf-0", item: 0), L.item(0, id: "qf-0", passed: false),
            L.end("quit", result: ",\"result\":{\"passed\":false,\"items_passed\":0,\"items\":10000}"))
        var builder = ReportBuilder()
        builder.add(try L.parse(text))
        let classReport = try XCTUnwrap(builder.build().classReport)
        let run = try XCTUnwrap(classReport.participants.first?.runs.first)
        XCTAssertEqual(run.rows.count, 1)
        XCTAssertEqual(run.items, 1)
        XCTAssertEqual(classReport.participants.first?.items, 1)
        XCTAssertEqual(
            classReport.warnings,
            ["Mal's run of pack claims 10000 items, but the results show 1; counting 1 (is the file damaged or from "
                + "another version of the pack?)"])
    }

    func testClassTrapsCarryAnonymisedExamples() throws {
        let classReport = try XCTUnwrap(report(try drills()).classReport)
        XCTAssertEqual(classReport.traps.map(\.trap), [.coachOwnedAccountability])
        XCTAssertEqual(classReport.traps[0].count, 1)
        XCTAssertEqual(classReport.traps[0].examples, ["Email me on Friday, Participant 1, at [email]."])
    }

    func testNoClassReportWithoutDrills() throws {
        XCTAssertNil(report(try practice()).classReport)
    }
}
