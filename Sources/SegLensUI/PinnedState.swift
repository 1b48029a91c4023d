import SegLensCore

/// State A of a comparison: what was on screen when `P` was pressed — the edited prediction and every loss's
/// results (each with its parameters). Everything changed afterwards is state B.
public struct PinnedState: Sendable {
    /// The edited input A was evaluated on.
    public var input: LossInput
    /// One result per loss of ``ExplorerModel/losses`` (maps only).
    public var results: [LossResult]
}
