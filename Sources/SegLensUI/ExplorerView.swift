import Foundation
import SegLensCore

/// The explorer's screen as a ``Canvas``: the same function feeds the live terminal and `seglens render`.
public enum ExplorerView {
    /// The smallest screen the explorer draws; below it a "terminal too small" screen says so.
    public static let minimumSize = TerminalSize(rows: 24, columns: 80)

    public static func render(_ model: ExplorerModel, size: TerminalSize, capabilities: Capabilities) -> Canvas {
        var canvas = Canvas(size: size)
        let theme = Theme(capabilities: capabilities)
        if size.columns < minimumSize.columns || size.rows < minimumSize.rows {
            drawTooSmall(into: &canvas, theme: theme)
        } else if let race = model.race {
            RaceView.draw(model, race: race, into: &canvas, theme: theme)
            drawStatus(model, into: &canvas, theme: theme)
            if model.showsHelp { HelpOverlay.draw(into: &canvas, theme: theme, page: model.helpPage, presets: model.scenario.presets) }
        } else if model.presenting {
            PresentView.draw(model, into: &canvas, theme: theme)
            drawStatus(model, into: &canvas, theme: theme)
            if model.showsHelp { HelpOverlay.draw(into: &canvas, theme: theme, page: model.helpPage, presets: model.scenario.presets) }
        } else {
            let layout = Layout(model: model, size: size)
            drawHeader(model, into: &canvas, theme: theme)
            PixelPanels(model: model, theme: theme, legendRows: layout.legendRows).draw(into: &canvas, rects: layout.panels)
            drawTable(model, into: &canvas, layout: layout, theme: theme)
            drawParameters(model, into: &canvas, row: layout.parameterRow, theme: theme)
            drawMetrics(model, into: &canvas, rows: layout.metricsRows, theme: theme)
            drawNote(model, into: &canvas, rows: layout.noteRows, theme: theme)
            drawStatus(model, into: &canvas, theme: theme)
            if model.showsRanking { RankingOverlay.draw(into: &canvas, model: model, theme: theme) }
            if model.showsConventions { ConventionPanel.draw(model, into: &canvas, theme: theme) }
            if model.showsExplanations { ExplanationPanel.draw(model, into: &canvas, theme: theme) }
            if model.showsHelp { HelpOverlay.draw(into: &canvas, theme: theme, page: model.helpPage, presets: model.scenario.presets) }
        }
        return canvas.adapted(to: capabilities)
    }

    /// A loss value as the table shows it: six decimals.
    public static func formatValue(_ value: Double) -> String {
        String(format: "%.6f", value)
    }

    // MARK: Layout

    /// Where everything goes: pixel panels take every row the text does not need.
    struct Layout {
        var panels: [Rect]
        var tableRows: Range<Int>
        var tableColumns: Int
        var parameterRow: Int
        /// One row, or two when the metrics need them (many classes at 80 columns, large counts).
        var metricsRows: Range<Int>
        var noteRows: Range<Int>
        /// Under the panels: the truth's legend when it does not fit the truth panel's bottom edge (else empty).
        var legendRows: Range<Int>

        init(model: ExplorerModel, size: TerminalSize) {
            tableColumns = 2
            let tableHeight = (model.losses.count + tableColumns - 1) / tableColumns
            let noteHeight = model.scenario.note == nil ? 0 : (size.rows >= 40 ? 3 : 2)
            let statusRow = size.rows - 1
            noteRows = (statusRow - noteHeight)..<statusRow
            let metricsHeight = ExplorerView.metricsLines(model.metrics, width: size.columns, unicode: false).count
            metricsRows = (noteRows.lowerBound - metricsHeight)..<noteRows.lowerBound
            parameterRow = metricsRows.lowerBound - 1
            tableRows = (parameterRow - tableHeight)..<parameterRow
            let third = size.columns / 3
            // Every class of the truth and void, in the truth panel's bottom edge or on lines of their own.
            let legendHeight = PixelPanels.legendLineCount(
                PixelPanels.truthLegendNames(model), panelWidth: third, columns: size.columns)
            legendRows = (tableRows.lowerBound - legendHeight)..<tableRows.lowerBound
            let panelHeight = legendRows.lowerBound - 1
            // Three panels of one width (the columns left over stay empty at the right).
            panels = (0..<3).map { index in
                Rect(row: 1, column: index * third, width: third, height: panelHeight)
            }
        }
    }

