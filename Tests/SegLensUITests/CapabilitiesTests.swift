import Testing

@testable import SegLensUI

@Suite struct CapabilitiesTests {
    @Test(arguments: [
        (UInt8(0), UInt8(0)), (9, 9), (15, 15),
        (196, 9),  // pure red → bright red
        (46, 10),  // pure green → bright green
        (21, 4),  // pure blue (0,0,255) → blue (0,0,238)
        (226, 11),  // yellow
        (208, 3),  // orange → yellow/brown
        (16, 0),  // cube black
        (231, 15),  // cube white
        (232, 0),  // near-black grey
        (244, 8),  // mid grey → bright black
        (252, 7),  // light grey → white
        (51, 14),  // cyan
    ])
    func nearestANSI16(index: UInt8, expected: UInt8) {
        #expect(TerminalColor.nearestANSI16(to: index) == expected)
    }

    @Test func rgbOfPaletteIndices() {
        #expect(TerminalColor.rgb(of: 16) == (0, 0, 0))
        #expect(TerminalColor.rgb(of: 208) == (255, 135, 0))
        #expect(TerminalColor.rgb(of: 232) == (8, 8, 8))
        #expect(TerminalColor.rgb(of: 255) == (238, 238, 238))
    }

    @Test func adaptedColors() {
        #expect(TerminalColor.indexed(208).adapted(to: .indexed256) == .indexed(208))
        #expect(TerminalColor.indexed(208).adapted(to: .sixteen) == .indexed(3))
        #expect(TerminalColor.indexed(208).adapted(to: .none) == .default)
        #expect(TerminalColor.default.adapted(to: .sixteen) == .default)
    }

    @Test func decidePolicy() {
        func decide(_ colors: Int, _ noColor: String? = nil, option: Bool = false, _ codeset: String = "UTF-8", ascii: Bool = false)
            -> Capabilities
        {
            Capabilities.decide(
                terminalColors: colors, noColorEnvironment: noColor, noColorOption: option, codeset: codeset,
                asciiOption: ascii)
        }
        #expect(decide(256) == .full)
        #expect(decide(16).colorDepth == .sixteen)
        #expect(decide(8).colorDepth == .sixteen)
        #expect(decide(0).colorDepth == .none)
        #expect(decide(256, "1").colorDepth == .none)
        #expect(decide(256, "").colorDepth == .indexed256)  // empty NO_COLOR does not count
        #expect(decide(256, option: true).colorDepth == .none)
        #expect(decide(256, "ANSI_X3.4-1968").unicode == true)  // that was NO_COLOR, not the codeset
        #expect(decide(256, nil, "ANSI_X3.4-1968").unicode == false)
        #expect(decide(256, nil, "utf8").unicode == true)
        #expect(decide(256, ascii: true).unicode == false)
    }

    @Test func canvasAdaptedToPlainCapabilities() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("┌─░▓α→", row: 0, column: 0, foreground: .indexed(196))
        let plain = canvas.adapted(to: .plain)
        #expect(plain.textLines() == ["+-.#a>"])
        #expect(plain[0, 0].foreground == .default)
        let sixteen = canvas.adapted(to: Capabilities(colorDepth: .sixteen, unicode: true))
        #expect(sixteen.textLines() == canvas.textLines())
        #expect(sixteen[0, 0].foreground == .indexed(9))
    }

    @Test func shadeClampsAndHandlesNaN() {
        let glyphs = Glyphs.unicode
        #expect(glyphs.shade(0) == " ")
        #expect(glyphs.shade(1) == "█")
        #expect(glyphs.shade(0.5) == "▒")
        #expect(glyphs.shade(-3) == " ")
        #expect(glyphs.shade(7) == "█")
        #expect(glyphs.shade(.nan) == " ")
        #expect(Glyphs.ascii.shade(1) == "@")
        #expect(Glyphs.ascii.shadeRamp.count == 10)
    }

    @Test func allGlyphsAreSingleColumnAndAsciiSetIsASCII() {
        for glyphs in [Glyphs.unicode, .ascii] {
            let all: [Character] =
                [
                    glyphs.horizontal, glyphs.vertical, glyphs.topLeft, glyphs.topRight, glyphs.bottomLeft,
                    glyphs.bottomRight, glyphs.teeDown, glyphs.teeUp, glyphs.teeLeft, glyphs.teeRight, glyphs.cross,
                    glyphs.upperHalfBlock, glyphs.fullBlock, glyphs.arrowUp, glyphs.arrowDown, glyphs.arrowLeft,
                    glyphs.arrowRight, glyphs.pointer,
                ] + glyphs.shadeRamp + Array(glyphs.ellipsis)
            #expect(all.allSatisfy { Cell.isSingleColumn($0) })
            if !glyphs.isUnicode { #expect(all.allSatisfy { $0.isASCII }) }
        }
    }
}

@Suite struct AsciiFallbackTests {
    @Test func accentedLettersLoseTheirAccents() {
        #expect(String("Lovász Ünïcode".map(Glyphs.asciiFallback)) == "Lovasz Unicode")
        #expect(Glyphs.asciiFallback(for: "α") == "a")
        #expect(Glyphs.asciiFallback(for: "≈") == "~")
        #expect(Glyphs.asciiFallback(for: "漢") == "?")
    }
}
