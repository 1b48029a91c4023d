import Testing

@testable import SegLensUI

@Suite struct ANSIRendererTests {
    private let esc = "\u{1B}"

    @Test func plainTextKeepsGlyphsAndDropsColours() {
        var canvas = Canvas(width: 5, height: 2)
        canvas.put("░▒x", row: 0, column: 0, foreground: .indexed(196), style: .bold)
        #expect(ANSIRenderer(colorDepth: .none).render(canvas) == "░▒x\n\n")
    }

    @Test func sgrOnlyWhenThePenChanges256() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("ab", row: 0, column: 0, foreground: .indexed(208))
        canvas.put("c", row: 0, column: 2, foreground: .indexed(208), background: .indexed(17), style: .bold)
        canvas.put("d", row: 0, column: 3)
        let expected = "\(esc)[0;38;5;208mab\(esc)[0;1;38;5;208;48;5;17mc\(esc)[0md\n"
        #expect(ANSIRenderer(colorDepth: .indexed256).render(canvas) == expected)
    }

    @Test func lineEndingInColourResets() {
        var canvas = Canvas(width: 3, height: 2)
        canvas.put("x", row: 0, column: 0)
        canvas.put(" ", row: 0, column: 1, background: .indexed(4))  // coloured space is kept
        canvas.put("y", row: 1, column: 0, style: .reverse)
        let expected = "x\(esc)[0;44m \(esc)[0m\n\(esc)[0;7my\(esc)[0m\n"
        #expect(ANSIRenderer(colorDepth: .sixteen).render(canvas) == expected)
    }

    @Test func sixteenColourCodes() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("a", row: 0, column: 0, foreground: .indexed(1))
        canvas.put("b", row: 0, column: 1, foreground: .indexed(9), background: .indexed(15))
        canvas.put("c", row: 0, column: 2, foreground: .indexed(196), style: [.dim, .underline])  // → 9
        let expected = "\(esc)[0;31ma\(esc)[0;91;107mb\(esc)[0;2;4;91mc\(esc)[0m\n"
        #expect(ANSIRenderer(colorDepth: .sixteen).render(canvas) == expected)
    }

    @Test func capabilitiesWithoutUnicodeUseASCIIFallbacks() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.put("┌─┐", row: 0, column: 0, style: .bold)
        #expect(ANSIRenderer.render(canvas, capabilities: .plain) == "+-+\n")
        let sixteen = Capabilities(colorDepth: .sixteen, unicode: false)
        #expect(ANSIRenderer.render(canvas, capabilities: sixteen) == "\(esc)[0;1m+-+\(esc)[0m\n")
    }

    @Test func emptyCanvas() {
        #expect(ANSIRenderer(colorDepth: .indexed256).render(Canvas(width: 0, height: 0)) == "")
        #expect(ANSIRenderer(colorDepth: .indexed256).render(Canvas(width: 3, height: 1)) == "\n")
    }
}
