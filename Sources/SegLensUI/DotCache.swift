import SegLensCore
import Synchronization

/// A memo of the dot grids of the truth and prediction panels, which no parameter changes: a parameter step then
/// aggregates only the heatmap again. Entries are keyed by everything a grid depends on, so a hit is always the
/// grid the view would compute.
final class DotCache: Sendable {
    struct Key: Hashable {
        /// Which panel (0 truth, 1 prediction) of which prediction.
        var panel: Int
        var prediction: Int
        /// The edits applied to the prediction.
        var edits: PredictionEdits
        /// ``ExplorerModel/predictionRevision`` for the prediction panel (training changes it), 0 for the truth.
        var revision: Int
        var rows: [Range<Int>]
        var columns: [Range<Int>]
        var capabilities: Capabilities
    }

    private static let capacity = 8
    private let entries = Mutex<[Key: [[Paint]]]>([:])

    /// The cached grid of `key`, or the one `compute` makes (then cached).
    func dots(for key: Key, compute: () -> [[Paint]]) -> [[Paint]] {
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let dots = compute()
        entries.withLock { entries in
            if entries.count >= DotCache.capacity { entries.removeAll() }
            entries[key] = dots
        }
        return dots
    }
}
