import SegLensCore

/// What the explorer has left to compute after a batch of keys, as a value that can run on any thread: the
/// values of the losses a step touched, the selected loss's ``SegLensCore/DrawnMaps`` (the heatmap), the
/// metrics after a new prediction. ``run()`` computes it; ``ExplorerModel/accept(_:)`` takes the outcome, or drops
/// it when a later batch made newer work.
///
/// The model runs its work at once unless told to defer it (``ExplorerModel/setDefersComputation(_:)``): then
/// the live loop runs ``ExplorerModel/pending`` off its input thread, keys stay live, and the view draws the stale
/// frame with "computing…" until the outcome is accepted.
public struct ExplorerWork: Sendable {
    /// Which maps a work item draws: the loss, its parameters, the prediction they are of, and the heatmap mode
    /// (only the map it shows is drawn).
    struct MapsKey: Equatable {
        var loss: Loss
        var parameters: LossParameters
        var revision: Int
        var mode: HeatmapMode = .errors

        /// The map the heatmap shows in ``mode``; none for the errors view.
        var kinds: Set<DrawnMaps.Kind> { mode.drawnMap.map { [$0] } ?? [] }
    }

    /// Increases with every work item a model makes; only the latest is accepted.
    let revision: Int
    let input: LossInput
    /// Multi-class: the prepared input if the model has it for this prediction (else ``run()`` prepares one).
    let prepared: PreparedInput?
    /// Losses whose value to compute, by index into the model's losses.
    let values: [(index: Int, loss: Loss, parameters: LossParameters)]
    /// The selected loss, when its maps are to be drawn (its value comes with them).
    let maps: (index: Int, key: MapsKey)?
    /// The pinned state A's maps of the selected loss, when comparing.
    let pinnedMaps: (input: LossInput, key: MapsKey)?
    let computesMetrics: Bool
    /// What the work computes, to tell whether a later update asks for the same.
    let signature: Signature

    struct Signature: Equatable {
        var values: [MapsKey]
        var maps: MapsKey?
        var pinnedMaps: MapsKey?
        var metrics: Bool
    }

    /// What ``run()`` computed.
    public struct Outcome: Sendable {
        let revision: Int
        let prepared: PreparedInput?
        let values: [(index: Int, value: LossValue)]
        let maps: (key: MapsKey, maps: DrawnMaps)?
        let pinnedMaps: (key: MapsKey, maps: DrawnMaps)?
        let metrics: SegmentationMetrics?
    }

    /// Computes everything this work item lists; pure (reads only its own inputs).
    public func run() -> Outcome {
        let prepared = input.mode == .multiclass ? (self.prepared ?? PreparedInput(input)) : nil
        var values = self.values.map { entry in
            (entry.index, LossValue(
                loss: entry.loss, parameters: entry.parameters,
                value: entry.loss.value(input, parameters: entry.parameters, prepared: prepared)))
        }
        var drawn: (key: MapsKey, maps: DrawnMaps)?
        if let maps {
            let key = maps.key
            let (value, result) = key.loss.valueAndDrawnMaps(
                input, parameters: key.parameters, prepared: prepared, kinds: key.kinds)
            values.append((maps.index, LossValue(loss: key.loss, parameters: key.parameters, value: value)))
            drawn = (key, result)
        }
        let pinned = pinnedMaps.map { pinned in
            (pinned.key, pinned.key.loss.valueAndDrawnMaps(
                pinned.input, parameters: pinned.key.parameters, kinds: pinned.key.kinds).maps)
        }
        return Outcome(
            revision: revision, prepared: prepared, values: values, maps: drawn, pinnedMaps: pinned,
            metrics: computesMetrics ? SegmentationMetrics(input) : nil)
    }
}
