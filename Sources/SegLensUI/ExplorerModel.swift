import SegLensCore

/// The explorer as pure state: what is selected, the parameter values, and the results they give.
///
/// ``update(_:)`` applies a batch of keys and then recomputes once, and only what the keys changed: a parameter
/// step re-evaluates the selected loss alone; switching the prediction re-evaluates everything.
public struct ExplorerModel: Sendable {
    public let scenario: Scenario
    public private(set) var predictionIndex: Int
    public private(set) var lossIndex: Int
    /// Index into the selected loss's ``SegLensCore/Loss/parameters``.
    public private(set) var parameterIndex = 0
    public private(set) var parameters: [Loss: LossParameters]
    public private(set) var heatmapMode = HeatmapMode.weight
    /// Magnification `2^zoom` of the pixel panels.
    public private(set) var zoom = 0
    /// The pixel at the centre of the panels when zoomed in, `(row, column)`.
    public private(set) var center: (row: Int, column: Int)
    public private(set) var showsHelp = false
    /// True after an update that asked to repaint the whole screen (Ctrl-L), e.g. after line noise over SSH.
    public private(set) var needsFullRepaint = false

    /// One result per loss of ``losses``, for the current prediction and parameters; the maps only (the heatmap
    /// shows the gradient's per-pixel norm, so the C×H×W gradient is not kept).
    public private(set) var results: [LossResult]
    public private(set) var metrics: SegmentationMetrics
    /// The current prediction, prepared once so that a parameter step re-evaluates one loss from cached terms.
    public private(set) var prepared: PreparedInput
    /// `σ(z)` (`H×W`) or `softmax(z)` (`C×H×W`) of the current prediction.
    public var probabilities: [Double] { prepared.probabilities }

    public let losses: [Loss]
    /// Gradient descent on the current prediction, and the losses of the race.
    public private(set) var training: ExplorerTraining
    /// The race view, while it is shown.
    public private(set) var race: ExplorerRace?
    /// The current prediction when training replaced the file's (see ``replaceCurrentPrediction(_:)``).
    private var replacedInput: LossInput?
    /// Counts replacements of the current prediction, so that cached panels of an earlier one are never shown.
    public private(set) var predictionRevision = 0
    /// The revision ``prepared`` was made for: training hands over the prediction it prepared anyway.
    private var preparedRevision = 0
    /// Losses whose value on screen is from an earlier step: while training runs against a time budget
    /// (``advanceTraining(budget:)``), the losses too slow for it; recomputed when training stops.
    public private(set) var staleLosses: Set<Loss> = []
    /// The last time each loss took to evaluate during training, and where the round of the others goes on.
    private var evaluationCosts: [Loss: Duration] = [:]
    /// Losses whose value on screen is not that of the prediction on screen (the budget left them for a later
    /// frame); recomputed when training stops.
    private var laggingLosses: Set<Loss> = []
    /// The selected loss's result that the last training frame computed anyway, until it is used.
    private var trainedResult: LossResult?
    private var refreshCursor = 0
    /// Memo of the panels that parameters do not change; it holds only what the view would compute anyway.
    let dotCache = DotCache()

    public init(scenario: Scenario) {
        self.scenario = scenario
        losses = Loss.catalogue(scenario.mode)
        lossIndex = losses.firstIndex(of: scenario.startingLoss) ?? 0
        parameters = ExplorerModel.startingParameters(scenario)
        center = (scenario.truth.height / 2, scenario.truth.width / 2)
        predictionIndex = scenario.startingPrediction
        let first = scenario.predictions[scenario.startingPrediction].input
        prepared = PreparedInput(first)
        metrics = SegmentationMetrics(first)
        results = ExplorerModel.evaluate(losses, on: prepared, parameters: parameters)
        training = ExplorerTraining(mode: scenario.mode, keptPixels: first.keptPixels.count)
    }

