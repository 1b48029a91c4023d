import Foundation

/// The characters views draw with, in a Unicode and an ASCII variant.
///
/// Pick one with ``Capabilities/glyphs``. Every glyph is one column wide;
/// ``ellipsis`` is a string because ASCII has no one-column ellipsis.
public struct Glyphs: Hashable, Sendable {
    public var isUnicode: Bool

    // Box drawing.
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// ┬ ┴ ├ ┤ ┼
    public var teeDown: Character
    public var teeUp: Character
    public var teeRight: Character
    public var teeLeft: Character
    public var cross: Character

    /// "▀": with foreground = top pixel and background = bottom pixel, one
    /// cell shows two pixel rows. ASCII has no equivalent; its `"` only hints
    /// at the top half, so ASCII views should draw one pixel row per cell.
    public var upperHalfBlock: Character
    public var fullBlock: Character
    /// Light to dark: `" ░▒▓█"` or `" .:-=+*#%@"`. Use ``shade(_:)``.
    public var shadeRamp: [Character]

    public var arrowUp: Character
    public var arrowDown: Character
    public var arrowLeft: Character
    public var arrowRight: Character
    /// A marker for the selected row: "▸" or ">".
    public var pointer: Character
    /// "…" or "...".
    public var ellipsis: String

    public static let unicode = Glyphs(
        isUnicode: true,
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤", cross: "┼",
        upperHalfBlock: "▀", fullBlock: "█",
        shadeRamp: [" ", "░", "▒", "▓", "█"],
        arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→", pointer: "▸", ellipsis: "…"
    )

    public static let ascii = Glyphs(
        isUnicode: false,
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+", cross: "+",
        upperHalfBlock: "\"", fullBlock: "#",
        shadeRamp: [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"],
        arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">", pointer: ">", ellipsis: "..."
    )

    /// The ``shadeRamp`` glyph for `fraction` in 0…1 (0 = lightest). Values
    /// outside the range are clamped; NaN gives the lightest glyph.
    public func shade(_ fraction: Double) -> Character {
        Glyphs.pick(from: shadeRamp, fraction)
    }

    private static func pick(from ramp: [Character], _ fraction: Double) -> Character {
        guard !fraction.isNaN else { return ramp[0] }
        let clamped = min(1, max(0, fraction))
        let index = Int((clamped * Double(ramp.count - 1)).rounded())
        return ramp[min(ramp.count - 1, max(0, index))]
    }

    /// An ASCII stand-in for a glyph: box drawing → `+ - |`, blocks and
    /// shades → the ASCII shade ramp, arrows → `^ v < >`, "…" → ".", anything
    /// else non-ASCII → "?". ASCII glyphs are returned unchanged.
    public static func asciiFallback(for glyph: Character) -> Character {
        if glyph.isASCII { return glyph }
        if let mapped = fallbackTable[glyph] { return mapped }
        // Accented Latin letters lose their accents: "á" → "a", "Ü" → "U".
        if let plain = String(glyph).folding(options: .diacriticInsensitive, locale: nil).first, plain.isASCII {
            return plain
        }
        guard let scalar = glyph.unicodeScalars.first?.value else { return "?" }
        switch scalar {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550: return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551: return "|"
        case 0x2500...0x257F: return "+"
        case 0x2581...0x2588: return "#"
        default: return "?"
        }
    }

    private static let fallbackTable: [Character: Character] = [
        "░": ".", "▒": ":", "▓": "#", "█": "#", "▀": "\"", "▄": "_", "▌": "[", "▐": "]",
        "↑": "^", "↓": "v", "←": "<", "→": ">", "▲": "^", "▼": "v", "◀": "<", "▶": ">",
        "▸": ">", "▹": ">", "•": "*", "·": ".", "…": ".", "×": "x", "–": "-", "—": "-",
        "α": "a", "β": "b", "γ": "g", "δ": "d", "λ": "l", "σ": "s", "Δ": "D",
        "−": "-", "≥": ">", "≤": "<", "≈": "~", "Σ": "S", "²": "2", "½": "h", "✎": "*",
    ]
}
