/// A rectangle of cells; `row`/`column` is the top-left corner.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = width
        self.height = height
    }

    public var isEmpty: Bool { width <= 0 || height <= 0 }
    /// One past the last row.
    public var endRow: Int { row + max(0, height) }
    /// One past the last column.
    public var endColumn: Int { column + max(0, width) }

    /// The rectangle shrunk by `amount` cells on every side (for the inside of a box).
    public func inset(by amount: Int) -> Rect {
        Rect(row: row + amount, column: column + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}
