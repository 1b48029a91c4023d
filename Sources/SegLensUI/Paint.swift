/// What one displayed pixel (a "dot") looks like: a colour for colour screens and a glyph for glyph screens.
struct Paint: Hashable, Sendable {
    var color: TerminalColor
    var glyph: Character
}
