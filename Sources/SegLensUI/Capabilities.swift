/// What the output can display; views read it to choose colours and glyphs.
public struct Capabilities: Hashable, Sendable {
    public var colorDepth: ColorDepth
    /// Whether non-ASCII glyphs (box drawing, blocks, shades, arrows) can be
    /// shown; false for non-UTF-8 locales and `--ascii`.
    public var unicode: Bool

    public init(colorDepth: ColorDepth, unicode: Bool) {
        self.colorDepth = colorDepth
        self.unicode = unicode
    }

    /// The glyph set matching ``unicode``.
    public var glyphs: Glyphs { unicode ? .unicode : .ascii }

    /// 256 colours and Unicode: a modern terminal.
    public static let full = Capabilities(colorDepth: .indexed256, unicode: true)
    /// No colour and ASCII only: the most portable output.
    public static let plain = Capabilities(colorDepth: .none, unicode: false)

    /// Decides the capabilities from what the terminal reports and what the
    /// user asked for. Pure, so the policy is testable without a terminal.
    ///
    /// - Parameters:
    ///   - terminalColors: `COLORS` after `start_color()` (0 when the terminal
    ///     has no colour support).
    ///   - noColorEnvironment: the value of `NO_COLOR`; any non-empty value
    ///     disables colour (no-color.org).
    ///   - noColorOption: `--no-color`.
    ///   - codeset: `nl_langinfo(CODESET)` after `setlocale(LC_ALL, "")`.
    ///   - asciiOption: `--ascii`.
    public static func decide(
        terminalColors: Int, noColorEnvironment: String?, noColorOption: Bool,
        codeset: String, asciiOption: Bool
    ) -> Capabilities {
        let depth: ColorDepth
        if noColorOption || !(noColorEnvironment ?? "").isEmpty {
            depth = .none
        } else if terminalColors >= 256 {
            depth = .indexed256
        } else if terminalColors >= 8 {
            depth = .sixteen
        } else {
            depth = .none
        }
        let utf8 = ["utf-8", "utf8"].contains(codeset.lowercased())
        return Capabilities(colorDepth: depth, unicode: utf8 && !asciiOption)
    }
}

extension TerminalColor {
    /// The nearest of the 16 ANSI colours to an xterm-256 index.
    ///
    /// Mapping rule: indices 0–15 map to themselves. Any other index is
    /// converted to its RGB value in the standard xterm palette (cube levels
    /// 0, 95, 135, 175, 215, 255; greys 8 + 10·k) and mapped to the ANSI colour
    /// whose xterm default RGB value is closest by squared Euclidean distance;
    /// ties go to the lower index. So 196 (pure red) → 9 (bright red),
    /// 208 (orange) → 3 (yellow/brown), 244 (mid grey) → 8 (bright black),
    /// 232 (near black) → 0.
    public static func nearestANSI16(to index: UInt8) -> UInt8 {
        if index < 16 { return index }
        let (r, g, b) = rgb(of: index)
        var best: UInt8 = 0
        var bestDistance = Int.max
        for candidate in 0..<16 {
            let (cr, cg, cb) = ansi16RGB[candidate]
            let distance = (r - cr) * (r - cr) + (g - cg) * (g - cg) + (b - cb) * (b - cb)
            if distance < bestDistance {
                bestDistance = distance
                best = UInt8(candidate)
            }
        }
        return best
    }

    /// The standard xterm RGB value of a palette index.
    public static func rgb(of index: UInt8) -> (red: Int, green: Int, blue: Int) {
        switch index {
        case 0..<16:
            return ansi16RGB[Int(index)]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let i = Int(index) - 16
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        default:
            let grey = 8 + 10 * (Int(index) - 232)
            return (grey, grey, grey)
        }
    }

    /// xterm's default values for the 16 ANSI colours.
    private static let ansi16RGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// This colour as it can be shown at `depth`: unchanged for 256 colours,
    /// mapped with ``nearestANSI16(to:)`` for 16, and `.default` for none.
    public func adapted(to depth: ColorDepth) -> TerminalColor {
        switch (self, depth) {
        case (.default, _), (_, .indexed256): return self
        case (_, .none): return .default
        case (.indexed(let index), .sixteen): return .indexed(TerminalColor.nearestANSI16(to: index))
        }
    }
}

extension Canvas {
    /// This canvas as it can be shown with `capabilities`: colours mapped down
    /// with ``TerminalColor/adapted(to:)`` and, without Unicode, every
    /// non-ASCII glyph replaced by ``Glyphs/asciiFallback(for:)``.
    ///
    /// Views should draw with ``Capabilities/glyphs`` in the first place; this
    /// is the safety net that keeps a 256-colour Unicode frame readable anywhere.
    public func adapted(to capabilities: Capabilities) -> Canvas {
        var copy = self
        for y in 0..<height {
            for x in 0..<width {
                var cell = self[y, x]
                cell.foreground = cell.foreground.adapted(to: capabilities.colorDepth)
                cell.background = cell.background.adapted(to: capabilities.colorDepth)
                if !capabilities.unicode { cell.glyph = Glyphs.asciiFallback(for: cell.glyph) }
                copy[y, x] = cell
            }
        }
        return copy
    }
}