    private static func startingParameters(_ scenario: Scenario) -> [Loss: LossParameters] {
        var parameters: [Loss: LossParameters] = [:]
        for loss in Loss.catalogue(scenario.mode) {
            parameters[loss] = scenario.startingParameters[loss] ?? loss.defaultParameters
        }
        return parameters
    }

    // MARK: Derived state

    /// The prediction on screen: the file's, or what training made of it.
    public var input: LossInput { replacedInput ?? scenario.predictions[predictionIndex].input }
    public var prediction: Scenario.Prediction { scenario.predictions[predictionIndex] }
    public var selectedLoss: Loss { losses[lossIndex] }
    public var selectedResult: LossResult { results[lossIndex] }
    /// The selected parameter, or `nil` for a loss without parameters.
    public var selectedParameter: LossParameter? {
        let list = selectedLoss.parameters
        return list.isEmpty ? nil : list[min(parameterIndex, list.count - 1)]
    }

    // MARK: Update

    /// Applies the keys in order and recomputes once. Returns `false` when a key asked to quit.
    ///
    /// Mouse events need the `screen` size, to find what is under the pointer: the wheel over a parameter selects
    /// and nudges it, over the loss table it moves the selection, elsewhere it nudges the selected parameter; a
    /// click selects the loss or parameter under it.
    public mutating func update(_ keys: [Key], screen: TerminalSize? = nil) -> Bool {
        var dirtyLosses = Set<Loss>(), predictionChanged = false
        needsFullRepaint = false
        for key in keys {
            for action in actions(for: key, screen: screen) {
                guard apply(action, dirtyLosses: &dirtyLosses, predictionChanged: &predictionChanged) else { return false }
            }
        }
        if predictionChanged {
            recomputeAll()
        } else {
            for loss in dirtyLosses { recompute(loss) }
        }
        return true
    }

    /// The actions of a key; a mouse event may first select what is under it.
    private mutating func actions(for key: Key, screen: TerminalSize?) -> [ExplorerAction] {
        guard case let .mouse(event) = key else { return KeyTable.action(for: key).map { [$0] } ?? [] }
        let target = screen.flatMap { ExplorerView.target(at: event.row, column: event.column, model: self, size: $0) }
        switch (target, event.kind) {
        case let (.parameter(parameter)?, kind):
            select(parameter)
            return kind == .wheelUp ? [.increase] : kind == .wheelDown ? [.decrease] : []
        case let (.loss(index)?, .press(button: 1)):
            selectLoss(index)
            return []
        case (.loss?, .wheelUp): return [.previousLoss]
        case (.loss?, .wheelDown): return [.nextLoss]
        case (_, .wheelUp): return [.increase]
        case (_, .wheelDown): return [.decrease]
        default: return []
        }
    }

    /// Applies one action; returns `false` for quit.
    private mutating func apply(
        _ action: ExplorerAction, dirtyLosses: inout Set<Loss>, predictionChanged: inout Bool
    ) -> Bool {
        if showsHelp && action != .quit && action != .toggleHelp && action != .repaint {
            if action == .closeOverlay { showsHelp = false }
            return true
        }
        switch action {
        case .quit: return false
        case .toggleHelp: showsHelp.toggle()
        case .closeOverlay: break
        case .repaint: needsFullRepaint = true
        case .nextLoss: selectLoss(lossIndex + 1)
        case .previousLoss: selectLoss(lossIndex - 1)
        case .nextParameter: moveParameterSelection(by: 1)
        case .previousParameter: moveParameterSelection(by: -1)
        case .increase, .decrease, .increaseCoarse, .decreaseCoarse:
            let direction = action == .increase || action == .increaseCoarse ? 1 : -1
            if step(direction: direction, coarse: action == .increaseCoarse || action == .decreaseCoarse) {
                dirtyLosses.insert(selectedLoss)
            }
        case .selectAlpha: select(.alpha)
        case .selectGamma: select(.gamma)
        case .selectBeta: select(.beta)
        case .selectSmooth: select(.smooth)
        case .nextHeatmap: heatmapMode = heatmapMode.next
        case .nextPrediction:
            if scenario.predictions.count > 1 {
                predictionIndex = (predictionIndex + 1) % scenario.predictions.count
                resetTraining()
                predictionRevision += 1
                predictionChanged = true
            }
        case .reset:
            let defaults = ExplorerModel.startingParameters(scenario)
            for loss in losses where parameters[loss] != defaults[loss] { dirtyLosses.insert(loss) }
            parameters = defaults
            zoom = 0
            center = (scenario.truth.height / 2, scenario.truth.width / 2)
        case .zoomIn: if (1 << (zoom + 1)) <= max(scenario.truth.height, scenario.truth.width) { zoom += 1 }
        case .zoomOut: zoom = max(0, zoom - 1)
        case .panUp: pan(rows: -1, columns: 0)
        case .panDown: pan(rows: 1, columns: 0)
        case .panLeft: pan(rows: 0, columns: -1)
        case .panRight: pan(rows: 0, columns: 1)
        case .toggleTraining, .trainFrame, .slowerLearning, .fasterLearning, .fewerStepsPerFrame, .moreStepsPerFrame,
             .toggleOptimizer, .resetTraining, .toggleRace, .toggleRaceLoss:
            if applyTraining(action) { predictionChanged = true }
        }
        return true
    }

