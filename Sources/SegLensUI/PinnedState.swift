import SegLensCore

/// State A of a comparison: what was on screen when `P` was pressed — the edited prediction and every loss's
/// value (each with its parameters). Everything changed afterwards is state B.
public struct PinnedState: Sendable {
    /// The edited input A was evaluated on.
    public var input: LossInput
    /// One value per loss of ``ExplorerModel/losses``.
    public var results: [LossValue]
    /// A's maps of the selected loss (the heatmap panel A), and what they were drawn for.
    public internal(set) var maps: DrawnMaps
    var mapsKey: ExplorerWork.MapsKey
}
