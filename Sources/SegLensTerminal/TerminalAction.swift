import SegLensUI

/// What the app wants after handling a key batch.
public enum TerminalAction: Sendable {
    /// Show this frame, then wait for keys. A frame equal to the one on
    /// screen costs nothing.
    case redraw(Canvas)
    /// Show this frame from scratch (clears the terminal first), e.g. for Ctrl-L.
    case repaint(Canvas)
    /// Leave the run loop; the session restores the terminal.
    case quit
}
