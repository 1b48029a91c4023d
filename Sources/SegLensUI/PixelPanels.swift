import Foundation
import SegLensCore

/// The three pixel panels — truth, prediction, heatmap — each a box with a legend in its bottom edge.
struct PixelPanels {
    let model: ExplorerModel
    let theme: Theme
    /// When set, every panel is computed at one dot per pixel of the visible region and recorded here (the PNG
    /// export), whatever the canvas.
    var capture: PanelCapture? = nil
    /// Where the truth's legend goes when it does not fit its panel's bottom edge (see ``ExplorerView/Layout``).
    var legendRows: Range<Int>? = nil

    /// The names of the truth's legend: every class, then `void` when the input has an ignore index.
    static func truthLegendNames(_ model: ExplorerModel) -> [String] {
        model.scenario.classNames + (model.input.ignoreIndex == nil ? [] : ["void"])
    }

    /// Columns that legend items take: a swatch, a space, the name and a space each.
    static func legendWidth(_ names: [String]) -> Int {
        names.map { $0.count + 3 }.reduce(0, +)
    }

    /// The lines the truth's legend takes under the panels at `columns`: 0 when it fits the bottom edge of a panel
    /// `panelWidth` wide, else as many as ``drawLegendLines(into:rows:items:)`` wraps it into.
    static func legendLineCount(_ names: [String], panelWidth: Int, columns: Int) -> Int {
        guard legendWidth(names) > panelWidth - 4 else { return 0 }
        return legendLayout(names, columns: columns).last.map { $0.row + 1 } ?? 1
    }

    /// Where each legend item goes on the lines under the panels: after ` truth:`, wrapped at whole items.
    private static func legendLayout(_ names: [String], columns: Int) -> [(row: Int, column: Int)] {
        var row = 0, column = 8
        return names.map { name in
            if column + 3 + name.count > columns, column > 2 {
                row += 1
                column = 2
            }
            defer { column += 3 + name.count }
            return (row, column)
        }
    }

    func draw(into canvas: inout Canvas, rects: [Rect]) {
        drawTruth(into: &canvas, rect: rects[0])
        let result = model.selectedResult
        let edited = model.edits.isIdentity ? "" : " (edited)"
        let predictionTitles = model.scenario.predictions.count > 1
            ? ["prediction: \(model.prediction.name)", model.prediction.name, "prediction"].map { $0 + edited }
            : ["prediction" + edited]
        if model.showsSweep {
            let wide = Rect(
                row: rects[1].row, column: rects[1].column, width: rects[2].endColumn - rects[1].column,
                height: rects[1].height)
            SweepPlot(model: model, theme: theme).draw(into: &canvas, rect: wide)
        } else if let pin = model.pin {
            let pinned = pin.results[model.lossIndex]
            if model.showsDifference {
                drawPrediction(into: &canvas, rect: rects[1], titles: predictionTitles, probabilities: nil, cached: true)
                drawDifference(
                    into: &canvas, rect: rects[2], a: pin.maps, pinnedInput: pin.input, b: model.selectedMaps, loss: result.loss)
            } else {
                let scale = Self.scale(of: [pin.maps, model.selectedMaps], mode: model.shownHeatmapMode)
                drawHeatmap(into: &canvas, rect: rects[1], result: pinned, maps: pin.maps, input: pin.input, label: "A", scale: scale)
                drawHeatmap(
                    into: &canvas, rect: rects[2], result: result, maps: model.selectedMaps, input: model.input, label: "B",
                    scale: scale)
            }
        } else {
            drawPrediction(into: &canvas, rect: rects[1], titles: predictionTitles, probabilities: nil, cached: true)
            let scale = Self.scale(of: [model.selectedMaps], mode: model.shownHeatmapMode)
            drawHeatmap(
                into: &canvas, rect: rects[2], result: result, maps: model.selectedMaps, input: model.input, label: nil,
                scale: scale)
        }
        if model.isComputing { drawComputing(into: &canvas, rect: rects[2]) }
    }

    /// Over the stale heatmap while the live loop computes the new one: "computing…" in its second row.
    func drawComputing(into canvas: inout Canvas, rect: Rect) {
        let text = " computing\(theme.glyphs.ellipsis) "
        canvas.put(text, row: rect.row + 1, column: rect.column + 2, maxWidth: max(0, rect.width - 4),
                   ellipsis: theme.glyphs.ellipsis, pen: theme.accent)
    }

