/// A mouse event the terminal reported.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case wheelUp
        case wheelDown
        /// Button 1–3 pressed.
        case press(button: Int)
        /// Button 1–3 released.
        case release(button: Int)
    }

    public var kind: Kind
    /// Zero-based screen row and column.
    public var row: Int
    public var column: Int

    public init(kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }
}
