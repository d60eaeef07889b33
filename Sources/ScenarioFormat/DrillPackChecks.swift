import CoachDrillCore

/// Checks that a pack's lines do what the pack says, judged by the same assessor and in the same context
/// as the drill will judge the participant: a line to rewrite must really be advice on its marker (or the
/// item tests nothing), and an exemplar must really pass its item (or the feedback shows a wrong model).
///
/// Warnings, not errors: the assessor improves over time, and a pack should keep loading while its author
/// rewords a line.
struct DrillPackChecks {
    let pack: DrillPack
    let sourceMap: [Int: DrillPackDecoder.ItemSource]
    let path: String
    private let assessor = Assessor()

    init(pack: DrillPack, sourceMap: [Int: DrillPackDecoder.ItemSource], path: String) {
        self.pack = pack
        self.sourceMap = sourceMap
        self.path = path
    }

    func run() -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, item) in pack.items.enumerated() {
            let source = sourceMap[index]
            switch item.kind {
            case .scenario:
                continue
            case .quickFire(let task):
                found += exemplarCheck(task.exemplar, node: source?.exemplar, target: task.target, client: task.client)
            case .rewrite(let task):
                if let node = source?.coach {
                    let verdict = assessor.assess(task.coach, context: context(task.target, task.client))
                    if verdict.stance != .advise || verdict.marker != task.target {
                        found.append(
                            Diagnostic(
                                .rewriteNotAdvice,
                                "the line to rewrite is judged \(Self.describe(verdict)), "
                                    + "not advise on \(task.target.id)",
                                at: location(node), length: node.caretLength,
                                help: "a rewrite item needs a line that advises on its own marker; "
                                    + "`coachdrill explain` shows which words decided the verdict"))
                    }
                }
                found += exemplarCheck(task.exemplar, node: source?.exemplar, target: task.target, client: task.client)
            }
        }
        return found
    }

    private func exemplarCheck(_ exemplar: String?, node: SourceNode?, target: Marker, client: String?) -> [Diagnostic]
    {
        guard let exemplar, let node else { return [] }
        let verdict = assessor.assess(exemplar, context: context(target, client))
        guard !DrillGrading.passes(verdict, target: target) else { return [] }
        return [
            Diagnostic(
                .exemplarDoesNotPass,
                "exemplar is judged \(Self.describe(verdict)), "
                    + "so it would not pass this item (partner on \(target.id))",
                at: location(node), length: node.caretLength,
                help: "the exemplar is shown as a model answer; reword it until `coachdrill explain` judges it "
                    + "partner on \(target.id)")
        ]
    }

    private func context(_ target: Marker, _ client: String?) -> AssessmentContext {
        DrillGrading.context(target: target, clientLine: client, exemplar: nil)
    }

    private func location(_ node: SourceNode) -> SourceLocation {
        SourceLocation(file: path, line: node.line, column: node.column)
    }

    /// "partner on 8.7", "advise on no marker".
    static func describe(_ assessment: Assessment) -> String {
        "\(assessment.stance.rawValue) on \(assessment.marker?.id ?? "no marker")"
    }
}
