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
    /// The `c` panel and its rows: each library's result for the selected loss, kept current while it is shown.
    public private(set) var showsConventions = false
    public private(set) var conventions: [ConventionResult] = []
    private var conventionInputs: ConventionPanel.Inputs?
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
    }

    private static func startingParameters(_ scenario: Scenario) -> [Loss: LossParameters] {
        var parameters: [Loss: LossParameters] = [:]
        for loss in Loss.catalogue(scenario.mode) {
            parameters[loss] = scenario.startingParameters[loss] ?? loss.defaultParameters
        }
        return parameters
    }

    // MARK: Derived state

    public var input: LossInput { scenario.predictions[predictionIndex].input }
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
        let inputs = showsConventions ? ConventionPanel.Inputs(self) : nil
        if inputs != conventionInputs {
            conventions = inputs == nil ? [] : ConventionPanel.results(for: self)
            conventionInputs = inputs
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
        case .closeOverlay: showsConventions = false
        case .toggleConventions: showsConventions.toggle()
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

    // MARK: Computation

    private mutating func recomputeAll() {
        prepared = PreparedInput(input)
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
        results[index] = loss.evaluate(prepared, parameters: parameters[loss], keepsGradient: false)
    }
}