    /// The truth: the majority label of a block.
    func drawTruth(into canvas: inout Canvas, rect: Rect) {
        let input = model.input
        let binary = input.mode == .binary
        let labels = input.truth.labels
        let ignore = input.ignoredLabel
        let width = input.width
        var counts = [Int](repeating: 0, count: input.classes)
        drawPanel(into: &canvas, rect: rect, titles: ["truth"], cachedAs: 0) { rows, columns in
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
        let items = classItems + (input.ignoreIndex == nil ? [] : [(theme.ignored, "void")])
        drawLegend(into: &canvas, rect: rect, items: items)
        if let legendRows, !legendRows.isEmpty, Self.legendWidth(items.map(\.1)) > rect.width - 4 {
            canvas.put(" key below ", row: rect.endRow - 1, column: rect.column + 2, pen: theme.dim)
            drawLegendLines(into: &canvas, rows: legendRows, items: items)
        }
    }

    /// One swatch and name per class.
    private var classItems: [(Paint, String)] {
        model.scenario.classNames.enumerated().map { (theme.classPaint($0.offset, binary: model.input.mode == .binary), $0.element) }
    }

    /// The legend on lines of its own, wrapped at its items: ` truth: ■ 0 sky ■ 1 building … ■ ? void`.
    private func drawLegendLines(into canvas: inout Canvas, rows: Range<Int>, items: [(Paint, String)]) {
        canvas.put(" truth:", row: rows.lowerBound, column: 0, pen: theme.dim)
        for ((paint, name), place) in zip(items, Self.legendLayout(items.map(\.1), columns: canvas.width)) {
            let row = rows.lowerBound + place.row
            canvas[row, place.column] = theme.swatch(paint)
            canvas.put(" \(name) ", row: row, column: place.column + 1, pen: theme.dim)
        }
    }

    /// A prediction given as `probabilities` (`σ(z)` or `softmax(z)`, `C×H×W`), or `nil` for the model's own,
    /// computed here from its logits: the mean probability (binary) or the class of the largest mean probability.
    /// `cached` takes the model's own prediction from the dot cache.
    func drawPrediction(into canvas: inout Canvas, rect: Rect, titles: [String], probabilities: [Double]?, cached: Bool) {
        let input = model.input
        let binary = input.mode == .binary
        let width = input.width
        let plane = input.pixelCount, classes = input.logits.classes
        let logits = input.logits.values
        var sums = [Double](repeating: 0, count: classes)
        var exponentials = [Double](repeating: 0, count: classes)
        /// Adds pixel `pixel`'s probabilities to `sums`: stored ones, or `σ(z)` / `softmax(z)` of the logits.
        func add(_ pixel: Int) {
            if let probabilities {
                for c in 0..<classes { sums[c] += probabilities[c * plane + pixel] }
            } else if classes == 1 {
                sums[0] += 1 / (1 + exp(-logits[pixel]))
            } else {
                var maximum = -Double.infinity
                for c in 0..<classes { maximum = max(maximum, logits[c * plane + pixel]) }
                var total = 0.0
                for c in 0..<classes {
                    exponentials[c] = exp(logits[c * plane + pixel] - maximum)
                    total += exponentials[c]
                }
                for c in 0..<classes { sums[c] += exponentials[c] / total }
            }
        }
        drawPanel(into: &canvas, rect: rect, titles: titles, cachedAs: cached ? 1 : nil, showsVoid: false) { rows, columns in
            for c in sums.indices { sums[c] = 0 }
            for row in rows {
                for column in columns { add(row * width + column) }
            }
            if binary { return theme.probabilityPaint(sums[0] / Double(rows.count * columns.count)) }
            return theme.classPaint(sums.indices.max(by: { sums[$0] < sums[$1] })!, binary: false)
        }
        if binary {
            drawRamp(into: &canvas, rect: rect, low: "p 0", high: "1") { theme.probabilityPaint($0) }
        } else {
            // The colour of the class of largest p: the classes' swatches when they fit, else where they are.
            if Self.legendWidth(model.scenario.classNames) + 7 <= rect.width - 4 {
                canvas.put(" argmax", row: rect.endRow - 1, column: rect.column + 1, pen: theme.dim)
                drawLegend(into: &canvas, rect: Rect(row: rect.row, column: rect.column + 7, width: rect.width - 7, height: rect.height),
                           items: classItems)
            } else {
                let text = Canvas.firstFitting(
                    [" class of largest p, colours as truth ", " largest p: truth's colours ", " argmax, as truth ", " argmax "], width: rect.width - 4)
                canvas.put(text ?? "", row: rect.endRow - 1, column: rect.column + 2, pen: theme.dim)
                capture?.setLegend(.items(classItems.map { PanelCapture.Item(paint: $0.0, name: $0.1) }))
            }
        }
    }

    /// The per-pixel values a heatmap mode shows of a loss's maps; `nil` for the errors mode, for the loss mode of
    /// a region loss, and for a map not drawn yet.
    static func heatValues(_ maps: DrawnMaps, mode: HeatmapMode) -> [Float]? {
        mode.drawnMap.flatMap { maps[$0] }
    }

    /// The legend's range over the kept pixels of every map (0 is always inside it; ignored pixels hold 0).
    static func scale(of maps: [DrawnMaps], mode: HeatmapMode) -> (low: Double, high: Double) {
        var low: Float = 0, high: Float = 0
        for map in maps {
            guard let span = mode.drawnMap.flatMap({ map.span(of: $0) }) else { continue }
            low = min(low, span.low)
            high = max(high, span.high)
        }
        return (Double(low), Double(high))
    }

    /// The titles of a heatmap panel, longest first: `weight · focal` then `weight`, or `A · weight α=0.25 γ=2`,
    /// `A · α=0.25 γ=2`, `A · weight` when comparing (the loss is the table's selection; the parameters are what may differ
    /// between A and B).
    private func heatTitles(_ result: LossValue, label: String?) -> [String] {
        let mode = model.shownHeatmapMode.rawValue
        guard let label else { return ["\(mode) · \(result.loss.name)", mode] }
        let parameters = result.parameters.text(for: result.loss)
        return parameters.isEmpty
            ? ["\(label) · \(mode)"]
            : ["\(label) · \(mode) \(parameters)", "\(label) · \(parameters)", "\(label) · \(mode)"]
    }

    private func drawHeatmap(
        into canvas: inout Canvas, rect: Rect, result: LossValue, maps: DrawnMaps, input: LossInput, label: String?,
        scale: (low: Double, high: Double)
    ) {
        let titles = heatTitles(result, label: label)
        let width = input.width, labels = input.truth.labels, ignore = input.ignoredLabel
        if model.shownHeatmapMode == .errors {
            drawErrors(into: &canvas, rect: rect, titles: titles, input: input, changedFrom: nil)
            return
        }
        guard let values = Self.heatValues(maps, mode: model.shownHeatmapMode) else {
            drawMissingMap(into: &canvas, rect: rect, titles: titles)
            return
        }
        let (low, high) = scale
        let span = high - low
        let keepsEveryPixel = input.ignoredCount == 0
        values.withUnsafeBufferPointer { values in
            labels.withUnsafeBufferPointer { labels in
                drawPanel(into: &canvas, rect: rect, titles: titles) { rows, columns in
                    let largest = DrawnMaps.largest(
                        in: values, width: width, rows: rows, columns: columns, labels: keepsEveryPixel ? nil : labels,
                        ignore: ignore)
                    guard largest > -Float.infinity else { return theme.ignored }
                    return theme.heatPaint(span > 0 ? (Double(largest) - low) / span : 0)
                }
            }
        }
        drawRamp(into: &canvas, rect: rect, low: Self.scaleText(low), high: Self.scaleText(high)) { theme.heatPaint($0) }
    }

    /// B − A of the selected loss's heatmap values on a diverging scale symmetric around 0 (errors mode: B's error
    /// class where it changed).
    private func drawDifference(
        into canvas: inout Canvas, rect: Rect, a: DrawnMaps, pinnedInput: LossInput, b: DrawnMaps, loss: Loss
    ) {
        let input = model.input
        let titles = ["B − A · \(model.shownHeatmapMode.rawValue) · \(loss.name)", "B − A · \(model.shownHeatmapMode.rawValue)"]
        if model.shownHeatmapMode == .errors {
            drawErrors(into: &canvas, rect: rect, titles: titles, input: input, changedFrom: pinnedInput)
            return
        }
        guard let before = Self.heatValues(a, mode: model.shownHeatmapMode), let after = Self.heatValues(b, mode: model.shownHeatmapMode)
        else {
            drawMissingMap(into: &canvas, rect: rect, titles: titles)
            return
        }
        let width = input.width, labels = input.truth.labels, ignore = input.ignoredLabel
        var extent: Float = 0
        for pixel in after.indices { extent = max(extent, abs(after[pixel] - before[pixel])) }
        let extentValue = Double(extent)
        drawPanel(into: &canvas, rect: rect, titles: titles) { rows, columns in
            // The change of largest magnitude in the block, with its sign.
            var strongest: Float = 0, any = false
            for row in rows {
                for column in columns where labels[row * width + column] != ignore {
                    let change = after[row * width + column] - before[row * width + column]
                    if !any || abs(change) > abs(strongest) { strongest = change }
                    any = true
                }
            }
            guard any else { return theme.ignored }
            return theme.differencePaint(extent > 0 ? Double(strongest / extent) : 0)
        }
        drawRamp(into: &canvas, rect: rect, low: "−" + Self.scaleText(extentValue), high: "+" + Self.scaleText(extentValue)) {
            theme.differencePaint(2 * $0 - 1)
        }
    }

    /// Errors of the thresholded prediction; with `changedFrom`, only where they differ from that input's.
    private func drawErrors(into canvas: inout Canvas, rect: Rect, titles: [String], input: LossInput, changedFrom pinned: LossInput?) {
        let binary = input.mode == .binary
        let width = input.width, labels = input.truth.labels, ignore = input.ignoredLabel
        func kind(_ input: LossInput, _ pixel: Int) -> ErrorKind {
            let truth = Int(labels[pixel]), predicted = input.predictedClass(at: pixel)
            return binary
                ? (truth == 1 ? (predicted == 1 ? .truePositive : .falseNegative)
                              : (predicted == 1 ? .falsePositive : .trueNegative))
                : (truth == predicted ? .truePositive : .falsePositive)
        }
        drawPanel(into: &canvas, rect: rect, titles: titles) { rows, columns in
            var worst = ErrorKind.ignored
            for row in rows {
                for column in columns where labels[row * width + column] != ignore {
                    let pixel = row * width + column
                    var now = kind(input, pixel)
                    if let pinned, kind(pinned, pixel) == now { now = .trueNegative }
                    worst = max(worst, now)
                }
            }
            return theme.errorPaint(worst)
        }
        var items: [(ErrorKind, String)] = binary
            ? [(.truePositive, "TP"), (.falsePositive, "FP"), (.falseNegative, "FN"), (.trueNegative, "TN")]
            : [(.truePositive, "right"), (.falsePositive, "wrong")]
        if pinned != nil { items = items.filter { $0.0 != .trueNegative } + [(.trueNegative, "same")] }
        drawLegend(into: &canvas, rect: rect, items: items.map { (theme.errorPaint($0.0), $0.1) })
    }

    /// A heatmap whose map is not drawn yet: the box alone ("computing…" goes over it). The shown mode is always
    /// one the selected loss has (``ExplorerModel/shownHeatmapMode``).
    private func drawMissingMap(into canvas: inout Canvas, rect: Rect, titles: [String]) {
        canvas.drawBox(rect, title: titles[0], shorterTitles: Array(titles.dropFirst()), glyphs: theme.glyphs, titlePen: theme.title)
    }

    /// A number for a legend: at most four significant digits.
    static func scaleText(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.4g", value)
    }

    // MARK: Drawing

    /// Draws the box and its pixels as a ``PanelGrid``: half blocks (two square dots per cell) with colour and
    /// Unicode, otherwise one dot per two cells side by side — in the presentation view full cells filled with the
    /// colour. `titles` go longest first: the box shows the first that fits. A panel `cachedAs` a number takes its
    /// dots from the model's ``DotCache``. A panel that `showsVoid` keeps a void frame visible when it downsamples
    /// (see ``voidEdges(_:viewport:)``).
    private func drawPanel(
        into canvas: inout Canvas, rect: Rect, titles: [String], cachedAs panel: Int? = nil, showsVoid: Bool = true,
        paint: (Range<Int>, Range<Int>) -> Paint
    ) {
        canvas.drawBox(rect, title: titles[0], shorterTitles: Array(titles.dropFirst()), glyphs: theme.glyphs, titlePen: theme.title)
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty else { return }
        let image = model.input.truth
        func panelGrid(halfBlocks: Bool) -> PanelGrid {
            PanelGrid(
                inner: inner, imageHeight: image.height, imageWidth: image.width, halfBlocks: halfBlocks,
                zoom: model.zoom, center: model.center)
        }
        // The presentation view draws full cells unless that would downsample where half blocks would not.
        var halfBlocks = theme.usesHalfBlocks
        var grid = panelGrid(halfBlocks: halfBlocks)
        if model.presenting && halfBlocks {
            let cells = panelGrid(halfBlocks: false)
            if !cells.viewport.isDownsampled || grid.viewport.isDownsampled { (halfBlocks, grid) = (false, cells) }
        }
        if capture != nil {
            // One dot per pixel: an inside exactly as large as the visible region.
            let visibleHeight = max(1, (image.height + (1 << model.zoom) - 1) >> model.zoom)
            let visibleWidth = max(1, (image.width + (1 << model.zoom) - 1) >> model.zoom)
            halfBlocks = false
            grid = PanelGrid(
                inner: Rect(row: 0, column: 0, width: 2 * visibleWidth, height: visibleHeight), imageHeight: image.height,
                imageWidth: image.width, halfBlocks: false, zoom: model.zoom, center: model.center)
        }
        let viewport = grid.viewport
        if viewport.isDownsampled, let block = viewport.rows.first?.count {
            // Say how many pixels a dot stands for, in the top edge: "1:14" is one dot for a 14×14 block.
            let scale = " 1:\(block) "
            canvas.put(scale, row: rect.row, column: rect.endColumn - 2 - scale.count, pen: theme.dim)
        }
        func compute() -> [[Paint]] {
            var dots = viewport.rows.map { rows in viewport.columns.map { columns in paint(rows, columns) } }
            if showsVoid { voidEdges(&dots, viewport: viewport) }
            return dots
        }
        let dots = panel.map { panel in
            model.dotCache.dots(
                for: DotCache.Key(
                    panel: panel, prediction: model.predictionIndex, edits: model.edits,
                    revision: panel == 1 ? model.predictionRevision : 0, rows: viewport.rows, columns: viewport.columns,
                    capabilities: theme.capabilities),
                compute: compute)
        } ?? compute()
        capture?.panels.append(PanelCapture.Panel(title: titles[0], dots: dots))
        for cellRow in 0..<grid.cellRows {
            for index in viewport.columns.indices {
                let cell: Cell
                if halfBlocks {
                    let upper = dots[2 * cellRow][index]
                    let lower = 2 * cellRow + 1 < dots.count ? dots[2 * cellRow + 1][index].color : .default
                    cell = Cell(theme.glyphs.upperHalfBlock, foreground: upper.color, background: lower)
                } else {
                    let dot = dots[cellRow][index]
                    if model.presenting && theme.usesColor {
                        cell = Cell(" ", background: dot.color)
                    } else {
                        cell = Cell(dot.glyph, foreground: theme.usesColor ? dot.color : .default)
                    }
                }
                for repeatIndex in 0..<grid.columnsPerDot {
                    canvas[grid.top + cellRow, grid.left + index * grid.columnsPerDot + repeatIndex] = cell
                }
            }
        }
    }

    /// When downsampled, a dot on the image's outer edge shows void where that edge of the image is void along
    /// the dot's whole block: otherwise the majority of a block that straddles a thin void frame hides it on the
    /// sides where the blocks happen to start (a 5-pixel frame of a 400-pixel mask at 1:12 showed only bottom and
    /// right).
    private func voidEdges(_ dots: inout [[Paint]], viewport: PixelViewport) {
        let input = model.input
        guard viewport.isDownsampled, input.ignoredCount > 0 else { return }
        let labels = input.truth.labels, width = input.width, height = input.height, ignore = input.ignoredLabel
        func void(rows: Range<Int>, columns: Range<Int>) -> Bool {
            rows.allSatisfy { row in columns.allSatisfy { labels[row * width + $0] == ignore } }
        }
        for (r, rows) in viewport.rows.enumerated() {
            for (c, columns) in viewport.columns.enumerated() {
                let edge = (rows.lowerBound == 0 && void(rows: 0..<1, columns: columns))
                    || (rows.upperBound == height && void(rows: height - 1..<height, columns: columns))
                    || (columns.lowerBound == 0 && void(rows: rows, columns: 0..<1))
                    || (columns.upperBound == width && void(rows: rows, columns: width - 1..<width))
                if edge { dots[r][c] = theme.ignored }
            }
        }
    }

    /// Legend items in the bottom edge of `rect`: a swatch and a name each, all of them or none.
    private func drawLegend(into canvas: inout Canvas, rect: Rect, items: [(Paint, String)]) {
        capture?.setLegend(.items(items.map { PanelCapture.Item(paint: $0.0, name: $0.1) }))
        let row = rect.endRow - 1
        var column = rect.column + 2
        // All of them or none: a legend that leaves out a class misleads (the truth's goes below then).
        guard Self.legendWidth(items.map(\.1)) <= rect.width - 4 else { return }
        for (paint, name) in items {
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
        capture?.setLegend(.ramp(low: low, high: high, paints: (0..<steps).map { paint(Double($0) / Double(steps - 1)) }))
        guard low.count + high.count + steps + 4 <= rect.width - 4 else { return }
        var column = canvas.put(" \(low) ", row: row, column: rect.column + 2, pen: theme.dim)
        for step in 0..<steps {
            canvas[row, column] = theme.swatch(paint(Double(step) / Double(steps - 1)))
            column += 1
        }
        canvas.put(" \(high) ", row: row, column: column, pen: theme.dim)
    }
}
