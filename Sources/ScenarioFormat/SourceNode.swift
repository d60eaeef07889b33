/// A YAML node with its place in the file: the located tree every later stage reads.
///
/// Built from Yams' `Node` by `YAMLComposer`, which bounds its size; unlike Yams' tree it keeps every
/// mapping pair in file order, including duplicated keys, so they can be reported where they are.
struct SourceNode: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case scalar(Scalar)
        case sequence([SourceNode])
        case mapping([Pair])
    }

    struct Scalar: Sendable, Equatable {
        enum Style: Sendable, Equatable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        var text: String
        var style: Style
    }

    struct Pair: Sendable, Equatable {
        var key: SourceNode
        var value: SourceNode
    }

    var kind: Kind
    /// 1-based.
    var line: Int
    /// 1-based, in Unicode scalars.
    var column: Int

    /// A plain scalar spelled `~`, `null`, `Null`, `NULL` or nothing at all.
    var isNull: Bool {
        guard case .scalar(let scalar) = kind, scalar.style == .plain else { return false }
        switch scalar.text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The text of a non-null scalar.
    var scalarText: String? {
        guard case .scalar(let scalar) = kind, !isNull else { return nil }
        return scalar.text
    }

    var sequence: [SourceNode]? {
        guard case .sequence(let items) = kind else { return nil }
        return items
    }

    var mapping: [Pair]? {
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs
    }

    /// How the node's type reads in a message: "a string", "a list", "a mapping", "nothing".
    var typeDescription: String {
        switch kind {
        case .scalar: isNull ? "nothing" : "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// How many columns a caret under this node should span: the whole of a one-line scalar (with its quotes),
    /// otherwise a single column.
    var caretLength: Int {
        guard case .scalar(let scalar) = kind, !scalar.text.contains(where: \.isNewline) else { return 1 }
        let count = scalar.text.unicodeScalars.count
        switch scalar.style {
        case .plain: return max(count, 1)
        case .singleQuoted: return scalar.text.contains("'") ? 1 : count + 2
        case .doubleQuoted: return scalar.text.contains(where: { $0 == "\"" || $0 == "\\" }) ? 1 : count + 2
        case .literal, .folded: return 1
        }
    }
}
