/// How many colours a terminal (or a `seglens render` target) can show.
public enum ColorDepth: Int, Comparable, Hashable, Sendable, CaseIterable {
    /// Monochrome: no colours (NO_COLOR, `--no-color`, or a terminal without
    /// colour). Bold, reverse, dim and underline still apply.
    case none = 0
    /// The 16 ANSI colours (8 normal + 8 bright).
    case sixteen = 16
    /// The xterm-256 palette.
    case indexed256 = 256

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}
