/// The presentation view (`f`, `--present`): the truth, prediction and heatmap panels over the whole screen in
/// large cells, the selected loss with its value and parameters under them, and the status line. Nothing else, so
/// a projector at the back of a room still shows it.
enum PresentView {
    /// The three panels side by side, equally wide, over every row but the last two (three when the truth's
    /// legend takes a line of its own under them).
    static func panels(_ size: TerminalSize, legendRows: Int = 0) -> [Rect] {
        let third = size.columns / 3
        return (0..<3).map { index in
            Rect(row: 0, column: index * third, width: third, height: size.rows - 2 - legendRows)
        }
    }

    static func draw(_ model: ExplorerModel, into canvas: inout Canvas, theme: Theme) {
        let lossRow = canvas.height - 2
        let size = TerminalSize(rows: canvas.height, columns: canvas.width)
        let legendLines = PixelPanels.legendLineCount(
            PixelPanels.truthLegendNames(model), panelWidth: size.columns / 3, columns: size.columns)
        PixelPanels(model: model, theme: theme, legendRows: (lossRow - legendLines)..<lossRow)
            .draw(into: &canvas, rects: panels(size, legendRows: legendLines))
        let result = model.selectedResult
        let parameters = result.parameters.text(for: result.loss)
        var column = canvas.put(" \(result.loss.name)  \(ExplorerView.formatValue(result.value)) ", row: lossRow, column: 0,
                                pen: theme.selected)
        if !parameters.isEmpty {
            column = canvas.put("  \(parameters)", row: lossRow, column: column, maxWidth: canvas.width - column,
                                ellipsis: theme.glyphs.ellipsis, pen: theme.title)
        }
        // The formula whole or not at all (the explanations panel, w, writes it out).
        let formula = "   \(result.loss.formula)"
        if column + formula.count <= canvas.width { canvas.put(formula, row: lossRow, column: column, pen: theme.dim) }
    }
}
