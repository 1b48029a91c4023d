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

    /// A probability 0…1: a grey ramp, or the density ramp.
    func probabilityPaint(_ p: Double) -> Paint {
        let clamped = p.isNaN ? 0 : min(1, max(0, p))
        return Paint(color: .indexed(232 + UInt8((clamped * 23).rounded())), glyph: glyphs.shade(clamped))
    }

    /// A heat value as a fraction 0…1 of the legend's scale: dark purple → red → yellow → white.
    func heatPaint(_ fraction: Double) -> Paint {
        let clamped = fraction.isNaN ? 0 : min(1, max(0, fraction))
        let index = Int((clamped * Double(Theme.heatColors.count - 1)).rounded())
        return Paint(color: .indexed(Theme.heatColors[index]), glyph: glyphs.shade(clamped))
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
