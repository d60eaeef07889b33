/// A place in a scenario file: 1-based line and column (columns count Unicode scalars, as Yams does).
///
/// `line == 0` means the diagnostic is about the file as a whole (for example, it could not be read).
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The whole file, with no particular line.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: path, line: 0, column: 0)
    }

    /// `path:line:col`, or just `path` when there is no line.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }
}
