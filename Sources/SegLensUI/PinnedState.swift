import SegLensCore

/// State A of a comparison: what was on screen when `P` was pressed — the prediction, its edits, every loss's
/// parameters and results. Everything changed afterwards is state B.
public struct PinnedState: Sendable {
    public var predictionIndex: Int
    public var edits: PredictionEdits
    public var parameters: [Loss: LossParameters]
    /// The edited input A was evaluated on.
    public var input: LossInput
    /// One result per loss of ``ExplorerModel/losses`` (maps only).
    public var results: [LossResult]
    public var metrics: SegmentationMetrics
}