    private mutating func selectLoss(_ index: Int) {
        lossIndex = (index + losses.count) % losses.count
        parameterIndex = 0
    }

    private mutating func moveParameterSelection(by offset: Int) {
        let count = selectedLoss.parameters.count
        guard count > 0 else { return }
        parameterIndex = (parameterIndex + offset + count) % count
    }

    private mutating func select(_ parameter: LossParameter) {
        if let index = selectedLoss.parameters.firstIndex(of: parameter) { parameterIndex = index }
    }

    /// Steps the selected parameter; returns whether its value changed.
    private mutating func step(direction: Int, coarse: Bool) -> Bool {
        guard let parameter = selectedParameter, var values = parameters[selectedLoss] else { return false }
        let old = values[parameter]
        let new = ParameterStepper.step(old, parameter: parameter, loss: selectedLoss, direction: direction, coarse: coarse)
        guard new != old else { return false }
        values[parameter] = new
        parameters[selectedLoss] = values
        return true
    }

    /// Moves the centre by a quarter of the visible region.
    private mutating func pan(rows: Int, columns: Int) {
        let height = scenario.truth.height, width = scenario.truth.width
        let stepRows = max(1, (height >> zoom) / 4), stepColumns = max(1, (width >> zoom) / 4)
        center = (
            min(max(center.row + rows * stepRows, 0), height - 1),
            min(max(center.column + columns * stepColumns, 0), width - 1)
        )
    }

    // MARK: Training

    /// Replaces the prediction on screen (the file's stays in the scenario) and recomputes every loss, map and
    /// metric: the one path by which training changes what is shown.
    public mutating func replaceCurrentPrediction(_ newInput: LossInput) {
        setCurrentPrediction(newInput)
        recomputeAll()
    }

    /// One training frame if training runs: the live loop's tick.
    ///
    /// Without a `budget` every loss, map and metric is recomputed. With one (the live loop at large inputs) the
    /// selected loss, its maps and the metrics are, and the other losses' values in turn, as many as fit in
    /// `budget` by what each took last time; a loss that alone does not fit stays in ``staleLosses`` until
    /// training stops.
    public mutating func advanceTraining(budget: Duration? = nil) {
        guard training.isRunning, trainFrame() else { return }
        guard let budget else {
            recomputeAll()
            return
        }
        metrics = SegmentationMetrics(input)
        recompute(selectedLoss)
        let clock = ContinuousClock(), start = clock.now
        let others = losses.filter { $0 != selectedLoss }, cursor = refreshCursor
        laggingLosses = Set(others)
        for offset in others.indices {
            let loss = others[(cursor + offset) % others.count]
            let cost = evaluationCosts[loss] ?? .zero
            if cost > budget {
                staleLosses.insert(loss)
                continue
            }
            if clock.now - start + cost > budget { break }
            evaluationCosts[loss] = clock.measure { recompute(loss) }
            staleLosses.remove(loss)
            laggingLosses.remove(loss)
            refreshCursor = (cursor + offset + 1) % others.count
        }
    }

