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

    /// Draws page `page` (taken modulo the number of pages) of the help.
    static func draw(into canvas: inout Canvas, theme: Theme, page: Int = 0) {
        let labelWidth = KeyTable.bindings.map(\.label.count).max() ?? 0
        let entries = KeyTable.bindings.map {
            $0.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + $0.help
        }
        let entryWidth = entries.map(\.count).max() ?? 0
        // One column when everything fits, else two, else pages of two columns; the notes where there is room.
        let room = max(1, canvas.height - 2)
        let oneColumn = entries.count + notes.count + 1 <= room
        let perPage = oneColumn ? entries.count : 2 * room
        let pages = max(1, (entries.count + perPage - 1) / perPage)
        let shown = ((page % pages) + pages) % pages
        let slice = Array(entries[(shown * perPage)..<min(entries.count, (shown + 1) * perPage)])
        let perColumn = oneColumn ? slice.count : (slice.count + 1) / 2
        var lines = (0..<perColumn).map { row -> String in
            let left = slice[row]
            guard !oneColumn, row + perColumn < slice.count else { return left }
            return left.padding(toLength: entryWidth + 3, withPad: " ", startingAt: 0) + slice[row + perColumn]
        }
        if perColumn + notes.count + 1 <= room {
            lines.append("")
            lines += notes
        }
        let arrows = "\(theme.glyphs.arrowLeft)\(theme.glyphs.arrowRight)"
        let title = pages > 1 ? "keys \(shown + 1)/\(pages) · \(arrows) page · Esc or ? closes" : "keys · Esc or ? closes"
        let width = min(canvas.width, max(title.count + 6, (lines.map(\.count).max() ?? 0) + 4))
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
