import Foundation
import SegLensCore

/// The three pixel panels — truth, prediction, heatmap — each a box with a legend in its bottom edge.
struct PixelPanels {
    let model: ExplorerModel
    let theme: Theme

    func draw(into canvas: inout Canvas, rects: [Rect]) {
        drawTruth(into: &canvas, rect: rects[0])
        let predictionTitle = model.scenario.predictions.count > 1 ? "prediction: \(model.prediction.name)" : "prediction"
        drawPrediction(into: &canvas, rect: rects[1], title: predictionTitle, probabilities: model.probabilities, cached: true)
        drawHeatmap(into: &canvas, rect: rects[2])
    }

    /// The truth: the majority label of a block.
    func drawTruth(into canvas: inout Canvas, rect: Rect) {
        let input = model.input
        let binary = input.mode == .binary
        let labels = input.truth.labels
        let ignore = input.ignoredLabel
        let width = input.width
        var counts = [Int](repeating: 0, count: input.classes)
        drawPanel(into: &canvas, rect: rect, title: "truth", cachedAs: 0) { rows, columns in
            for c in counts.indices { counts[c] = 0 }
            for row in rows {
                for column in columns where labels[row * width + column] != ignore {
                    counts[Int(labels[row * width + column])] += 1
                }
            }
            guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else {
                return theme.ignored
            }
            return theme.classPaint(best, binary: binary)
        }
        drawLegend(into: &canvas, rect: rect, items: model.scenario.classNames.enumerated().map {
            (theme.classPaint($0.offset, binary: binary), $0.element)
        } + (input.ignoreIndex == nil ? [] : [(theme.ignored, "void")]))
    }

    /// A prediction given as `probabilities` (`σ(z)` or `softmax(z)`, `C×H×W`): the mean probability (binary) or
    /// the class of the largest mean probability. `cached` takes the model's own prediction from the dot cache.
    func drawPrediction(into canvas: inout Canvas, rect: Rect, title: String, probabilities: [Double], cached: Bool) {
        let input = model.input
        let binary = input.mode == .binary
        let width = input.width
        let plane = input.pixelCount, classes = input.logits.classes
        var sums = [Double](repeating: 0, count: classes)
        drawPanel(into: &canvas, rect: rect, title: title, cachedAs: cached ? 1 : nil) { rows, columns in
            for c in sums.indices { sums[c] = 0 }
            for row in rows {
                for column in columns {
                    for c in 0..<classes { sums[c] += probabilities[c * plane + row * width + column] }
                }
            }
            if binary { return theme.probabilityPaint(sums[0] / Double(rows.count * columns.count)) }
            return theme.classPaint(sums.indices.max(by: { sums[$0] < sums[$1] })!, binary: false)
        }
        if binary {
            drawRamp(into: &canvas, rect: rect, low: "p 0", high: "1") { theme.probabilityPaint($0) }
        } else {
            drawLegend(into: &canvas, rect: rect, items: [(theme.classPaint(0, binary: false), "class of largest p")])
        }
    }

    private func drawHeatmap(into canvas: inout Canvas, rect: Rect) {
        let input = model.input, result = model.selectedResult
        let mode = model.heatmapMode
        let title = "\(mode.rawValue) · \(result.loss.name)"
        let width = input.width, labels = input.truth.labels, ignore = input.ignoredLabel

        if mode == .errors {
            let binary = input.mode == .binary
            drawPanel(into: &canvas, rect: rect, title: title) { rows, columns in
                var worst = ErrorKind.ignored
                for row in rows {
                    for column in columns where labels[row * width + column] != ignore {
                        let pixel = row * width + column
                        let truth = Int(labels[pixel]), predicted = input.predictedClass(at: pixel)
                        let kind: ErrorKind = binary
                            ? (truth == 1 ? (predicted == 1 ? .truePositive : .falseNegative)
                                          : (predicted == 1 ? .falsePositive : .trueNegative))
                            : (truth == predicted ? .truePositive : .falsePositive)
                        worst = max(worst, kind)
                    }
                }
                return theme.errorPaint(worst)
            }
            let items: [(ErrorKind, String)] = input.mode == .binary
                ? [(.truePositive, "TP"), (.falsePositive, "FP"), (.falseNegative, "FN"), (.trueNegative, "TN")]
                : [(.truePositive, "right"), (.falsePositive, "wrong")]
            drawLegend(into: &canvas, rect: rect, items: items.map { (theme.errorPaint($0.0), $0.1) })
            return
        }

        let values: [Double]
        switch mode {
        case .gradient: values = result.gradientMagnitude
        case .weight: values = result.weight
        case .loss, .errors:
            guard let pixelLoss = result.pixelLoss else {
                canvas.drawBox(rect, title: title, glyphs: theme.glyphs, titlePen: theme.title)
                let message = ["\(result.loss.name) is a region loss:", "it has no per-pixel loss.", "Press m for the next view."]
                for (offset, line) in message.enumerated() {
                    canvas.put(line, row: rect.row + 2 + offset, column: rect.column + 2, maxWidth: rect.width - 4,
                               ellipsis: theme.glyphs.ellipsis, pen: theme.dim)
                }
                return
            }
            values = pixelLoss
        }
        var low = 0.0, high = 0.0
        for pixel in input.keptPixels {
            low = min(low, values[pixel])
            high = max(high, values[pixel])
        }
        let span = high - low
        drawPanel(into: &canvas, rect: rect, title: title) { rows, columns in
            var largest = -Double.infinity
            for row in rows {
                for column in columns where labels[row * width + column] != ignore {
                    largest = max(largest, values[row * width + column])
                }
            }
            guard largest > -Double.infinity else { return theme.ignored }
            return theme.heatPaint(span > 0 ? (largest - low) / span : 0)
        }
        drawRamp(into: &canvas, rect: rect, low: Self.scaleText(low), high: Self.scaleText(high)) { theme.heatPaint($0) }
    }

