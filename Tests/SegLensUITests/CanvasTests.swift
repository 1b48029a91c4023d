import Testing

@testable import SegLensUI

@Suite struct CanvasTests {
    @Test func newCanvasIsBlank() {
        let canvas = Canvas(width: 3, height: 2)
        #expect(canvas.cells.count == 6)
        #expect(canvas.cells.allSatisfy { $0 == .blank })
        #expect(canvas.textLines() == ["", ""])
    }

    @Test func negativeSizeIsEmpty() {
        let canvas = Canvas(width: -4, height: 2)
        #expect(canvas.width == 0 && canvas.cells.isEmpty)
        #expect(canvas.textLines() == ["", ""])
    }

    @Test func putWritesOneCellPerCharacter() {
        var canvas = Canvas(width: 8, height: 1)
        let end = canvas.put("α=0.25", row: 0, column: 1, pen: Pen(foreground: .indexed(208), style: .bold))
        #expect(end == 7)
        #expect(canvas.textLines() == [" α=0.25"])
        #expect(canvas[0, 1] == Cell("α", foreground: .indexed(208), style: .bold))
        #expect(canvas[0, 0] == .blank)
    }

    @Test func putClipsOnEverySide() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.put("abcdef", row: 0, column: -2)
        canvas.put("xyz", row: 1, column: 2)
        canvas.put("never", row: 2, column: 0)
        canvas.put("never", row: -1, column: 0)
        canvas.put("never", row: 0, column: 100)
        canvas.put("never", row: 0, column: Int.min / 2)
        #expect(canvas.textLines() == ["cdef", "  xy"])
    }

    @Test func subscriptOutsideIsIgnored() {
        var canvas = Canvas(width: 2, height: 2)
        canvas[5, 5] = Cell("x")
        canvas[-1, 0] = Cell("x")
        #expect(canvas == Canvas(width: 2, height: 2))
        #expect(canvas[9, 9] == .blank)
    }

    @Test func wideAndControlCharactersBecomeReplacement() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("a\t中😀\nb", row: 0, column: 0)
        #expect(canvas.textLines() == ["a????b"])
        // Combining marks stay with their base character in one cell.
        canvas.put("e\u{301}", row: 0, column: 5)
        #expect(canvas[0, 5].glyph == "e\u{301}")
    }

    @Test func fillClipsToTheCanvas() {
        var canvas = Canvas(width: 4, height: 3)
        canvas.fill(Rect(row: -1, column: 2, width: 10, height: 3), with: Cell("#", background: .indexed(4)))
        #expect(canvas.textLines() == ["  ##", "  ##", ""])
        #expect(canvas[1, 3].background == .indexed(4))
        canvas.fill(Rect(row: 0, column: 0, width: 0, height: 5), with: Cell("x"))
        canvas.fill(Rect(row: 9, column: 9, width: 2, height: 2), with: Cell("x"))
        #expect(canvas.textLines() == ["  ##", "  ##", ""])
    }

    @Test func unicodeBoxWithTitle() {
        var canvas = Canvas(width: 16, height: 4)
        canvas.drawBox(Rect(row: 0, column: 0, width: 16, height: 4), title: "Loss", glyphs: .unicode)
        #expect(
            canvas.textLines() == [
                "┌─ Loss ───────┐",
                "│              │",
                "│              │",
                "└──────────────┘",
            ])
    }

    @Test func asciiBoxWithTruncatedTitle() {
        var canvas = Canvas(width: 14, height: 3)
        canvas.drawBox(Rect(row: 0, column: 0, width: 14, height: 3), title: "Hyperparameters", glyphs: .ascii)
        #expect(
            canvas.textLines() == [
                "+- Hyper... -+",
                "|            |",
                "+------------+",
            ])
    }

    @Test func boxClipsAndKeepsInside() {
        var canvas = Canvas(width: 6, height: 3)
        canvas.put("in", row: 1, column: 3)
        canvas.drawBox(Rect(row: 0, column: 2, width: 10, height: 10), glyphs: .unicode)
        #expect(canvas.textLines() == ["  ┌───", "  │in", "  │"])
        canvas.drawBox(Rect(row: 0, column: 0, width: 1, height: 3), glyphs: .unicode)  // too narrow: no-op
        #expect(canvas.textLines() == ["  ┌───", "  │in", "  │"])
    }

    @Test func truncate() {
        #expect(Canvas.truncate("abcdef", to: 4) == "abc…")
        #expect(Canvas.truncate("abcdef", to: 4, ellipsis: "...") == "a...")
        #expect(Canvas.truncate("abcdef", to: 2, ellipsis: "...") == "ab")
        #expect(Canvas.truncate("abc", to: 3) == "abc")
        #expect(Canvas.truncate("abc", to: 0) == "")
    }

    @Test func equalityIncludesAttributes() {
        var a = Canvas(width: 2, height: 1)
        var b = Canvas(width: 2, height: 1)
        a.put("x", row: 0, column: 0)
        b.put("x", row: 0, column: 0, style: .bold)
        #expect(a != b)
        #expect(a.text == b.text)
        b.put("x", row: 0, column: 0)
        #expect(a == b)
        #expect(Canvas(width: 2, height: 1) != Canvas(width: 1, height: 2))
    }

    @Test func layoutSnapshot() {
        var canvas = Canvas(width: 30, height: 6)
        for glyphs in [Glyphs.unicode, .ascii] {
            canvas.fill(canvas.bounds, with: .blank)
            canvas.drawBox(canvas.bounds, title: "seglens", glyphs: glyphs)
            canvas.put(String(glyphs.pointer) + " α = 0.25", row: 1, column: 2)
            canvas.put(String((0...8).map { glyphs.shade(Double($0) / 8) }), row: 2, column: 2)
            canvas.put(String([glyphs.arrowLeft, glyphs.arrowRight, glyphs.arrowUp, glyphs.arrowDown]), row: 4, column: 2)
            assertSnapshot(canvas.text + "\n", named: "canvas-layout-\(glyphs.isUnicode ? "unicode" : "ascii")")
        }
    }
}
