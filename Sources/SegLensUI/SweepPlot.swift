import Foundation
import SegLensCore

/// The sweep panel (`v`): the selected loss against the selected parameter over its range, and the share of the
/// gradient on the hardest 10% of pixels as a second curve (right axis, 0…1), with the current value marked.
/// Braille dots (2×4 per cell) with Unicode, one `*`/`o` per cell in ASCII.
struct SweepPlot {
    let model: ExplorerModel
    let theme: Theme

    func draw(into canvas: inout Canvas, rect: Rect) {
        let loss = model.selectedLoss
        guard let parameter = model.selectedParameter, let curve = model.sweepCurve else {
            canvas.drawBox(rect, title: "sweep · \(loss.name)", glyphs: theme.glyphs, titlePen: theme.title)
            canvas.put("\(loss.name) has no parameter to sweep: Tab to another loss, v closes", row: rect.row + 2,
                       column: rect.column + 2, maxWidth: rect.width - 4, ellipsis: theme.glyphs.ellipsis, pen: theme.dim)
            return
        }
        let symbol = parameter.symbol
        canvas.drawBox(rect, title: "sweep · \(loss.name) over \(symbol)", glyphs: theme.glyphs, titlePen: theme.title)
        let inner = rect.inset(by: 1)
        guard inner.width >= 24, inner.height >= 5 else { return }

        let low = curve.lossValues.min() ?? 0, high = curve.lossValues.max() ?? 1
        let topLabel = Self.number(high), bottomLabel = Self.number(low)
        let leftWidth = max(topLabel.count, bottomLabel.count) + 1
        let rightWidth = 4
        let plot = Rect(
            row: inner.row + 1, column: inner.column + leftWidth, width: inner.width - leftWidth - rightWidth,
            height: inner.height - 3)
        guard plot.width >= 8, plot.height >= 2 else { return }

        // Line 1: what the curves are, and the subsample if any.
        let lossMark = theme.glyphs.isUnicode ? "⠒⠒" : "**"
        let shareMark = theme.glyphs.isUnicode ? (theme.usesColor ? "⠒⠒" : "⠂⠂") : "oo"
        var column = canvas.put(" \(lossMark)", row: inner.row, column: inner.column, pen: lossPen)
        column = canvas.put(" \(loss.name) (left)  ", row: inner.row, column: column, pen: theme.dim)
        column = canvas.put(shareMark, row: inner.row, column: column, pen: sharePen)
        column = canvas.put(" top-10% share (right)", row: inner.row, column: column, pen: theme.dim)
        if curve.factor > 1 {
            canvas.put("  on a 1:\(curve.factor) subsample \(curve.sampleHeight)×\(curve.sampleWidth)", row: inner.row,
                       column: column, maxWidth: max(0, inner.endColumn - column), ellipsis: theme.glyphs.ellipsis,
                       pen: theme.accent)
        }

        // Axes labels.
        canvas.put(topLabel, row: plot.row, column: inner.column, pen: theme.dim)
        canvas.put(bottomLabel, row: plot.endRow - 1, column: inner.column, pen: theme.dim)
        canvas.put(" 1", row: plot.row, column: plot.endColumn, pen: theme.dim)
        canvas.put(" 0", row: plot.endRow - 1, column: plot.endColumn, pen: theme.dim)

        let current = model.parameters[loss]?[parameter] ?? nil
        let grid = DotGrid(
            columns: plot.width, rows: plot.height, unicode: theme.glyphs.isUnicode)
        var dots = grid
        let xs = curve.values.map { curve.logScale ? log10(max($0, 1e-300)) : $0 }
        let xLow = xs.first ?? 0, xHigh = xs.last ?? 1
        func x(_ value: Double) -> Double { xHigh > xLow ? (value - xLow) / (xHigh - xLow) : 0 }
        let span = high - low
        dots.plot(xs.map(x), curve.lossValues.map { span > 0 ? ($0 - low) / span : 0.5 }, series: 0)
        // Without colour the share is drawn dotted (its points only), so the two curves stay apart.
        dots.plot(xs.map(x), curve.shares.map { $0 ?? .nan }, series: 1, joined: theme.usesColor)
        let markerColumn = current.map { value -> Int in
            let position = curve.logScale ? (value > 0 ? x(log10(value)) : 0) : x(value)
            return min(plot.width - 1, max(0, Int((position * Double(plot.width - 1)).rounded())))
        }
        for row in 0..<plot.height {
            for cell in 0..<plot.width {
                let (glyph, series) = dots.cell(row: row, column: cell)
                if let glyph {
                    canvas[plot.row + row, plot.column + cell] = Cell(glyph, pen: series == 0 ? lossPen : sharePen)
                } else if cell == markerColumn {
                    canvas[plot.row + row, plot.column + cell] = Cell(theme.glyphs.vertical, pen: theme.dim)
                }
            }
        }

        // x axis: the range's ends and the current value under the marker.
        let axisRow = plot.endRow
        let first = Self.number(curve.values.first ?? 0), last = Self.number(curve.values.last ?? 1)
        canvas.put(first, row: axisRow, column: plot.column, pen: theme.dim)
        canvas.put(last, row: axisRow, column: plot.endColumn - last.count, pen: theme.dim)
        let currentText = "\(symbol)=\(current.map(LossParameters.compact) ?? "none")"
        if let markerColumn {
            let start = min(max(plot.column, plot.column + markerColumn - currentText.count / 2), plot.endColumn - currentText.count)
            canvas.put(currentText, row: axisRow, column: start, pen: theme.accent)
        }
        let valueLine = "at \(currentText): \(loss.name) \(ExplorerView.formatValue(model.selectedResult.value))"
            + (curve.logScale ? "   (log scale)" : "")
        canvas.put(valueLine, row: axisRow + 1, column: plot.column, maxWidth: max(0, inner.endColumn - plot.column),
                   ellipsis: theme.glyphs.ellipsis, pen: theme.dim)
    }

