import SegLensUI

/// User choices that shape how the terminal is opened.
public struct TerminalOptions: Hashable, Sendable {
    /// `--no-color`: monochrome even if the terminal has colours (`NO_COLOR`
    /// in the environment does the same).
    public var noColor: Bool
    /// `--ascii`: ASCII glyphs even in a UTF-8 locale.
    public var ascii: Bool
    /// Mouse reporting (wheel and clicks). Off keeps the terminal's own
    /// click-and-drag selection, so lecturers can copy text.
    public var mouse: Bool

    public init(noColor: Bool = false, ascii: Bool = false, mouse: Bool = true) {
        self.noColor = noColor
        self.ascii = ascii
        self.mouse = mouse
    }
}
