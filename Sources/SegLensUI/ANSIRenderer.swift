/// Turns a ``Canvas`` into text for `seglens render`: plain text, or text with
/// ANSI SGR escape sequences for 16 or 256 colours.
///
/// Rules, so that output is stable enough to compare in tests:
/// - One output line per canvas row, each ending in `"\n"`.
/// - ``ColorDepth/none``: glyphs only (no escapes, styles dropped), trailing
///   spaces trimmed, exactly ``Canvas/textLines()``.
/// - 16/256 colours: colours are first mapped with
///   ``TerminalColor/adapted(to:)``. An SGR is emitted only when the pen
///   changes, and always as a full state (`ESC[0;…m`, starting from a reset),
///   so no sequence depends on an earlier one. A line that ends in a non-plain
///   pen ends with `ESC[0m`, so every line starts and ends in the plain state.
///   Trailing cells that would look blank (a space with default background and
///   no reverse or underline) are trimmed.
/// - Codes: bold 1, dim 2, underline 4, reverse 7; 256 colours
///   `38;5;N`/`48;5;N`; 16 colours `30–37`/`90–97` and `40–47`/`100–107`.
///
/// ```swift
/// ANSIRenderer(colorDepth: .indexed256).render(canvas)
/// ```
public struct ANSIRenderer: Sendable {
    public var colorDepth: ColorDepth

    public init(colorDepth: ColorDepth) {
        self.colorDepth = colorDepth
    }

    /// Renders with `capabilities.colorDepth`; without Unicode, glyphs are
    /// first replaced by ``Glyphs/asciiFallback(for:)``.
    public static func render(_ canvas: Canvas, capabilities: Capabilities) -> String {
        let shown = capabilities.unicode ? canvas : canvas.adapted(to: capabilities)
        return ANSIRenderer(colorDepth: capabilities.colorDepth).render(shown)
    }

    public func render(_ canvas: Canvas) -> String {
        if colorDepth == .none {
            return canvas.textLines().map { $0 + "\n" }.joined()
        }
        var output = ""
        for y in 0..<canvas.height {
            var cells = (0..<canvas.width).map { canvas[y, $0] }
            cells = cells.map { cell in
                var cell = cell
                cell.foreground = cell.foreground.adapted(to: colorDepth)
                cell.background = cell.background.adapted(to: colorDepth)
                return cell
            }
            while let last = cells.last, last.glyph == " ", last.background == .default,
                last.style.isDisjoint(with: [.reverse, .underline])
            {
                cells.removeLast()
            }
            var current = Pen.plain
            for cell in cells {
                if cell.pen != current {
                    output += sgr(for: cell.pen)
                    current = cell.pen
                }
                output.append(cell.glyph)
            }
            if current != .plain { output += "\u{1B}[0m" }
            output += "\n"
        }
        return output
    }

    /// The full SGR sequence that sets `pen` from any previous state.
    public func sgr(for pen: Pen) -> String {
        var codes = ["0"]
        if pen.style.contains(.bold) { codes.append("1") }
        if pen.style.contains(.dim) { codes.append("2") }
        if pen.style.contains(.underline) { codes.append("4") }
        if pen.style.contains(.reverse) { codes.append("7") }
        if case .indexed(let index) = pen.foreground.adapted(to: colorDepth) {
            codes.append(colorCode(index, base: 30, brightBase: 90, extended: 38))
        }
        if case .indexed(let index) = pen.background.adapted(to: colorDepth) {
            codes.append(colorCode(index, base: 40, brightBase: 100, extended: 48))
        }
        if codes == ["0"] { return "\u{1B}[0m" }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private func colorCode(_ index: UInt8, base: Int, brightBase: Int, extended: Int) -> String {
        switch colorDepth {
        case .indexed256: return "\(extended);5;\(index)"
        case .sixteen, .none: return index < 8 ? "\(base + Int(index))" : "\(brightBase + Int(index) - 8)"
        }
    }
}
