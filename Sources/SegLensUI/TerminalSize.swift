/// The size of a terminal or canvas in cells.
public struct TerminalSize: Hashable, Sendable, CustomStringConvertible {
    public var rows: Int
    public var columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    /// `"columns×rows"`, the way terminal sizes are usually written (80×24).
    public var description: String { "\(columns)×\(rows)" }
}
