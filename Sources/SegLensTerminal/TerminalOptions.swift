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

/// Why the terminal could not be opened. The CLI prints ``description`` and
/// exits with status 2.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// stdin or stdout (named) is not a terminal, e.g. piped or redirected.
    case notATerminal(stream: String)
    /// ncurses could not open the terminal described by `TERM` (its value).
    case cannotOpen(term: String?)
    /// The terminal `TERM` describes cannot move the cursor (`dumb`, a hard-copy terminal).
    case cannotAddressCursor(term: String)
    /// Another ``TerminalSession`` is still open in this process.
    case alreadyOpen

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "\(stream) is not a terminal. For non-interactive output use `seglens render`."
        case .cannotOpen(let term):
            let what = term.map { "TERM=\($0) is not a terminal type this system knows" } ?? "TERM is not set"
            return "cannot open the terminal: \(what). Try `TERM=xterm-256color seglens …`, "
                + "or use `seglens render` for non-interactive output."
        case .cannotAddressCursor(let term):
            return "TERM=\(term) cannot move the cursor, so the explorer cannot draw on it. "
                + "Try `TERM=xterm-256color seglens …`, or use `seglens render` for non-interactive output."
        case .alreadyOpen:
            return "a terminal session is already open"
        }
    }
}

/// What the app's step function sees besides the keys.
public struct TerminalContext: Hashable, Sendable {
    /// The current screen size (already updated when the batch has `.resize`).
    public var size: TerminalSize
    public var capabilities: Capabilities
}

/// What the app wants after handling a key batch.
public enum TerminalAction: Sendable {
    /// Show this frame, then wait for keys. A frame equal to the one on
    /// screen costs nothing.
    case redraw(Canvas)
    /// Show this frame from scratch (clears the terminal first), e.g. for Ctrl-L.
    case repaint(Canvas)
    /// Show this frame and call the step function again after `next` even if
    /// no key arrives (with an empty key batch): for animations.
    case animate(Canvas, next: Duration)
    /// Leave the run loop; the session restores the terminal.
    case quit
}

/// Why ``TerminalSession/run(_:)`` returned.
public enum TerminalOutcome: Hashable, Sendable {
    /// The step function returned ``TerminalAction/quit``.
    case quit
    /// SIGINT, SIGTERM or SIGHUP arrived. The terminal is restored once the
    /// session closes; finish up, then call
    /// ``TerminalSession/dieBySignal(_:)`` so the parent sees the signal.
    case signal(Int32)
    /// Input ended (the terminal went away without a signal).
    case inputClosed
}
