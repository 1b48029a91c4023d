/// A small plot of up to four series of values in `0…1` against the training step, inside a box.
///
/// With Unicode every cell is a braille character (2×4 dots) and each cell takes the colour of the series with
/// the most dots in it; with ASCII each cell shows the number (1…4) of the last series through it. Consecutive
/// points are joined, so a series is a line even when it has few points.
struct StepPlot {
    struct Series {
        var points: [(step: Int, value: Double)]
        var color: TerminalColor
        /// The ASCII marker and the legend's name for the series.
        var marker: Character
    }

    var title: String
    var series: [Series]

    /// The series colours, in lane order.
    static let colors: [TerminalColor] = [.indexed(214), .indexed(39), .indexed(40), .indexed(199)]

    func draw(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        canvas.drawBox(rect, title: title, glyphs: theme.glyphs, titlePen: theme.title)
        let lastStep = max(1, series.flatMap { $0.points.map(\.step) }.max() ?? 1)
        // The y axis labels take the inner left column block; the x axis labels go in the bottom edge.
        let labelWidth = 4
        let inner = rect.inset(by: 1)
        let area = Rect(row: inner.row, column: inner.column + labelWidth, width: inner.width - labelWidth, height: inner.height)
        guard area.width >= 2, area.height >= 2 else { return }
        canvas.put("1.0", row: area.row, column: inner.column, pen: theme.dim)
        canvas.put("0.5", row: area.row + (area.height - 1) / 2, column: inner.column, pen: theme.dim)
        canvas.put("0", row: area.endRow - 1, column: inner.column, pen: theme.dim)
        canvas.put(" step 0 ", row: rect.endRow - 1, column: area.column - 1, pen: theme.dim)
        let end = " \(lastStep) "
        canvas.put(end, row: rect.endRow - 1, column: max(area.column + 8, rect.endColumn - 2 - end.count), pen: theme.dim)

        let unicode = theme.glyphs.isUnicode
        let dotsX = area.width * (unicode ? 2 : 1), dotsY = area.height * (unicode ? 4 : 1)
        // Per cell: the braille bits, and per series the dot count (Unicode) or the last series (ASCII).
        var bits = [[UInt32]](repeating: [UInt32](repeating: 0, count: area.width), count: area.height)
        var owners = [[[Int]]](repeating: [[Int]](repeating: [], count: area.width), count: area.height)
        func plot(_ x: Int, _ y: Int, series index: Int) {
            let cellRow = y / (unicode ? 4 : 1), cellColumn = x / (unicode ? 2 : 1)
            guard (0..<area.height).contains(cellRow), (0..<area.width).contains(cellColumn) else { return }
            if unicode { bits[cellRow][cellColumn] |= Self.brailleBit(dx: x % 2, dy: y % 4) }
            owners[cellRow][cellColumn].append(index)
        }
        for (index, one) in series.enumerated() {
            let dots = one.points.map { point -> (Int, Int) in
                let x = Int((Double(point.step) / Double(lastStep) * Double(dotsX - 1)).rounded())
                let clamped = min(1, max(0, point.value.isNaN ? 0 : point.value))
                return (x, dotsY - 1 - Int((clamped * Double(dotsY - 1)).rounded()))
            }
            for (offset, dot) in dots.enumerated() {
                guard offset > 0 else { plot(dot.0, dot.1, series: index); continue }
                let previous = dots[offset - 1]
                let length = max(abs(dot.0 - previous.0), abs(dot.1 - previous.1), 1)
                for t in 1...length {
                    let x = previous.0 + (dot.0 - previous.0) * t / length
                    let y = previous.1 + (dot.1 - previous.1) * t / length
                    plot(x, y, series: index)
                }
            }
        }
        for row in 0..<area.height {
            for column in 0..<area.width where !owners[row][column].isEmpty {
                let list = owners[row][column]
                let owner: Int
                if unicode {
                    owner = (0..<series.count).max { a, b in
                        list.count(where: { $0 == a }) < list.count(where: { $0 == b })
                    } ?? 0
                } else {
                    owner = list.last ?? 0
                }
                let glyph: Character = unicode ? Character(Unicode.Scalar(0x2800 + bits[row][column])!) : series[owner].marker
                canvas[area.row + row, area.column + column] = Cell(
                    glyph, foreground: theme.usesColor ? series[owner].color : .default)
            }
        }
    }

    /// The braille dot at column `dx` (0, 1) and row `dy` (0…3) of a cell.
    static func brailleBit(dx: Int, dy: Int) -> UInt32 {
        let left: [UInt32] = [0x01, 0x02, 0x04, 0x40], right: [UInt32] = [0x08, 0x10, 0x20, 0x80]
        return dx == 0 ? left[dy] : right[dy]
    }
}
