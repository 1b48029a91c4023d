import SegLensUI

/// Why ``TerminalSession/run(_:)`` returned.
public enum TerminalOutcome: Hashable, Sendable {
    /// The step function returned ``TerminalAction/quit``.
    case quit
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived. The terminal is restored once the
    /// session closes; finish up, then call
    /// ``TerminalSession/dieBySignal(_:)`` so the parent sees the signal.
    case signal(Int32)
    /// Input ended (the terminal went away without a signal).
    case inputClosed
}
