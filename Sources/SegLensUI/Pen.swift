/// How a cell is painted, without its glyph.
public struct Pen: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var style: CellStyle

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default, style: CellStyle = []) {
        self.foreground = foreground
        self.background = background
        self.style = style
    }

    /// Default colours, no attributes.
    public static let plain = Pen()
}
