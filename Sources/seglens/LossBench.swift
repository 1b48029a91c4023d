import SegLensCore

/// The timings of `seglens bench` for losses on one input, all in one run: the one-pass floor, then per loss the
/// warm path (``Loss/valueAndGradient(_:parameters:into:)`` into a buffer reused across runs, the heap keeping its
/// pages), eval's path with every per-pixel map (``Loss/evaluate(_:parameters:)``, warm heap), and last the cold
/// path (the warm path's work into a fresh buffer, with the heap's free memory handed back to the kernel before
/// each run, so that its pages fault in again as in a fresh process); and, for the losses with a Float kernel, the
/// warm path in Floats (`precision: .float`).
enum LossBench {
    struct Row {
        var name: String
        var mode: String
        var size: Int
        var classes: Int
        var floor: Timing
        var warm: Timing
        /// The warm path with `precision: .float`, for losses with a Float kernel.
        var warmFloat: Timing?
        var cold: Timing
        var maps: Timing

        var warmMultiple: Double { warm.median / floor.median }
        var warmFloatMultiple: Double? { warmFloat.map { $0.median / floor.median } }
        /// Whether the Float warm path is the faster one.
        var fastestIsFloat: Bool { warmFloat.map { $0.median < warm.median } ?? false }
        /// The faster warm path.
        var fastest: Timing { fastestIsFloat ? warmFloat ?? warm : warm }
        var coldMultiple: Double { cold.median / floor.median }
        var mapsMultiple: Double { maps.median / floor.median }
    }

    static func run(_ input: LossInput, losses: [(loss: Loss, parameters: LossParameters)], repeats: Int) -> [Row] {
        HeapTuning.keepLargeBlocksInTheHeap()
        var gradient: [Double] = []
        let floor = Timing.measure(repeats: repeats) { _ = OnePassFloor.run(input, into: &gradient) }
        let warm = losses.map { loss, parameters in
            (Timing.measure(repeats: repeats) { _ = loss.valueAndGradient(input, parameters: parameters, into: &gradient) },
             Timing.measure(repeats: repeats) { _ = loss.evaluate(input, parameters: parameters) },
             loss.hasFloatKernel ? Timing.measure(repeats: repeats) {
                 _ = loss.valueAndGradient(input, parameters: parameters, precision: .float, into: &gradient)
             } : nil)
        }
        gradient = []
        HeapTuning.useFreshMemoryForLargeBlocks()
        defer { HeapTuning.keepLargeBlocksInTheHeap() }
        let cold = losses.map { loss, parameters in
            Timing.measure(repeats: repeats, prepare: HeapTuning.releaseFreeMemory) {
                var fresh: [Double] = []
                _ = loss.valueAndGradient(input, parameters: parameters, into: &fresh)
            }
        }
        return losses.indices.map { index in
            Row(name: losses[index].loss.name, mode: input.mode.rawValue, size: input.width, classes: input.logits.classes,
                floor: floor, warm: warm[index].0, warmFloat: warm[index].2, cold: cold[index], maps: warm[index].1)
        }
    }
}
