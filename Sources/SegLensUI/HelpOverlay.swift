/// The `?` overlay: every binding of the key table (in two columns when one does not fit, on pages turned with
/// ← and → when two do not), and what the parameters mean where there is room for it.
enum HelpOverlay {
    static let notes = [
        "α: focal weight of positives (multi-class: classes ≥ 1); < 0 is 'none'",
        "γ: focal exponent on (1 − p_t); focal-Tversky exponent on (1 − TI)",
        "β: Tversky weight of false positives, FN get 1 − β (β = 0.5 is Dice);",
        "   weighted BCE: positive weight; balanced BCE: positive share",
        "w0, σ: height and width (pixels) of the border-bce U-Net border term",
        "mouse: wheel over a value changes it, click selects (off: --no-mouse)",
    ]

    /// The presets as the help lists them: a title line and one line per preset on its digit key.
    static func presetLines(_ presets: [Preset]) -> [String] {
        presets.isEmpty ? [] : ["presets, on the digit keys (the status line names the one shown):"]
            + presets.map { "\($0.number)  \($0.name)" }
    }

    /// Draws page `page` (taken modulo the number of pages) of the help: the key table (the digit keys once, as
    /// `1-9`), then `presets` by number — on the last page of keys when they fit there, else on a page of their own.
    static func draw(into canvas: inout Canvas, theme: Theme, page: Int = 0, presets: [Preset]) {
        var bindings = KeyTable.bindings.filter { if case .applyPreset = $0.action { false } else { true } }
        if !presets.isEmpty, let index = bindings.firstIndex(where: { $0.action == .toggleHelp }) {
            bindings.insert(
                KeyBinding(keys: [], action: .applyPreset(1), label: "1-9", help: "apply a preset (below)", hint: nil),
                at: index)
        }
        let labelWidth = bindings.map(\.label.count).max() ?? 0
        let entries = bindings.map {
            $0.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + $0.help
        }
        let entryWidth = entries.map(\.count).max() ?? 0
        let presetText = presetLines(presets)
        // One column when everything fits, else two, else pages of two columns; the notes where there is room.
        let room = max(1, canvas.height - 2)
        let oneColumn = entries.count + presetText.count + notes.count + 2 <= room
        let perPage = oneColumn ? entries.count : 2 * room
        let keyPages = max(1, (entries.count + perPage - 1) / perPage)
        let lastKeyRows = oneColumn ? entries.count : (entries.count - (keyPages - 1) * perPage + 1) / 2
        // The presets go under the last page of keys when they fit there, else on a page of their own.
        let presetsOwnPage = !presetText.isEmpty && lastKeyRows + 1 + presetText.count > room
        let pages = keyPages + (presetsOwnPage ? 1 : 0)
        let shown = ((page % pages) + pages) % pages
        var lines: [String] = []
        var perColumn = 0
        if shown < keyPages {
            let slice = Array(entries[(shown * perPage)..<min(entries.count, (shown + 1) * perPage)])
            perColumn = oneColumn ? slice.count : (slice.count + 1) / 2
            lines = (0..<perColumn).map { row -> String in
                let left = slice[row]
                guard !oneColumn, row + perColumn < slice.count else { return left }
                return left.padding(toLength: entryWidth + 3, withPad: " ", startingAt: 0) + slice[row + perColumn]
            }
        }
        if !presetText.isEmpty, shown == pages - 1 {
            if !lines.isEmpty { lines.append("") }
            lines += presetText
            perColumn = lines.count
        }
        if shown == pages - 1, lines.count + notes.count + 1 <= room {
            lines.append("")
            lines += notes
        }
        let arrows = "\(theme.glyphs.arrowLeft)\(theme.glyphs.arrowRight)"
        let title = pages > 1 ? "keys \(shown + 1)/\(pages) · \(arrows) page · Esc or ? closes" : "keys · Esc or ? closes"
        var width = min(canvas.width, max(title.count + 6, (lines.map(\.count).max() ?? 0) + 4))
        // A column or two of the screen beside the box would show the panels' borders: take the whole width.
        if canvas.width - width <= 2 { width = canvas.width }
        let height = min(canvas.height, lines.count + 2)
        let rect = Rect(row: (canvas.height - height) / 2, column: (canvas.width - width) / 2, width: width, height: height)
        canvas.fill(rect, with: .blank)
        canvas.drawBox(rect, title: title, glyphs: theme.glyphs, titlePen: theme.title)
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            canvas.put(line, row: rect.row + 1 + offset, column: rect.column + 2, maxWidth: width - 4,
                       ellipsis: theme.glyphs.ellipsis, pen: offset < perColumn ? .plain : theme.dim)
        }
    }
}