    /// Records the training speed the live loop measured, for the status line.
    public mutating func recordTrainingSpeed(stepsPerSecond: Double) {
        training.record(stepsPerSecond: stepsPerSecond)
    }

    private mutating func setCurrentPrediction(_ newInput: LossInput?) {
        replacedInput = newInput
        trainedResult = nil
        predictionRevision += 1
    }

    /// Applies a training action; returns whether the prediction on screen changed.
    private mutating func applyTraining(_ action: ExplorerAction) -> Bool {
        switch action {
        case .toggleTraining:
            training.toggleRunning()
            if !training.isRunning, !laggingLosses.isEmpty { return true }  // recompute what the budget left out
        case .trainFrame: return trainFrame()
        case .slowerLearning, .fasterLearning: training.changeLearningRate(up: action == .fasterLearning)
        case .fewerStepsPerFrame, .moreStepsPerFrame: training.changeStepsPerFrame(up: action == .moreStepsPerFrame)
        case .toggleOptimizer:
            training.toggleOptimizer()
            if race != nil { startRace(from: race?.start ?? input) }
        case .resetTraining:
            if let race {
                startRace(from: race.start)
                return false
            }
            let changed = replacedInput != nil
            resetTraining()
            return changed
        case .toggleRace:
            if race == nil { startRace(from: input) } else { race = nil }
        case .toggleRaceLoss:
            training.toggleRaceLoss(selectedLoss)
            if let race { startRace(from: race.start) }
        default: break
        }
        return false
    }

    /// One frame: `K` steps on the prediction on screen under the selected loss, or in every lane of the race.
    /// Returns whether the prediction on screen changed.
    private mutating func trainFrame() -> Bool {
        if var race {
            race.trainFrame(steps: training.stepsPerFrame, parameters: parameters, learningRate: training.learningRate)
            self.race = race
            return false
        }
        let loss = selectedLoss
        let next = training.trainFrame(prepared, loss: loss, parameters: parameters[loss] ?? loss.defaultParameters)
        setCurrentPrediction(next.prepared.input)
        prepared = next.prepared
        preparedRevision = predictionRevision
        var shown = next.result
        shown.gradient = []  // the table keeps maps only
        trainedResult = shown
        return true
    }

    private mutating func startRace(from start: LossInput) {
        race = ExplorerRace(
            start: start.logits == prepared.input.logits ? prepared : PreparedInput(start), losses: training.raceLosses.filter { $0.mode == scenario.mode }, parameters: parameters,
            optimizer: training.freshOptimizer)
    }

    /// Back to the file's prediction at step 0; leaves the race.
    private mutating func resetTraining() {
        if replacedInput != nil { setCurrentPrediction(nil) }
        training.resetRun()
        race = nil
    }

    // MARK: Computation

    private mutating func recomputeAll() {
        if preparedRevision != predictionRevision {
            prepared = PreparedInput(input)
            preparedRevision = predictionRevision
        }
        staleLosses = []
        laggingLosses = []
        trainedResult = nil
        metrics = SegmentationMetrics(input)
        results = ExplorerModel.evaluate(losses, on: prepared, parameters: parameters)
    }

    private static func evaluate(
        _ losses: [Loss], on prepared: PreparedInput, parameters: [Loss: LossParameters]
    ) -> [LossResult] {
        losses.map { $0.evaluate(prepared, parameters: parameters[$0], keepsGradient: false) }
    }

    private mutating func recompute(_ loss: Loss) {
        guard let index = losses.firstIndex(of: loss) else { return }
        if let trained = trainedResult, trained.loss == loss, trained.parameters == parameters[loss] {
            results[index] = trained
        } else {
            results[index] = loss.evaluate(prepared, parameters: parameters[loss], keepsGradient: false)
        }
        trainedResult = nil
    }
}
