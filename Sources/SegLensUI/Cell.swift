/// One character cell of a ``Canvas``.
public struct Cell: Hashable, Sendable {
    /// One grapheme that occupies exactly one terminal column.
    public var glyph: Character
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var style: CellStyle

    public init(
        _ glyph: Character = " ",
        foreground: TerminalColor = .default,
        background: TerminalColor = .default,
        style: CellStyle = []
    ) {
        self.glyph = Cell.isSingleColumn(glyph) ? glyph : Cell.replacement
        self.foreground = foreground
        self.background = background
        self.style = style
    }

    public init(_ glyph: Character, pen: Pen) {
        self.init(glyph, foreground: pen.foreground, background: pen.background, style: pen.style)
    }

    public var pen: Pen {
        get { Pen(foreground: foreground, background: background, style: style) }
        set {
            foreground = newValue.foreground
            background = newValue.background
            style = newValue.style
        }
    }

    /// A space with default colours and no attributes.
    public static let blank = Cell()

    /// Drawn instead of a glyph that is not one column wide.
    public static let replacement: Character = "?"

    /// Whether `glyph` can be stored in a cell: not a control character, not
    /// a zero-width or combining mark on its own, and not East-Asian wide or
    /// emoji-presentation (which take two columns).
    ///
    /// This is a conservative approximation of `wcwidth`, which the pure UI
    /// layer cannot call; the terminal layer checks `wcwidth` again.
    public static func isSingleColumn(_ glyph: Character) -> Bool {
        guard let first = glyph.unicodeScalars.first else { return false }
        let properties = first.properties
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .nonspacingMark,
            .enclosingMark, .spacingMark, .surrogate, .unassigned:
            return false
        default:
            break
        }
        if properties.isEmojiPresentation { return false }
        if glyph.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return false }
        return !isWide(first.value)
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