    /// A number for a legend: at most four significant digits.
    static func scaleText(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.4g", value)
    }

    // MARK: Drawing

    /// Draws the box and its pixels: half blocks (two pixel rows per cell) with colour and Unicode, otherwise one
    /// glyph per pixel, two cells wide when the image is narrow enough, so that pixels look square. A panel
    /// `cachedAs` a number takes its dots from the model's ``DotCache``.
    private func drawPanel(
        into canvas: inout Canvas, rect: Rect, title: String, cachedAs panel: Int? = nil,
        paint: (Range<Int>, Range<Int>) -> Paint
    ) {
        canvas.drawBox(rect, title: title, glyphs: theme.glyphs, titlePen: theme.title)
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty else { return }
        let image = model.input.truth
        let halfBlocks = theme.usesHalfBlocks
        let visibleWidth = (image.width + (1 << model.zoom) - 1) >> model.zoom
        let cellsPerDot = !halfBlocks && visibleWidth * 2 <= inner.width ? 2 : 1
        let viewport = PixelViewport(
            imageHeight: image.height, imageWidth: image.width, dotRows: inner.height * (halfBlocks ? 2 : 1),
            dotColumns: inner.width / cellsPerDot, zoom: model.zoom, center: model.center)
        if viewport.isDownsampled, let block = viewport.rows.first?.count {
            // Say how many pixels a dot stands for, in the top edge: "1:14" is one dot for a 14×14 block.
            let scale = " 1:\(block) "
            canvas.put(scale, row: rect.row, column: rect.endColumn - 2 - scale.count, pen: theme.dim)
        }
        func compute() -> [[Paint]] { viewport.rows.map { rows in viewport.columns.map { columns in paint(rows, columns) } } }
        let dots = panel.map { panel in
            model.dotCache.dots(
                for: DotCache.Key(
                    panel: panel, prediction: model.predictionIndex, revision: panel == 1 ? model.predictionRevision : 0,
                    rows: viewport.rows, columns: viewport.columns,
                    capabilities: theme.capabilities),
                compute: compute)
        } ?? compute()
        let cellRows = halfBlocks ? (dots.count + 1) / 2 : dots.count
        let top = inner.row + (inner.height - cellRows) / 2
        let left = inner.column + (inner.width - viewport.columns.count * cellsPerDot) / 2
        for cellRow in 0..<cellRows {
            for (index, _) in viewport.columns.enumerated() {
                let cell: Cell
                if halfBlocks {
                    let upper = dots[2 * cellRow][index]
                    let lower = 2 * cellRow + 1 < dots.count ? dots[2 * cellRow + 1][index].color : .default
                    cell = Cell(theme.glyphs.upperHalfBlock, foreground: upper.color, background: lower)
                } else {
                    let dot = dots[cellRow][index]
                    cell = Cell(dot.glyph, foreground: theme.usesColor ? dot.color : .default)
                }
                for repeatIndex in 0..<cellsPerDot {
                    canvas[top + cellRow, left + index * cellsPerDot + repeatIndex] = cell
                }
            }
        }
    }

    /// Legend items in the bottom edge of `rect`: a swatch and a name each.
    private func drawLegend(into canvas: inout Canvas, rect: Rect, items: [(Paint, String)]) {
        let row = rect.endRow - 1, end = rect.endColumn - 2
        var column = rect.column + 2
        for (paint, name) in items {
            guard column + 3 + name.count <= end else { break }
            canvas[row, column] = theme.swatch(paint)
            column = canvas.put(" \(name) ", row: row, column: column + 1, pen: theme.dim)
        }
    }

    /// A scale in the bottom edge of `rect`: `low ▁▂▃ high`.
    private func drawRamp(
        into canvas: inout Canvas, rect: Rect, low: String, high: String, paint: (Double) -> Paint
    ) {
        let row = rect.endRow - 1
        let steps = 8
        guard low.count + high.count + steps + 4 <= rect.width - 4 else { return }
        var column = canvas.put(" \(low) ", row: row, column: rect.column + 2, pen: theme.dim)
        for step in 0..<steps {
            canvas[row, column] = theme.swatch(paint(Double(step) / Double(steps - 1)))
            column += 1
        }
        canvas.put(" \(high) ", row: row, column: column, pen: theme.dim)
    }
}
