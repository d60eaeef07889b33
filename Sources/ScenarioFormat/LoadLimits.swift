/// Bounds on what a scenario file may cost to read. Files are data from strangers: these keep a hostile one
/// from exhausting memory or time. The defaults are far above what any real scenario needs.
public struct LoadLimits: Sendable, Equatable {
    /// Largest file accepted, in bytes (1 MiB).
    public var maxBytes: Int
    /// Deepest nesting of lists and mappings.
    public var maxDepth: Int
    /// Most nodes in the document after every alias has been expanded.
    public var maxNodes: Int
    /// Most alias uses (`*name`), counting uses inside expanded aliases.
    public var maxAliases: Int
    /// Most anchors (`&name`) that are used.
    public var maxAnchors: Int

    public init(
        maxBytes: Int = 1 << 20, maxDepth: Int = 64, maxNodes: Int = 100_000, maxAliases: Int = 1_000,
        maxAnchors: Int = 256
    ) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxAliases = maxAliases
        self.maxAnchors = maxAnchors
    }

    public static let `default` = LoadLimits()
}
