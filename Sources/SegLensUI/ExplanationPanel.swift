import SegLensCore

/// The `w` panel over the pixel panels: the selected loss's formula with its current parameter values, what each
/// parameter means, and what the current heatmap shows — all text from ``LossExplanations``, wrapped to the panel
/// (ASCII-spelled when the terminal has no Unicode). The loss table and the parameters stay visible below it.
enum ExplanationPanel {
    /// The panel's lines for `model` at a text width of `width` columns.
    static func lines(_ model: ExplorerModel, width: Int, unicode: Bool) -> [String] {
        let loss = model.selectedLoss, parameters = model.parameters[loss] ?? loss.defaultParameters
        func spell(_ text: String) -> String { unicode ? text : LossExplanations.ascii(text) }
        func wrapped(_ text: String, indent: String = "") -> [String] {
            let parts = ExplorerView.wrap(spell(text), width: width - indent.count, lines: 4, ellipsis: unicode ? "…" : ".")
            return parts.indices.map { index in index == 0 ? parts[index] : indent + parts[index] }
        }
        var lines = wrapped(LossExplanations.formula(loss, parameters), indent: "    ")
        if loss.parameters.isEmpty { lines += wrapped("no parameters") }
        for parameter in loss.parameters {
            lines += wrapped(LossExplanations.meaning(of: parameter, for: loss), indent: "   ")
        }
        lines += wrapped("heatmap · " + LossExplanations.heatmap(model.shownHeatmapMode, for: loss), indent: "   ")
        return lines
    }

    static func draw(_ model: ExplorerModel, into canvas: inout Canvas, theme: Theme) {
        let layout = ExplorerView.Layout(model: model, size: canvas.size)
        let inner = canvas.width - 4
        let lines = lines(model, width: inner, unicode: theme.glyphs.isUnicode)
        let top = 1, bottom = layout.tableRows.lowerBound
        let height = min(bottom - top, lines.count + 2)
        let rect = Rect(row: top, column: 0, width: canvas.width, height: height)
        canvas.fill(rect, with: .blank)
        canvas.drawBox(rect, title: "explain · \(model.selectedLoss.name) · w or Esc closes", glyphs: theme.glyphs,
                       titlePen: theme.title)
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            canvas.put(line, row: rect.row + 1 + offset, column: 2, maxWidth: inner, ellipsis: theme.glyphs.ellipsis,
                       pen: offset == 0 ? theme.title : .plain)
        }
    }
}
