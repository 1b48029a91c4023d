/// A colour as a terminal understands it: the terminal's own default, or an
/// xterm-256 palette index.
///
/// Indices 0–15 are the 16 ANSI colours (0–7 normal, 8–15 bright), 16–231 the
/// 6×6×6 colour cube and 232–255 the grey ramp. Views may always draw with
/// 256-colour indices; ``TerminalColor/adapted(to:)`` maps them down for
/// terminals with fewer colours.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's default foreground or background (keeps the user's
    /// theme, which matters on projectors with light backgrounds).
    case `default`
    /// An xterm-256 palette index.
    case indexed(UInt8)
}
