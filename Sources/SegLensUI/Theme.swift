/// Colours, glyphs and pens of the explorer for one set of capabilities.
///
/// Colours are xterm-256 indices; ``SegLensUI/Canvas/adapted(to:)`` maps them to 16 colours or none. With colour
/// and Unicode, pixels are drawn as half blocks (two pixel rows per character row, colour only); otherwise every
/// pixel is a glyph — the `.mask` glyphs for classes, a density ramp for values — so a monochrome or ASCII screen
/// still reads.
struct Theme {
    let capabilities: Capabilities

    var glyphs: Glyphs { capabilities.glyphs }
    var usesColor: Bool { capabilities.colorDepth != .none }
    /// Half blocks need both colour (two colours per cell) and Unicode ("▀").
    var usesHalfBlocks: Bool { usesColor && capabilities.unicode }

    // MARK: Pens

    var title: Pen { Pen(style: .bold) }
    var selected: Pen { Pen(style: [.reverse, .bold]) }
    var dim: Pen { Pen(foreground: usesColor ? .indexed(245) : .default, style: usesColor ? [] : .dim) }
    var accent: Pen { Pen(foreground: usesColor ? .indexed(214) : .default, style: .bold) }
    var statusBar: Pen { Pen(style: .reverse) }
    /// The status line's messages and active edits, set apart from the key hints.
    var statusAccent: Pen { Pen(foreground: usesColor ? .indexed(214) : .default, style: [.reverse, .bold]) }
    /// A loss that went down (better) or up (worse) in a comparison.
    var better: Pen { Pen(foreground: usesColor ? .indexed(40) : .default) }
    var worse: Pen { Pen(foreground: usesColor ? .indexed(196) : .default, style: usesColor ? [] : .bold) }

    // MARK: Pixels

    private static let classColors: [UInt8] = [238, 214, 39, 40, 199, 226, 51, 129, 196, 250]
    private static let ignoredColor: UInt8 = 60
    private static let heatColors: [UInt8] = [16, 53, 54, 89, 125, 161, 197, 203, 209, 215, 221, 227, 229, 231]

    /// The ignored (void) pixel.
    var ignored: Paint { Paint(color: .indexed(Theme.ignoredColor), glyph: "?") }

    /// A truth or predicted class: `.`/`#` for binary and digits for multi-class, as in `.mask` files.
    func classPaint(_ label: Int, binary: Bool) -> Paint {
        let glyph: Character = binary ? (label == 1 ? "#" : ".") : Character(String(label % 10))
        return Paint(color: .indexed(Theme.classColors[label % Theme.classColors.count]), glyph: glyph)
    }

    /// A probability 0…1: a grey ramp, or the density ramp — with `·` for exactly 0 and at least the lightest
    /// shade for any other value, so that the image's extent shows without colour too.
    func probabilityPaint(_ p: Double) -> Paint {
        let clamped = p.isNaN ? 0 : min(1, max(0, p))
        let ramp = glyphs.shadeRamp
        let glyph = clamped == 0 ? (glyphs.isUnicode ? "·" : ".")
            : ramp[max(1, min(ramp.count - 1, Int((clamped * Double(ramp.count - 1)).rounded())))]
        return Paint(color: .indexed(232 + UInt8((clamped * 23).rounded())), glyph: glyph)
    }

    /// A heat value as a fraction 0…1 of the legend's scale: dark purple → red → yellow → white. Exactly 0 is a
    /// dim grey dot (`·`, ASCII `.`), not the terminal's black, so the image's extent stays visible where nothing is
    /// hot; any other value shows at least the lightest shade.
    func heatPaint(_ fraction: Double) -> Paint {
        let clamped = fraction.isNaN ? 0 : min(1, max(0, fraction))
        guard clamped > 0 else { return Paint(color: .indexed(Theme.zeroHeatColor), glyph: glyphs.isUnicode ? "·" : ".") }
        let index = max(1, Int((clamped * Double(Theme.heatColors.count - 1)).rounded()))
        let ramp = glyphs.shadeRamp
        let glyph = ramp[max(1, min(ramp.count - 1, Int((clamped * Double(ramp.count - 1)).rounded())))]
        return Paint(color: .indexed(Theme.heatColors[index]), glyph: glyph)
    }

    /// Colour of a heat value of 0: a dark grey that is not the terminal's background.
    private static let zeroHeatColor: UInt8 = 237

    private static let negativeColors: [UInt8] = [17, 18, 19, 20, 21, 27]
    private static let positiveColors: [UInt8] = [52, 88, 124, 160, 196, 202]

    /// A signed change −1…1 of a difference map: blues for decreases, dark grey for none, reds for increases;
    /// glyphs `=` `-` `.` `+` `#` without colour.
    func differencePaint(_ signed: Double) -> Paint {
        let clamped = signed.isNaN ? 0 : min(1, max(-1, signed))
        let magnitude = abs(clamped)
        if magnitude < 0.02 { return Paint(color: .indexed(236), glyph: ".") }
        let ramp = clamped < 0 ? Theme.negativeColors : Theme.positiveColors
        let index = min(ramp.count - 1, Int(magnitude * Double(ramp.count)))
        let glyph: Character = clamped < 0 ? (magnitude > 0.5 ? "=" : "-") : (magnitude > 0.5 ? "#" : "+")
        return Paint(color: .indexed(ramp[index]), glyph: glyph)
    }

    /// The error class of a pixel.
    func errorPaint(_ kind: ErrorKind) -> Paint {
        switch kind {
        case .truePositive: Paint(color: .indexed(40), glyph: "#")
        case .trueNegative: Paint(color: .indexed(238), glyph: ".")
        case .falsePositive: Paint(color: .indexed(208), glyph: "+")
        case .falseNegative: Paint(color: .indexed(33), glyph: "-")
        case .ignored: ignored
        }
    }

    /// A legend swatch: a coloured block on colour screens, the glyph otherwise.
    func swatch(_ paint: Paint) -> Cell {
        usesColor ? Cell(glyphs.fullBlock, foreground: paint.color) : Cell(paint.glyph, pen: .plain)
    }
}
