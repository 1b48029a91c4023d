import SegLensCore

/// The `o` overlay: for each loss, the file's predictions from best (lowest loss) to worst with their values,
/// `≠` marking the losses whose order differs from the most common one, and how many losses give each order.
enum RankingOverlay {
    static func draw(into canvas: inout Canvas, model: ExplorerModel, theme: Theme) {
        guard let ranking = model.ranking else { return }
        let names = model.scenario.predictions.map(\.name)
        let nameWidth = ranking.verdicts.map(\.loss.name.count).max() ?? 0
        let different = theme.glyphs.isUnicode ? "≠" : "!"
        // Predictions by name; by number (with a key under the rows) when a row would not fit the screen.
        func rows(_ label: (Int) -> String) -> [(String, Pen)] {
            ranking.verdicts.map { verdict in
                let mark = ranking.lossesDisagree && !verdict.agreesWithMajority ? different : " "
                let order = verdict.order.map { "\(label($0)) \(ExplorerView.formatValue(verdict.values[$0]))" }
                let text = verdict.loss.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + " \(mark) "
                    + order.joined(separator: " < ")
                return (text, verdict.loss == model.selectedLoss ? theme.selected : .plain)
            }
        }
        var lines = rows { names[$0] }
        if lines.contains(where: { $0.0.count > canvas.width - 6 }) {
            lines = rows { "#\($0 + 1)" }
            let key = names.enumerated().map { "#\($0.offset + 1) \($0.element)" }.joined(separator: " · ")
            lines += ExplorerView.wrap(key, width: canvas.width - 6, lines: names.count, ellipsis: theme.glyphs.ellipsis)
                .map { ($0, theme.dim) }
        }
        lines.append(("", .plain))
        if ranking.lossesDisagree {
            lines.append(("the losses disagree (\(different): not the most common order):", theme.accent))
            for (order, count) in ranking.orders {
                lines.append(("  \(count) of \(ranking.verdicts.count): " + order.map { names[$0] }.joined(separator: " < "), theme.dim))
            }
        } else {
            lines.append(("every loss agrees: " + ranking.orders[0].order.map { names[$0] }.joined(separator: " < "), theme.dim))
        }
        if !model.edits.isIdentity {
            lines.append(("with the edits " + model.edits.summary.joined(separator: " · "), theme.dim))
        }
        let title = "ranking, best first · Esc or O closes"
        let width = min(canvas.width - 2, max(title.count + 6, (lines.map(\.0.count).max() ?? 0) + 4))
        let height = min(canvas.height - 2, lines.count + 2)
        let rect = Rect(row: (canvas.height - height) / 2, column: (canvas.width - width) / 2, width: width, height: height)
        canvas.fill(rect, with: .blank)
        canvas.drawBox(rect, title: title, glyphs: theme.glyphs, titlePen: theme.title)
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            canvas.put(line.0, row: rect.row + 1 + offset, column: rect.column + 2, maxWidth: width - 4,
                       ellipsis: theme.glyphs.ellipsis, pen: line.1)
        }
    }
}