    // MARK: Sections

    private static func drawTooSmall(into canvas: inout Canvas, theme: Theme) {
        let lines = [
            "terminal too small: \(canvas.width)×\(canvas.height)",
            "seglens needs at least \(minimumSize.columns)×\(minimumSize.rows)",
            "enlarge the window, or press q to quit",
        ]
        let top = max(0, (canvas.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let column = max(0, (canvas.width - line.count) / 2)
            canvas.put(line, row: top + offset, column: column, maxWidth: canvas.width, ellipsis: theme.glyphs.ellipsis,
                       pen: offset == 0 ? theme.title : .plain)
        }
    }

    private static func drawHeader(_ model: ExplorerModel, into canvas: inout Canvas, theme: Theme) {
        let input = model.input
        let title = model.scenario.title, badge = " seglens "
        // The right side, longest first; the first that leaves room for the whole title is shown.
        let rights = ["prediction ", "pred ", ""].map { predictionWord in
            var right = "\(model.scenario.mode.rawValue) \(input.height)×\(input.width)"
            if input.ignoredCount > 0 { right += ", \(input.ignoredCount) ignored" }
            if model.scenario.predictions.count > 1 {
                right += " · \(predictionWord)\(model.predictionIndex + 1)/\(model.scenario.predictions.count)"
            }
            if model.pin != nil { right += " · A pinned, B live" }
            return right
        }
        let right = Canvas.firstFitting(rights, width: canvas.width - badge.count - title.count - 2) ?? rights[0]
        let rightColumn = max(0, canvas.width - right.count - 1)
        canvas.put(right, row: 0, column: rightColumn, pen: theme.dim)
        let column = canvas.put(badge, row: 0, column: 0, pen: theme.accent)
        canvas.put(title, row: 0, column: column, maxWidth: max(0, rightColumn - column - 1),
                   ellipsis: theme.glyphs.ellipsis, pen: theme.title)
    }

    private static func drawTable(_ model: ExplorerModel, into canvas: inout Canvas, layout: Layout, theme: Theme) {
        let columnWidth = canvas.width / layout.tableColumns
        let nameWidth = model.losses.map(\.name.count).max() ?? 0
        let rowsPerColumn = layout.tableRows.count
        for (index, result) in model.results.enumerated() {
            let row = layout.tableRows.lowerBound + index % rowsPerColumn
            let left = (index / rowsPerColumn) * columnWidth
            let isSelected = index == model.lossIndex
            let pointer = isSelected ? "\(theme.glyphs.pointer) " : "  "
            let name = result.loss.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let pen = isSelected ? theme.selected : model.staleLosses.contains(result.loss) ? theme.dim : Pen.plain
            if let pin = model.pin {
                drawComparison(
                    a: pin.results[index].value, b: result.value, prefixes: [" \(pointer)\(name)  ", " \(pointer)\(result.loss.name) "],
                    row: row, left: left, width: columnWidth - 1, into: &canvas, theme: theme, pen: pen)
                continue
            }
            // The first form that fits. The selected loss never drops its parameters (at worst its smoothing, which
            // the parameter line shows) and may give up the names' alignment; the others may drop their parameters.
            let width = columnWidth - 1
            let texts = rowTexts(result, pointer: pointer, nameWidth: nameWidth, aligned: !isSelected)
            let text = Canvas.firstFitting(isSelected ? texts.dropLast() : texts, width: width) ?? texts[texts.count - 2]
            canvas.put(text, row: row, column: left, maxWidth: width, ellipsis: theme.glyphs.ellipsis, pen: pen)
        }
    }

    /// A loss-table entry, longest form first: the name padded to `nameWidth`, the value and the parameters
    /// (`β=0.3 (FP×0.3, FN×0.7) s=1e-05`), then tighter (also with the name unpadded unless `aligned`), then
    /// Tversky's β without its weights, then without the smoothing s, then the name and value alone.
    static func rowTexts(_ result: LossValue, pointer: String, nameWidth: Int, aligned: Bool) -> [String] {
        let loss = result.loss, values = result.parameters
        let padded = loss.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
        let value = formatValue(result.value)
        let bare = " \(pointer)\(padded)  \(value)"
        let full = values.text(for: loss)
        guard !full.isEmpty else { return [bare, bare] }
        func short(smoothing: Bool) -> String {
            loss.parameters.filter { smoothing || $0 != .smooth || loss.parameters == [.smooth] }.map {
                "\($0.symbol)=\(values[$0].map(LossParameters.compact) ?? "none")"
            }.joined(separator: " ")
        }
        var texts = ["\(bare)  \(full)"]
        for parameters in [full, short(smoothing: true), short(smoothing: false)] {
            texts.append("\(bare) \(parameters)")
            if !aligned { texts.append(" \(pointer)\(loss.name) \(value) \(parameters)") }
        }
        return texts + [bare]
    }

    /// A loss-table entry while pinned: `A → B ▼Δ`, with as many decimals (6 down to 1) as fit — then with the
    /// shorter of `prefixes` (the name unpadded) —, the change in green when the loss went down and red when it went
    /// up. Every number stays whole.
    private static func drawComparison(
        a: Double, b: Double, prefixes: [String], row: Int, left: Int, width: Int, into canvas: inout Canvas,
        theme: Theme, pen: Pen
    ) {
        let glyphs = theme.glyphs
        let change = b - a
        let arrow = change > 0 ? glyphs.arrowUp : glyphs.arrowDown
        func texts(_ decimals: Int) -> (String, String) {
            let f = "%.\(decimals)f"
            let delta = String(format: f, abs(change))
            let shown = change == 0 ? " =" : " \(arrow)\(change < 0 ? "−" : "+")\(delta)"
            return ("\(String(format: f, a)) \(glyphs.arrowRight) \(String(format: f, b))", shown)
        }
        var choice = (prefix: prefixes[prefixes.count - 1], texts: texts(1))
        search: for prefix in prefixes {
            for decimals in stride(from: 6, through: 1, by: -1) {
                let (values, delta) = texts(decimals)
                if prefix.count + values.count + delta.count <= width {
                    choice = (prefix, (values, delta))
                    break search
                }
            }
        }
        let (values, delta) = choice.texts
        let column = canvas.put(choice.prefix + values, row: row, column: left, maxWidth: width, ellipsis: glyphs.ellipsis, pen: pen)
        let changePen = change < 0 ? theme.better : change > 0 ? theme.worse : theme.dim
        canvas.put(delta, row: row, column: column, maxWidth: max(0, left + width - column), ellipsis: glyphs.ellipsis,
                   pen: changePen)
    }

    /// The parameters line: ` focal: ` then one segment per parameter, three columns apart.
    struct ParameterSegments {
        var label: String
        var segments: [(parameter: LossParameter, text: String, columns: Range<Int>)]
        /// Where the text after the segments (the formula) starts.
        var end: Int

        init(_ model: ExplorerModel) {
            let loss = model.selectedLoss, values = model.parameters[loss] ?? loss.defaultParameters
            label = " \(loss.name): "
            var column = label.count
            segments = loss.parameters.map { parameter in
                let value = values[parameter].map(LossParameters.compact) ?? "none"
                var text = "\(parameter.symbol) = \(value)"
                if parameter == .beta, loss.weighsFalsePositivesWithBeta {
                    text += " (FP×\(LossParameters.compact(values.beta)), FN×\(LossParameters.compact(values.falseNegativeWeight)))"
                }
                defer { column += text.count + 3 }
                return (parameter, text, column..<(column + text.count))
            }
            end = column
        }
    }

    private static func drawParameters(_ model: ExplorerModel, into canvas: inout Canvas, row: Int, theme: Theme) {
        let line = ParameterSegments(model)
        canvas.put(line.label, row: row, column: 0, pen: theme.title)
        // The formula is shown whole or not at all (docs/losses.md and the help have it).
        let formula = model.selectedLoss.formula
        if line.segments.isEmpty {
            let text = Canvas.firstFitting(["no parameters   \(formula)", "no parameters"], width: canvas.width - line.end)
            canvas.put(text ?? "", row: row, column: line.end, pen: theme.dim)
            return
        }
        for segment in line.segments {
            let pen = segment.parameter == model.selectedParameter ? theme.selected : .plain
            canvas.put(segment.text, row: row, column: segment.columns.lowerBound, pen: pen)
        }
        if line.end + formula.count <= canvas.width {
            canvas.put(formula, row: row, column: line.end, pen: theme.dim)
        }
    }

    /// What is drawn at a screen position, for the mouse.
    public enum Target: Equatable, Sendable {
        case parameter(LossParameter)
        /// An index into ``ExplorerModel/losses``.
        case loss(Int)
    }

    /// The parameter or loss-table entry at `(row, column)` of the screen `view` draws for `model` at `size`.
    public static func target(at row: Int, column: Int, model: ExplorerModel, size: TerminalSize) -> Target? {
        guard size.columns >= minimumSize.columns, size.rows >= minimumSize.rows, !model.showsHelp else { return nil }
        let layout = Layout(model: model, size: size)
        if row == layout.parameterRow {
            return ParameterSegments(model).segments.first { $0.columns.contains(column) }.map { .parameter($0.parameter) }
        }
        guard layout.tableRows.contains(row) else { return nil }
        let index = (column / (size.columns / layout.tableColumns)) * layout.tableRows.count + row - layout.tableRows.lowerBound
        return model.losses.indices.contains(index) ? .loss(index) : nil
    }

    /// The metrics at `width`: the first one-line form that fits, else the shortest form wrapped at its entries
    /// into as many lines as it takes — never a number left out.
    static func metricsLines(_ metrics: SegmentationMetrics, width: Int, unicode: Bool) -> [String] {
        func f(_ value: Double) -> String { String(format: "%.3f", value) }
        let forms: [String]
        let entries: [String]
        if metrics.mode == .binary {
            let c = metrics.foreground
            let atHalf = "p \(unicode ? "≥" : ">=") 0.5:"
            let counts = "TP \(c.truePositive) FP \(c.falsePositive) FN \(c.falseNegative) TN \(c.trueNegative)"
            forms = [
                " metrics at \(atHalf) IoU \(f(c.iou))  Dice \(f(c.dice))  prec \(f(c.precision))  rec \(f(c.recall))  \(counts)",
                " at \(atHalf) IoU \(f(c.iou)) Dice \(f(c.dice)) prec \(f(c.precision)) rec \(f(c.recall)) \(counts)",
            ]
            entries = [" at \(atHalf)", "IoU \(f(c.iou))", "Dice \(f(c.dice))", "prec \(f(c.precision))", "rec \(f(c.recall))",
                       "TP \(c.truePositive)", "FP \(c.falsePositive)", "FN \(c.falseNegative)", "TN \(c.trueNegative)"]
        } else {
            let perClass = metrics.perClass.enumerated().map { "\($0.offset):\(f($0.element.iou))" }
            let summary = "mIoU \(f(metrics.meanIoU))  pixel accuracy \(f(metrics.pixelAccuracy))"
            forms = [
                " metrics at argmax: \(summary)  IoU per class \(perClass.joined(separator: " "))",
                " argmax: mIoU \(f(metrics.meanIoU)) acc \(f(metrics.pixelAccuracy)) IoU \(perClass.joined(separator: " "))",
            ]
            entries = [" argmax:", "mIoU \(f(metrics.meanIoU))", "acc \(f(metrics.pixelAccuracy))", "IoU"] + perClass
        }
        if let line = Canvas.firstFitting(forms, width: width) { return [line] }
        var lines: [String] = []
        var current = ""
        for entry in entries {
            if current.isEmpty {
                current = entry
            } else if current.count + 1 + entry.count <= width {
                current += " " + entry
            } else {
                lines.append(current)
                current = "  " + entry
            }
        }
        return lines + [current]
    }

    private static func drawMetrics(_ model: ExplorerModel, into canvas: inout Canvas, rows: Range<Int>, theme: Theme) {
        let lines = metricsLines(model.metrics, width: canvas.width, unicode: theme.glyphs.isUnicode)
        for (offset, line) in lines.prefix(rows.count).enumerated() {
            canvas.put(line, row: rows.lowerBound + offset, column: 0, maxWidth: canvas.width, ellipsis: theme.glyphs.ellipsis)
        }
    }

    private static func drawNote(_ model: ExplorerModel, into canvas: inout Canvas, rows: Range<Int>, theme: Theme) {
        guard let note = model.scenario.note, !rows.isEmpty else { return }
        let lines = wrap(note, width: canvas.width - 2, lines: rows.count, ellipsis: theme.glyphs.ellipsis)
        for (offset, line) in lines.enumerated() {
            canvas.put(" " + line, row: rows.lowerBound + offset, column: 0, pen: theme.dim)
        }
    }

    private static func drawStatus(_ model: ExplorerModel, into canvas: inout Canvas, theme: Theme) {
        let row = canvas.height - 1
        canvas.fill(Rect(row: row, column: 0, width: canvas.width, height: 1), with: Cell(" ", pen: theme.statusBar))
        var column = 0
        // The messages whole: without the edit selector's key reminder, then without the one-off message, when the
        // line is too short for them.
        let levels = (0...2).map { statusParts(model, shortening: $0) }
        let parts = levels.first { $0.map { $0.count + 3 }.reduce(0, +) <= canvas.width } ?? levels[2]
        for part in parts {
            column = canvas.put(" \(part) ", row: row, column: column, maxWidth: max(0, canvas.width - column),
                                ellipsis: theme.glyphs.ellipsis, pen: theme.statusAccent)
            column += 1
        }
        let hints = KeyTable.bindings.compactMap { binding -> String? in
            guard let hint = binding.hint else { return nil }
            if binding.action == .nextPrediction && model.scenario.predictions.count < 2 { return nil }
            return hint
        }
        let training = model.training
        if training.isRunning || training.step > 0 || model.race != nil {
            column = canvas.put(" \(training.statusText(step: model.race?.step, unicode: theme.glyphs.isUnicode)) \(theme.glyphs.vertical)",
                                row: row, column: column, maxWidth: max(0, canvas.width - column),
                                ellipsis: theme.glyphs.ellipsis, pen: theme.statusBar)
        }
        // Whole hints only: two spaces apart, else one, else without the hints before "? help" from the last on.
        var shown = hints
        var hintText = ""
        while !shown.isEmpty {
            let room = canvas.width - column - 1
            if let fitting = Canvas.firstFitting([shown.joined(separator: "  "), shown.joined(separator: " ")], width: room) {
                hintText = fitting
                break
            }
            shown.remove(at: max(0, shown.count - 3))
        }
        canvas.put(" " + hintText, row: row, column: column, maxWidth: max(0, canvas.width - column),
                   ellipsis: theme.glyphs.ellipsis, pen: theme.statusBar)
    }

    /// What the status line says before the key hints: a one-off message, the preset shown, the active edits, the
    /// edit selector. `shortening` 1 leaves out the selector's key reminder, 2 also the one-off message.
    public static func statusParts(_ model: ExplorerModel, shortening: Int = 0) -> [String] {
        var parts: [String] = []
        if let message = model.message, shortening < 2 { parts.append(message) }
        if let preset = model.activePreset { parts.append("preset \(preset.number): \(preset.name)") }
        if !model.edits.isIdentity || model.showsEditSelector {
            var text = "edits: " + (model.edits.isIdentity ? "none" : model.edits.summary.joined(separator: " · "))
            if model.showsEditSelector {
                let control = model.selectedEditControl
                text += " | e: \(control.label) \(control.valueText(model.edits))" + (shortening > 0 ? "" : " (, . change, u undo)")
            }
            parts.append(text)
        }
        return parts
    }

    /// Word-wraps `text` into at most `lines` lines of `width`, ending with an ellipsis when it is cut.
    static func wrap(_ text: String, width: Int, lines: Int, ellipsis: String) -> [String] {
        guard width > 0, lines > 0 else { return [] }
        var result: [String] = [], current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                result.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { result.append(current) }
        if result.count > lines {
            let rest = result[(lines - 1)...].joined(separator: " ")
            return Array(result.prefix(lines - 1)) + [Canvas.truncate(rest, to: width, ellipsis: ellipsis)]
        }
        return result.map { Canvas.truncate($0, to: width, ellipsis: ellipsis) }
    }
}
