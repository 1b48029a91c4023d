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

    /// The first of `candidates` (longest first, by convention) that fits in `width` columns whole, or `nil` when
    /// none does: how a view shortens text without cutting a word.
    public static func firstFitting(_ candidates: [String], width: Int) -> String? {
        candidates.first { $0.count <= width }
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
    /// edge, as `┌─ Title ──┐` (or `+- Title --+` with ASCII glyphs). When the
    /// title does not fit, the first of `shorterTitles` that fits is shown, and
    /// only when none does is the last one truncated with the glyph set's
    /// ellipsis; the inside of the box is left untouched.
    ///
    /// Boxes narrower or shorter than 2 cells are not drawn.
    public mutating func drawBox(
        _ rect: Rect, title: String? = nil, shorterTitles: [String] = [], glyphs: Glyphs, pen: Pen = .plain,
        titlePen: Pen? = nil
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
            let candidates = [title] + shorterTitles
            let shown = Canvas.firstFitting(candidates, width: room)
                ?? Canvas.truncate(candidates[candidates.count - 1], to: room, ellipsis: glyphs.ellipsis)
            put(" \(shown) ", row: rect.row, column: rect.column + 2, pen: titlePen ?? pen)
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