    private var lossPen: Pen { Pen(foreground: theme.usesColor ? .indexed(214) : .default, style: .bold) }
    private var sharePen: Pen { Pen(foreground: theme.usesColor ? .indexed(39) : .default) }

    /// A number for an axis: at most four significant digits.
    static func number(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.4g", value)
    }
}

/// Dots on a grid of character cells: 2×4 braille dots per cell with Unicode, one dot per cell otherwise.
/// Each dot remembers the first series drawn on it; a cell shows the series of its first dot.
struct DotGrid {
    let columns: Int
    let rows: Int
    let unicode: Bool
    private var dots: [Int8]

    init(columns: Int, rows: Int, unicode: Bool) {
        self.columns = columns
        self.rows = rows
        self.unicode = unicode
        dots = [Int8](repeating: -1, count: columns * rows * (unicode ? 8 : 1))
    }

    private var dotColumns: Int { columns * (unicode ? 2 : 1) }
    private var dotRows: Int { rows * (unicode ? 4 : 1) }

    /// Plots points `(x, y)`, both fractions 0…1 (y up), `joined` by runs through the dots between consecutive
    /// points so the curve reads as a line; NaN points are left out.
    mutating func plot(_ xs: [Double], _ ys: [Double], series: Int8, joined: Bool = true) {
        var previous: (Int, Int)?
        for (x, y) in zip(xs, ys) {
            guard x.isFinite, y.isFinite else { previous = nil; continue }
            let column = min(dotColumns - 1, max(0, Int((x * Double(dotColumns - 1)).rounded())))
            let row = min(dotRows - 1, max(0, Int(((1 - y) * Double(dotRows - 1)).rounded())))
            if joined, let (lastColumn, lastRow) = previous {
                // Fill the columns between, with the rows stepping from the last point to this one.
                let steps = max(1, column - lastColumn)
                for step in 1...steps {
                    let c = lastColumn + step * (column - lastColumn) / steps
                    let from = lastRow + (step - 1) * (row - lastRow) / steps, to = lastRow + step * (row - lastRow) / steps
                    for r in min(from, to)...max(from, to) { set(column: c, row: r, series: series) }
                }
            } else {
                set(column: column, row: row, series: series)
            }
            previous = (column, row)
        }
    }

    private mutating func set(column: Int, row: Int, series: Int8) {
        let index = row * dotColumns + column
        if dots[index] < 0 { dots[index] = series }
    }

    /// The character of a cell and the series of its first dot, or `nil` for an empty cell.
    func cell(row: Int, column: Int) -> (Character?, Int8) {
        guard unicode else {
            let series = dots[row * dotColumns + column]
            return series < 0 ? (nil, -1) : (series == 0 ? "*" : "o", series)
        }
        // Braille dot numbering: left column rows 0–3 are bits 0, 1, 2, 6; right column bits 3, 4, 5, 7.
        let bits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        var pattern: UInt32 = 0, series: Int8 = -1
        for dx in 0..<2 {
            for dy in 0..<4 {
                let value = dots[(row * 4 + dy) * dotColumns + column * 2 + dx]
                guard value >= 0 else { continue }
                pattern |= bits[dx][dy]
                if series < 0 || value < series { series = value }
            }
        }
        guard pattern != 0 else { return (nil, -1) }
        return (Character(Unicode.Scalar(0x2800 + pattern)!), series)
    }
}
