import SegLensCore
import SegLensUI

/// The explorer's key-to-frame time, replayed headlessly: after the `setup` keys, each timed step presses the
/// next of the `steps` keys on a model of a synthetic input (by default → and ← in turn on the first parameter of
/// the loss — γ of focal by default — so every step changes the loss) and renders the frame that would be handed
/// to curses — recompute, downsample and view, exactly what the live explorer does per key. With `training`, each
/// timed step is one training frame instead (with `race`, of the race's lanes).
enum ExplorerBench {
    static func run(
        size: Int, classes: Int, loss: Loss?, screen: TerminalSize, repeats: Int, setup: [Key] = [],
        steps: [Key] = [.right, .left], training: Bool = false, race: Bool = false
    ) -> Timing {
        HeapTuning.keepLargeBlocksInTheHeap()
        let input = SyntheticInput.make(size: size, classes: classes, seed: 2026)
        let scenario = Scenario(
            title: "bench", classNames: (0..<max(2, classes)).map(String.init),
            predictions: [Scenario.Prediction(name: "synthetic", input: input)], startingLoss: loss)
        var model = ExplorerModel(scenario: scenario)
        if training {
            // One training frame (K = 1 step of the selected loss; its maps, the metrics and as many other losses'
            // values as fit the live loop's budget again) to the finished frame: what the live loop does per tick.
            _ = model.update([.character("t")] + (race ? [.character("R")] : []))
            return Timing.measure(repeats: repeats) {
                model.advanceTraining(budget: ExploreCommand.otherLossesBudget)
                _ = ExplorerView.render(model, size: screen, capabilities: .full)
            }
        }
        if loss == nil { _ = model.update([.character("g")]) }
        _ = model.update(setup)
        var frame = 0
        return Timing.measure(repeats: repeats) {
            _ = model.update([steps[frame % steps.count]])
            frame += 1
            _ = ExplorerView.render(model, size: screen, capabilities: .full)
        }
    }
}
