/// The stable code of every diagnostic. Codes are never renumbered or reused; docs/diagnostics.md has one
/// short page for each, with a wrong and a right example.
public enum DiagnosticCode: String, Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
    // The file itself
    case unreadableFile = "CD001"
    case invalidEncoding = "CD002"
    case fileTooLarge = "CD003"
    case yamlSyntax = "CD004"
    case nestingTooDeep = "CD005"
    case aliasExpansion = "CD006"
    case duplicateKey = "CD007"
    case notAScenario = "CD008"
    // Shape: keys and types
    case unknownKey = "CD009"
    case missingKey = "CD010"
    case wrongType = "CD011"
    // References and values
    case unknownBeat = "CD012"
    case unknownMarker = "CD013"
    case unknownStance = "CD014"
    case unknownTrap = "CD015"
    case unknownStateVariable = "CD016"
    case invalidValue = "CD017"
    case duplicateBeat = "CD018"
    case unknownStartBeat = "CD019"
    // Beats and branches
    case beatWithoutWayOut = "CD020"
    case endBeatWithBranches = "CD021"
    case missingDefaultBranch = "CD022"
    case defaultNotLast = "CD023"
    case emptyClientLine = "CD024"
    case unreachableBeat = "CD025"
    case noEndReachable = "CD026"
    case unsatisfiableExpects = "CD027"
    case unusedOnEndBeat = "CD028"
    case idMismatchesFileName = "CD029"
    case checkUnknownBeat = "CD030"
    case onceDefault = "CD031"
    case emptyCondition = "CD032"
    case duplicateCheckName = "CD033"
    // Drill packs (Scenarios/packs/*.yaml, docs/drills.md)
    case notADrillPack = "CD034"
    case unknownScenario = "CD035"
    case duplicateItem = "CD036"
    case rewriteNotAdvice = "CD037"
    case exemplarDoesNotPass = "CD038"
    // Replies keyed by what the coach did (persona engine v2)
    case confusionReply = "CD039"
    case thinReplies = "CD040"
    case unreachableReply = "CD041"
    case unheardOpening = "CD042"
    case exemplarMisjudged = "CD043"

    public var description: String { rawValue }

    /// A short kebab-case name, used as the heading in docs/diagnostics.md.
    public var title: String {
        switch self {
        case .unreadableFile: "unreadable-file"
        case .invalidEncoding: "invalid-encoding"
        case .fileTooLarge: "file-too-large"
        case .yamlSyntax: "yaml-syntax"
        case .nestingTooDeep: "nesting-too-deep"
        case .aliasExpansion: "alias-expansion"
        case .duplicateKey: "duplicate-key"
        case .notAScenario: "not-a-scenario"
        case .unknownKey: "unknown-key"
        case .missingKey: "missing-key"
        case .wrongType: "wrong-type"
        case .unknownBeat: "unknown-beat"
        case .unknownMarker: "unknown-marker"
        case .unknownStance: "unknown-stance"
        case .unknownTrap: "unknown-trap"
        case .unknownStateVariable: "unknown-state-variable"
        case .invalidValue: "invalid-value"
        case .duplicateBeat: "duplicate-beat"
        case .unknownStartBeat: "unknown-start-beat"
        case .beatWithoutWayOut: "beat-without-way-out"
        case .endBeatWithBranches: "end-beat-with-branches"
        case .missingDefaultBranch: "missing-default-branch"
        case .defaultNotLast: "default-not-last"
        case .emptyClientLine: "empty-client-line"
        case .unreachableBeat: "unreachable-beat"
        case .noEndReachable: "no-end-reachable"
        case .unsatisfiableExpects: "unsatisfiable-expects"
        case .unusedOnEndBeat: "unused-on-end-beat"
        case .idMismatchesFileName: "id-mismatches-file-name"
        case .checkUnknownBeat: "check-unknown-beat"
        case .onceDefault: "once-default"
        case .emptyCondition: "empty-condition"
        case .duplicateCheckName: "duplicate-check-name"
        case .notADrillPack: "not-a-drill-pack"
        case .unknownScenario: "unknown-scenario"
        case .duplicateItem: "duplicate-item"
        case .rewriteNotAdvice: "rewrite-not-advice"
        case .exemplarDoesNotPass: "exemplar-does-not-pass"
        case .confusionReply: "confusion-reply"
        case .thinReplies: "thin-replies"
        case .unreachableReply: "unreachable-reply"
        case .unheardOpening: "unheard-opening"
        case .exemplarMisjudged: "exemplar-misjudged"
        }
    }

    /// The severity this code is always reported with.
    public var severity: Severity {
        switch self {
        case .unreachableBeat, .noEndReachable, .unsatisfiableExpects, .unusedOnEndBeat, .idMismatchesFileName,
            .duplicateCheckName, .rewriteNotAdvice, .exemplarDoesNotPass, .confusionReply, .thinReplies,
            .unreachableReply, .unheardOpening, .exemplarMisjudged:
            .warning
        default:
            .error
        }
    }
}
