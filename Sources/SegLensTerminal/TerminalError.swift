import SegLensUI

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
