/// A colour as a terminal understands it: the terminal's own default, or an
/// xterm-256 palette index.
///
/// Indices 0–15 are the 16 ANSI colours (0–7 normal, 8–15 bright), 16–231 the
/// 6×6×6 colour cube and 232–255 the grey ramp. Views may always draw with
/// 256-colour indices; ``TerminalColor/adapted(to:)`` maps them down for
/// terminals with fewer colours.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's default foreground or background (keeps the user's
    /// theme, which matters on projectors with light backgrounds).
    case `default`
    /// An xterm-256 palette index.
    case indexed(UInt8)
}

/// Text attributes of a cell. They survive monochrome mode.
public struct CellStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellStyle(rawValue: 1 << 0)
    public static let reverse = CellStyle(rawValue: 1 << 1)
    public static let dim = CellStyle(rawValue: 1 << 2)
    public static let underline = CellStyle(rawValue: 1 << 3)
}

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

/// A width×height grid of ``Cell``s: what a view draws and what both the live
/// terminal and `seglens render` display.
///
/// Every drawing operation clips to the canvas; coordinates outside it
/// (negative included) are ignored rather than trapping.
///
/// ```swift
/// var canvas = Canvas(width: 20, height: 3)
/// canvas.drawBox(Rect(row: 0, column: 0, width: 20, height: 3), title: "Loss", glyphs: .unicode)
/// canvas.put("α=0.25", row: 1, column: 2, pen: Pen(style: .bold))
/// canvas.textLines()  // ["┌─ Loss ───────────┐", "│ α=0.25           │", "└──────────────────┘"]
/// ```
public struct Canvas: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major cells, `cells[row * width + column]`.
    public private(set) var cells: [Cell]

    /// A canvas filled with `fill`; negative sizes are treated as 0.
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public init(size: TerminalSize, fill: Cell = .blank) {
        self.init(width: size.columns, height: size.rows, fill: fill)
    }

    public var size: TerminalSize { TerminalSize(rows: height, columns: width) }
    public var bounds: Rect { Rect(row: 0, column: 0, width: width, height: height) }

    public func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < height && column >= 0 && column < width
    }

    /// The cell at a position; reading outside the canvas gives ``Cell/blank``
    /// and writing outside it does nothing.
    public subscript(row: Int, column: Int) -> Cell {
        get { contains(row: row, column: column) ? cells[row * width + column] : .blank }
        set {
            guard contains(row: row, column: column) else { return }
            cells[row * width + column] = newValue
        }
    }

    // MARK: Drawing

    /// Writes `text` on one row starting at `column`, one grapheme per cell,
    /// clipped to the canvas. Characters that are not one column wide
    /// (control characters, tabs, newlines, CJK, emoji) are drawn as
    /// ``Cell/replacement``.
    ///
    /// - Returns: The column just after the last character (even if clipped),
    ///   so calls can be chained.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, pen: Pen = .plain) -> Int {
        var x = column
        guard row >= 0 && row < height else { return column + text.count }
        for character in text {
            if x >= width { x += 1; continue }
            if x >= 0 { cells[row * width + x] = Cell(character, pen: pen) }
            x += 1
        }
        return x
    }

    /// ``put(_:row:column:pen:)`` with the pen spelt out.
    @discardableResult
    public mutating func put(
        _ text: String, row: Int, column: Int,
        foreground: TerminalColor = .default, background: TerminalColor = .default, style: CellStyle = []
    ) -> Int {
        put(text, row: row, column: column, pen: Pen(foreground: foreground, background: background, style: style))
    }

    /// Writes `text` truncated to at most `maxWidth` columns, ending with
    /// `ellipsis` when it had to be cut.
    @discardableResult
    public mutating func put(
        _ text: String, row: Int, column: Int, maxWidth: Int, ellipsis: String = "…", pen: Pen = .plain
    ) -> Int {
        put(Canvas.truncate(text, to: maxWidth, ellipsis: ellipsis), row: row, column: column, pen: pen)
    }

    /// `text` cut to `width` graphemes, with `ellipsis` replacing the tail
    /// when it does not fit.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        guard ellipsis.count < width else { return String(text.prefix(width)) }
        return String(text.prefix(width - ellipsis.count)) + ellipsis
    }

    /// Sets every cell of `rect` (clipped) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let top = max(0, rect.row), bottom = min(height, rect.endRow)
        let left = max(0, rect.column), right = min(width, rect.endColumn)
        guard top < bottom, left < right else { return }
        for y in top..<bottom {
            for x in left..<right { cells[y * width + x] = cell }
        }
    }

    /// Changes the pen of every cell in `rect` (clipped), keeping glyphs.
    public mutating func paint(_ rect: Rect, pen: Pen) {
        let top = max(0, rect.row), bottom = min(height, rect.endRow)
        let left = max(0, rect.column), right = min(width, rect.endColumn)
        guard top < bottom, left < right else { return }
        for y in top..<bottom {
            for x in left..<right { cells[y * width + x].pen = pen }
        }
    }

    /// Draws a horizontal line of `length` cells.
    public mutating func horizontalLine(row: Int, column: Int, length: Int, glyphs: Glyphs, pen: Pen = .plain) {
        guard length > 0 else { return }
        for x in column..<(column + length) { self[row, x] = Cell(glyphs.horizontal, pen: pen) }
    }

    /// Draws a vertical line of `length` cells.
    public mutating func verticalLine(row: Int, column: Int, length: Int, glyphs: Glyphs, pen: Pen = .plain) {
        guard length > 0 else { return }
        for y in row..<(row + length) { self[y, column] = Cell(glyphs.vertical, pen: pen) }
    }

    /// Draws the border of `rect` (clipped) and an optional title in the top
    /// edge, as `┌─ Title ──┐` (or `+- Title --+` with ASCII glyphs). The
    /// title is truncated with the glyph set's ellipsis when it does not fit;
    /// the inside of the box is left untouched.
    ///
    /// Boxes narrower or shorter than 2 cells are not drawn.
    public mutating func drawBox(
        _ rect: Rect, title: String? = nil, glyphs: Glyphs, pen: Pen = .plain, titlePen: Pen? = nil
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.endColumn - 1, bottom = rect.endRow - 1
        horizontalLine(row: rect.row, column: rect.column + 1, length: rect.width - 2, glyphs: glyphs, pen: pen)
        horizontalLine(row: bottom, column: rect.column + 1, length: rect.width - 2, glyphs: glyphs, pen: pen)
        verticalLine(row: rect.row + 1, column: rect.column, length: rect.height - 2, glyphs: glyphs, pen: pen)
        verticalLine(row: rect.row + 1, column: right, length: rect.height - 2, glyphs: glyphs, pen: pen)
        self[rect.row, rect.column] = Cell(glyphs.topLeft, pen: pen)
        self[rect.row, right] = Cell(glyphs.topRight, pen: pen)
        self[bottom, rect.column] = Cell(glyphs.bottomLeft, pen: pen)
        self[bottom, right] = Cell(glyphs.bottomRight, pen: pen)
        if let title, !title.isEmpty {
            // "┌─ " + title + " ─┐": two cells of corner+line and a space each side.
            let room = rect.width - 6
            guard room > 0 else { return }
            let shown = Canvas.truncate(title, to: room, ellipsis: glyphs.ellipsis)
            put(" \(shown) ", row: rect.row, column: rect.column + 2, pen: titlePen ?? pen)
        }
    }

    /// Copies `other` onto this canvas with its top-left corner at
    /// (`row`, `column`), clipped.
    public mutating func draw(_ other: Canvas, row: Int, column: Int) {
        for y in 0..<other.height where row + y >= 0 && row + y < height {
            for x in 0..<other.width where column + x >= 0 && column + x < width {
                cells[(row + y) * width + column + x] = other.cells[y * other.width + x]
            }
        }
    }

    // MARK: Text

    /// The glyphs of each row as plain text, trailing spaces trimmed; colours
    /// and styles are dropped. This is the format of text snapshots.
    public func textLines() -> [String] {
        (0..<height).map { y in
            var line = String(cells[(y * width)..<(y * width + width)].map(\.glyph))
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// ``textLines()`` joined with newlines (no trailing newline).
    public var text: String { textLines().joined(separator: "\n") }
}
