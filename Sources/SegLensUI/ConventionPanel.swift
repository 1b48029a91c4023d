import SegLensCore

/// The `c` panel: for the selected loss, what each library computes on this very input with the current
/// parameters, one row per library with its one-line reason, over the pixel panels (the loss table and the
/// parameters stay visible below, so a step of α, γ, β or s updates every row at once).
///
/// ```
/// ┌─ conventions · dice · c or Esc closes ─────────────────────────────┐
/// │ seglens              0.614241  1 − (2TP + s)/(Σy + Σp + s)          │
/// │ smp 0.6.0            0.614242  smooth on both sides of I/(I+½FP+…   │
/// │ MONAI 1.6.1        = 0.614241  a score per image and class, then…   │
/// ```
/// `=` marks a value equal to seglens's; `crashes` and `-` mark calls that raise or cannot take the input.
public enum ConventionPanel {
    /// Every library's result for the model's selected loss, current prediction and parameters.
    public static func results(for model: ExplorerModel) -> [ConventionResult] {
        let loss = model.selectedLoss
        return Conventions.evaluate(loss, parameters: model.parameters[loss], batch: ConventionBatch(prepared: [model.prepared]))
    }

    /// What the rows depend on: they are recomputed only when it changes (not on a pan or a zoom).
    struct Inputs: Equatable {
        var loss: Loss
        var parameters: LossParameters?
        var prediction: Int
        var edits: PredictionEdits

        init(_ model: ExplorerModel) {
            loss = model.selectedLoss
            parameters = model.parameters[model.selectedLoss]
            prediction = model.predictionIndex
            edits = model.edits
        }
    }

    /// The value column: six decimals as in the loss table, `crashes`, or `-` for an input the library cannot take.
    public static func valueText(_ result: ConventionResult) -> String {
        switch result.outcome {
        case let .value(value): ExplorerView.formatValue(value)
        case .crashes: "crashes"
        case .unsupported: "-"
        }
    }

    static func draw(_ model: ExplorerModel, into canvas: inout Canvas, theme: Theme) {
        let layout = ExplorerView.Layout(model: model, size: canvas.size)
        let loss = model.selectedLoss, seglens = model.selectedResult.value
        // Versions only where the reasons still get most of the row.
        let showsVersions = canvas.width >= 120
        let labelWidth = max(7, model.conventions.map { $0.label(short: !showsVersions).count }.max() ?? 0)
        let valueWidth = 9
        func row(_ label: String, _ marker: String, _ value: String) -> String {
            label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + " " + marker
                + String(repeating: " ", count: max(0, valueWidth - value.count)) + value + "  "
        }
        var lines: [(text: String, reason: String, isSeglens: Bool)] = [
            (row("seglens", " ", ExplorerView.formatValue(seglens)), loss.formula, true),
        ]
        for result in model.conventions {
            let reason: String
            switch result.outcome {
            case .value: reason = result.why
            case let .crashes(why), let .unsupported(why): reason = why
            }
            let marker = result.value == seglens ? "=" : " "
            lines.append((row(result.label(short: !showsVersions), marker, valueText(result)), reason, false))
        }
        if model.conventions.isEmpty { lines.append(("no library has a \(loss.name) loss of this mode", "", false)) }
        let parameters = model.parameters[loss].map { $0.text(for: loss) } ?? ""
        let footer = (parameters.isEmpty ? "" : "\(parameters) · ") + "one image: batch and per-image reductions coincide"
        // Reasons wrap under themselves; the panel grows over the loss table, then over everything but the status
        // line, until every reason fits whole — else the rows keep their values and drop the reasons.
        let textWidth = lines.map(\.text.count).max() ?? 0
        let inner = canvas.width - 4
        let reasonWidth = max(10, inner - textWidth)
        var rows: [(text: String, pen: Pen)] = []
        for line in lines {
            let reason = ExplorerView.wrap(line.reason, width: reasonWidth, lines: 100, ellipsis: theme.glyphs.ellipsis)
            for (index, part) in (reason.isEmpty ? [""] : reason).enumerated() {
                let head = index == 0 ? line.text : String(repeating: " ", count: line.text.count)
                rows.append((head + part, line.isSeglens ? theme.dim : .plain))
            }
        }
        let footerRows = ExplorerView.wrap(footer, width: inner, lines: 100, ellipsis: theme.glyphs.ellipsis)
        let top = 1
        let bottoms = [layout.tableRows.lowerBound, layout.parameterRow, canvas.height - 1]
        var bottom = bottoms.last!
        if let fitting = bottoms.first(where: { $0 - top >= rows.count + footerRows.count + 2 }) {
            bottom = fitting
        } else {
            rows = lines.map { ($0.text, $0.isSeglens ? theme.dim : .plain) }
        }
        let height = min(bottom - top, rows.count + footerRows.count + 2)
        let rect = Rect(row: top, column: 0, width: canvas.width, height: height)
        canvas.fill(rect, with: .blank)
        canvas.drawBox(rect, title: "conventions · \(loss.name) · c or Esc closes", glyphs: theme.glyphs, titlePen: theme.title)
        for (offset, row) in rows.prefix(max(0, height - 2 - footerRows.count)).enumerated() {
            canvas.put(row.text, row: rect.row + 1 + offset, column: 2, maxWidth: inner, ellipsis: theme.glyphs.ellipsis,
                       pen: offset == 0 ? theme.title : row.pen)
        }
        for (offset, line) in footerRows.enumerated() {
            canvas.put(line, row: rect.endRow - 1 - footerRows.count + offset, column: 2, maxWidth: inner,
                       ellipsis: theme.glyphs.ellipsis, pen: theme.dim)
        }
    }
}
