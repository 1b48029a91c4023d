import SegLensUI

/// What the app wants after handling a key batch.
public enum TerminalAction: Sendable {
    /// Show this frame, then wait for keys. A frame equal to the one on
    /// screen costs nothing.
    case redraw(Canvas)
    /// Show this frame from scratch (clears the terminal first), e.g. for Ctrl-L.
    case repaint(Canvas)
    /// Show this frame, then wait for keys at most `interval`: if none came, the step function is called again
    /// with no keys (an animation tick), so an animation never blocks input.
    case animate(Canvas, interval: Duration)
    /// Leave the run loop; the session restores the terminal.
    case quit
}
