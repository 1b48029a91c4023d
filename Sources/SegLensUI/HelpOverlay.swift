/// The `?` overlay: every binding of the key table (in two columns when one does not fit), and what the
/// parameters mean where there is room for it.
enum HelpOverlay {
    static let notes = [
        "α: focal weight of positives (multi-class: classes ≥ 1); < 0 is 'none'",
        "γ: focal exponent on (1 − p_t); focal-Tversky exponent on (1 − TI)",
        "β: Tversky weight of false positives, FN get 1 − β (β = 0.5 is Dice);",
        "   weighted BCE: positive weight; balanced BCE: positive share",
        "mouse: wheel over a value changes it, click selects (off: --no-mouse)",
    ]

    static func draw(into canvas: inout Canvas, theme: Theme) {
        let labelWidth = KeyTable.bindings.map(\.label.count).max() ?? 0
        let entries = KeyTable.bindings.map {
            $0.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + $0.help
        }
        let entryWidth = entries.map(\.count).max() ?? 0
        // One column when everything fits, else two; the notes only where there is room for them.
        let room = canvas.height - 2
        let oneColumn = entries.count + notes.count + 1 <= room
        let perColumn = oneColumn ? entries.count : (entries.count + 1) / 2
        var lines = (0..<perColumn).map { row -> String in
            let left = entries[row]
            guard !oneColumn, row + perColumn < entries.count else { return left }
            return left.padding(toLength: entryWidth + 3, withPad: " ", startingAt: 0) + entries[row + perColumn]
        }
        if perColumn + notes.count + 1 <= room {
            lines.append("")
            lines += notes
        }
        let width = min(canvas.width, (lines.map(\.count).max() ?? 0) + 4)
        let height = min(canvas.height, lines.count + 2)
        let rect = Rect(row: (canvas.height - height) / 2, column: (canvas.width - width) / 2, width: width, height: height)
        canvas.fill(rect, with: .blank)
        canvas.drawBox(rect, title: "keys · Esc or ? closes", glyphs: theme.glyphs, titlePen: theme.title)
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            canvas.put(line, row: rect.row + 1 + offset, column: rect.column + 2, maxWidth: width - 4,
                       ellipsis: theme.glyphs.ellipsis, pen: offset < perColumn ? .plain : theme.dim)
        }
    }
}
