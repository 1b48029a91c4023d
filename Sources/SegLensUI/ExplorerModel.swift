import SegLensCore

/// The explorer as pure state: what is selected, the parameter values, and the results they give.
///
/// ``update(_:)`` applies a batch of keys and then recomputes once, and only what the keys changed: a parameter
/// step re-evaluates the selected loss alone (its value and its maps in one pass); switching the prediction
/// re-evaluates everything. Only the selected loss keeps per-pixel maps (``selectedMaps``, Float32); the others
/// keep their value, from value-only kernels. What is left to compute is an ``ExplorerWork``: run at once, or —
/// when ``defersComputation`` — left ``pending`` for the live loop to run off its input thread.
public struct ExplorerModel: Sendable {
    public let scenario: Scenario
    public private(set) var predictionIndex: Int
    public private(set) var lossIndex: Int
    /// Index into the selected loss's ``SegLensCore/Loss/parameters``.
    public private(set) var parameterIndex = 0
    public private(set) var parameters: [Loss: LossParameters]
    /// What the heatmap shows; a change draws the selected loss's map for it (only that map is kept).
    public private(set) var heatmapMode = HeatmapMode.weight
    /// Magnification `2^zoom` of the pixel panels.
    public private(set) var zoom = 0
    /// The pixel at the centre of the panels when zoomed in, `(row, column)`.
    public private(set) var center: (row: Int, column: Int)
    public private(set) var showsHelp = false
    /// The presentation view: only the grids, the heatmap and the selected loss, in large cells (`f`, `--present`).
    public private(set) var presenting = false
    /// Set by the export key for this batch: the command writes the PNG and reports with ``say(_:)``.
    public private(set) var exportRequested = false
    /// The help page shown (the overlay takes it modulo its number of pages): ← and → turn it.
    public private(set) var helpPage = 0
    /// The `c` panel and its rows: each library's result for the selected loss, kept current while it is shown.
    public private(set) var showsConventions = false
    public private(set) var conventions: [ConventionResult] = []
    /// The `w` panel: the selected loss's formula with the current values, its parameters, the heatmap's meaning.
    public private(set) var showsExplanations = false
    private var conventionInputs: ConventionPanel.Inputs?
    /// True after an update that asked to repaint the whole screen (Ctrl-L), e.g. after line noise over SSH.
    public private(set) var needsFullRepaint = false

    /// The what-if edits of the current prediction (docs/edits.md), and the states before each change, for `u`.
    public private(set) var edits: PredictionEdits
    public private(set) var editHistory: [PredictionEdits] = []
    /// Index into ``editControls``: the edit that `.` and `,` change.
    public private(set) var editSelection = 0
    /// True once `e`/`E`/`.`/`,` were pressed: the status line then shows the selected edit.
    public private(set) var showsEditSelector = false
    /// A one-update note for the status line, e.g. why a key did nothing.
    public private(set) var message: String?
    /// Whether the last update showed another heatmap than ``heatmapMode`` (see ``shownHeatmapMode``), so that the
    /// status line says so once, when the fallback starts.
    private var showedFallback = false
    /// The number of the preset last applied (a digit key); see ``activePreset``.
    public private(set) var presetNumber: Int?

    /// State A of a comparison (`P`); `nil` when nothing is pinned.
    public private(set) var pin: PinnedState?
    /// While pinned: the panels show B − A instead of A and B.
    public private(set) var showsDifference = false
    /// The sweep panel (`v`) and its curve, kept while what it depends on does not change.
    public private(set) var showsSweep = false
    public private(set) var sweepCurve: SweepCurve?
    /// The ranking view (`o`) of a file's predictions under every loss, with the current edits and parameters.
    public private(set) var showsRanking = false
    public private(set) var ranking: PredictionRanking?

    /// One value per loss of ``losses``, for the current prediction and parameters (while ``pending``, those of
    /// the last accepted work).
    public private(set) var results: [LossValue]
    /// The selected loss's per-pixel map that the heatmap shows (none for the errors view): the only map the
    /// explorer keeps.
    public private(set) var selectedMaps: DrawnMaps
    /// What ``selectedMaps`` were drawn for.
    private var selectedMapsKey: ExplorerWork.MapsKey
    public private(set) var metrics: SegmentationMetrics
    /// Multi-class: the current prediction prepared once (softmax and per-pixel terms), so that a parameter step
    /// re-evaluates one loss from cached terms. Binary inputs keep none — their fused kernels read the logits —
    /// except the one a training frame hands over.
    private var cachedPrepared: PreparedInput?
    /// The current prediction prepared: the cached one, or prepared now (for panels that need it, e.g. `c`).
    public var prepared: PreparedInput { cachedPrepared ?? PreparedInput(input) }
    /// `σ(z)` (`H×W`) or `softmax(z)` (`C×H×W`) of the current prediction (prepared on each call unless cached).
    public var probabilities: [Double] { prepared.probabilities }
    /// The work the last update left to compute, while ``defersComputation``; `nil` when everything on screen is
    /// current.
    public private(set) var pending: ExplorerWork?
    /// Whether ``update(_:screen:)`` leaves its work ``pending`` instead of computing it (the live loop on large
    /// inputs).
    public private(set) var defersComputation = false
    /// The bytes of per-pixel arrays the model holds beyond its scenario's: the selected loss's maps, A's maps
    /// while pinned, and a cached prepared input (multi-class, or handed over by training). An edited or trained
    /// prediction (8 bytes a logit) and A's input are not counted.
    public var heldBytes: Int {
        selectedMaps.byteCount + (pin?.maps.byteCount ?? 0) + (cachedPrepared?.byteCount ?? 0)
    }
    /// What changed since the last accepted work.
    private var dirty = Dirty()
    private var workRevision = 0

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

    /// The scenario's starting edits must be valid for its starting prediction (the command line checks them with
    /// ``SegLensCore/PredictionEdits/applied(to:)-(LossInput)``); edits that fail are dropped.
    public init(scenario: Scenario) {
        self.scenario = scenario
        losses = Loss.catalogue(scenario.mode)
        lossIndex = losses.firstIndex(of: scenario.startingLoss) ?? 0
        parameters = ExplorerModel.startingParameters(scenario)
        center = (scenario.truth.height / 2, scenario.truth.width / 2)
        predictionIndex = scenario.startingPrediction
        let base = scenario.predictions[scenario.startingPrediction].input
        let edited = try? scenario.startingEdits.applied(to: base)
        edits = edited == nil ? PredictionEdits(selectedClass: scenario.startingEdits.selectedClass) : scenario.startingEdits
        input = edited ?? base
        let losses = losses, lossIndex = lossIndex, parameters = parameters, selected = losses[lossIndex]
        let key = ExplorerWork.MapsKey(
            loss: selected, parameters: parameters[selected] ?? selected.defaultParameters, revision: 0,
            mode: heatmapMode)
        let start = ExplorerWork(
            revision: 0, input: input, prepared: nil,
            values: losses.indices.filter { $0 != lossIndex }.map { (
                $0, losses[$0], parameters[losses[$0]] ?? losses[$0].defaultParameters) },
            maps: (lossIndex, key), pinnedMaps: nil, computesMetrics: true,
            signature: ExplorerWork.Signature(values: [], maps: key, pinnedMaps: nil, metrics: true)
        ).run()
        var values = [LossValue?](repeating: nil, count: losses.count)
        for (index, value) in start.values { values[index] = value }
        results = values.map { $0! }
        selectedMaps = start.maps!.maps
        selectedMapsKey = key
        metrics = start.metrics!
        cachedPrepared = start.prepared
        training = ExplorerTraining(mode: scenario.mode, keptPixels: base.keptPixels.count)
    }

    private static func startingParameters(_ scenario: Scenario) -> [Loss: LossParameters] {
        var parameters: [Loss: LossParameters] = [:]
        for loss in Loss.catalogue(scenario.mode) {
            parameters[loss] = scenario.startingParameters[loss] ?? loss.defaultParameters
        }
        return parameters
    }

    // MARK: Derived state

    /// The current prediction with the edits applied: what every loss, metric and panel shows.
    public private(set) var input: LossInput
    /// The prediction the edits apply to: the file's, or what training made of it.
    public var baseInput: LossInput { replacedInput ?? scenario.predictions[predictionIndex].input }
    public var prediction: Scenario.Prediction { scenario.predictions[predictionIndex] }
    /// The entries of the edit selector for this input.
    public var editControls: [EditControl] { EditControl.all(classes: input.logits.classes) }
    public var selectedEditControl: EditControl { editControls[min(editSelection, editControls.count - 1)] }
    public var selectedLoss: Loss { losses[lossIndex] }
    public var selectedResult: LossValue { results[lossIndex] }
    /// Whether the frame on screen waits for ``pending`` work ("computing…").
    public var isComputing: Bool { pending != nil }
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
        var batch = Batch(edits: edits, prediction: predictionIndex)
        needsFullRepaint = false
        exportRequested = false
        message = nil
        for key in keys {
            for action in actions(for: key, screen: screen) {
                guard apply(action, batch: &batch) else { return false }
            }
        }
        settle(&batch, deferring: defersComputation)
        let fallsBack = shownHeatmapMode != heatmapMode
        if fallsBack, !showedFallback {
            message = "\(selectedLoss.name) has no per-pixel loss: showing its \(shownHeatmapMode.rawValue)"
        }
        showedFallback = fallsBack
        updateViews(rankingIsStale: batch.changedResults)
        let inputs = showsConventions ? ConventionPanel.Inputs(self) : nil
        if inputs != conventionInputs {
            conventions = inputs == nil ? [] : ConventionPanel.results(for: self)
            conventionInputs = inputs
        }
        return true
    }

    /// What the actions of one batch of keys changed so far and is not computed yet: a batch is recomputed once,
    /// after its last key, or earlier when an action reads what the batch changed (a pin, a training step).
    private struct Batch {
        var dirtyLosses = Set<Loss>()
        var predictionChanged = false
        /// The edits and the prediction ``input`` was last made with.
        var edits: PredictionEdits
        var prediction: Int
        /// Whether any result changed in this batch.
        var changedResults = false
    }

    /// Brings ``input`` and the results up to date with the actions of `batch` applied so far; when `deferring`,
    /// the results are left ``pending``.
    private mutating func settle(_ batch: inout Batch, deferring: Bool = false) {
        let editsChanged = edits != batch.edits
        if editsChanged || predictionIndex != batch.prediction { applyEdits(restoringOnFailure: batch.edits) }
        if batch.predictionChanged || editsChanged {
            invalidateAll()
        } else {
            dirty.losses.formUnion(batch.dirtyLosses)
        }
        compute(deferring: deferring)
        batch.changedResults = batch.changedResults || batch.predictionChanged || editsChanged || !batch.dirtyLosses.isEmpty
        batch = Batch(edits: edits, prediction: predictionIndex, changedResults: batch.changedResults)
    }

    /// What changed since the last accepted work: every value (a new prediction), or the values of some losses.
    private struct Dirty {
        var everything = false
        var losses = Set<Loss>()
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
        _ action: ExplorerAction, batch: inout Batch
    ) -> Bool {
        if showsHelp && action != .quit && action != .toggleHelp && action != .repaint {
            if action == .closeOverlay { showsHelp = false }
            if action == .increase { helpPage += 1 }
            if action == .decrease { helpPage -= 1 }
            return true
        }
        if action == .closeOverlay { showsRanking = false }
        switch action {
        case .quit: return false
        case .toggleHelp:
            showsHelp.toggle()
            helpPage = 0
        case .closeOverlay:
            showsConventions = false
            showsExplanations = false
        case .toggleConventions:
            showsConventions.toggle()
            if showsConventions { showsExplanations = false }
        case .toggleExplanations:
            showsExplanations.toggle()
            if showsExplanations { showsConventions = false }
        case .togglePresent: presenting.toggle()
        case .exportPNG: exportRequested = true
        case .repaint: needsFullRepaint = true
        case .nextLoss: selectLoss(lossIndex + 1)
        case .previousLoss: selectLoss(lossIndex - 1)
        case .nextParameter: moveParameterSelection(by: 1)
        case .previousParameter: moveParameterSelection(by: -1)
        case .increase, .decrease, .increaseCoarse, .decreaseCoarse:
            let direction = action == .increase || action == .increaseCoarse ? 1 : -1
            if step(direction: direction, coarse: action == .increaseCoarse || action == .decreaseCoarse) {
                batch.dirtyLosses.insert(selectedLoss)
            }
        case .selectAlpha: select(.alpha)
        case .selectGamma: select(.gamma)
        case .selectBeta: select(.beta)
        case .selectSmooth: select(.smooth)
        case .nextHeatmap:
            // Only the views the selected loss has: a region loss has no per-pixel loss.
            repeat { heatmapMode = heatmapMode.next } while !hasHeatmap(heatmapMode)
        case .nextPrediction:
            if scenario.predictions.count > 1 {
                predictionIndex = (predictionIndex + 1) % scenario.predictions.count
                resetTraining()
                predictionRevision += 1
                batch.predictionChanged = true
            }
        case .reset:
            let defaults = ExplorerModel.startingParameters(scenario)
            for loss in losses where parameters[loss] != defaults[loss] { batch.dirtyLosses.insert(loss) }
            parameters = defaults
            zoom = 0
            center = (scenario.truth.height / 2, scenario.truth.width / 2)
        case .zoomIn: if (1 << (zoom + 1)) <= max(scenario.truth.height, scenario.truth.width) { zoom += 1 }
        case .zoomOut: zoom = max(0, zoom - 1)
        case .panUp: pan(rows: -1, columns: 0)
        case .panDown: pan(rows: 1, columns: 0)
        case .panLeft: pan(rows: 0, columns: -1)
        case .panRight: pan(rows: 0, columns: 1)
        case .nextEdit, .previousEdit:
            let count = editControls.count
            if showsEditSelector { editSelection = (editSelection + (action == .nextEdit ? 1 : count - 1)) % count }
            showsEditSelector = true
        case .increaseEdit, .decreaseEdit:
            showsEditSelector = true
            let stepped = selectedEditControl.step(
                edits, direction: action == .increaseEdit ? 1 : -1, classes: input.logits.classes)
            if stepped != edits {
                editHistory.append(edits)
                edits = stepped
            }
        case .undoEdit:
            if let last = editHistory.popLast() { edits = last } else { message = "no edit to undo" }
        case .togglePin:
            if pin == nil {
                settle(&batch)
                pin = PinnedState(input: input, results: results, maps: selectedMaps, mapsKey: ExplorerWork.MapsKey(
                    loss: selectedLoss, parameters: results[lossIndex].parameters, revision: -1, mode: shownHeatmapMode))
                message = "pinned as A: change anything, P again unpins"
            } else {
                pin = nil
                showsDifference = false
            }
        case .toggleDifference:
            if pin == nil { message = "pin a state with P first" } else { showsDifference.toggle() }
        case .toggleSweep:
            showsSweep.toggle()
        case .toggleRanking:
            if scenario.predictions.count < 2 {
                message = "ranking needs a file with two or more predictions"
            } else {
                showsRanking.toggle()
            }
        case let .applyPreset(number):
            guard let preset = scenario.preset(number) else {
                let numbers = scenario.presets.map { String($0.number) }.joined(separator: " ")
                message = "no preset \(number)" + (numbers.isEmpty ? "" : " (presets: \(numbers))")
                return true
            }
            applyPreset(preset)
            batch.dirtyLosses.insert(preset.loss)
        case .toggleTraining, .trainFrame, .slowerLearning, .fasterLearning, .fewerStepsPerFrame, .moreStepsPerFrame,
             .toggleOptimizer, .resetTraining, .toggleRace, .toggleRaceLoss:
            settle(&batch)
            if applyTraining(action) { batch.predictionChanged = true }
        }
        return true
    }

    /// Selects the preset's loss, sets its parameters to the starting values with the preset's over them, and
    /// selects the first parameter it sets.
    private mutating func applyPreset(_ preset: Preset) {
        guard let index = losses.firstIndex(of: preset.loss) else { return }
        lossIndex = index
        parameters[preset.loss] = preset.applied(to: ExplorerModel.startingParameters(scenario)[preset.loss] ?? preset.loss.defaultParameters)
        parameterIndex = preset.settings.first.flatMap { preset.loss.parameters.firstIndex(of: $0) } ?? 0
        presetNumber = preset.number
    }

    /// Whether the selected loss has the heatmap `mode`: every loss but the region losses has a per-pixel loss.
    public func hasHeatmap(_ mode: HeatmapMode) -> Bool {
        mode != .loss || selectedLoss.isPixelwise
    }

    /// The heatmap on screen: ``heatmapMode`` when the selected loss has it, else the nearest one it has (the
    /// weight, for the loss view of a region loss); the chosen mode comes back with a loss that has it.
    public var shownHeatmapMode: HeatmapMode {
        hasHeatmap(heatmapMode) ? heatmapMode : .weight
    }

    /// The preset last applied while the screen still shows it: its loss selected with its values.
    public var activePreset: Preset? {
        guard let number = presetNumber, let preset = scenario.preset(number), preset.loss == selectedLoss else { return nil }
        let start = ExplorerModel.startingParameters(scenario)[preset.loss] ?? preset.loss.defaultParameters
        return parameters[preset.loss] == preset.applied(to: start) ? preset : nil
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
        dirty.losses.insert(selectedLoss)
        compute(deferring: false)
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
            evaluationCosts[loss] = clock.measure {
                dirty.losses.insert(loss)
                compute(deferring: false)
            }
            staleLosses.remove(loss)
            laggingLosses.remove(loss)
            refreshCursor = (cursor + offset + 1) % others.count
        }
    }

    /// Records the training speed the live loop measured, for the status line.
    public mutating func recordTrainingSpeed(stepsPerSecond: Double) {
        training.record(stepsPerSecond: stepsPerSecond)
    }

    /// Training's prediction becomes the one on screen; edits active until then are part of it from now on (they
    /// were what training started from), so they are cleared rather than applied twice.
    private mutating func setCurrentPrediction(_ newInput: LossInput?) {
        replacedInput = newInput
        if newInput != nil, !edits.isIdentity {
            edits = PredictionEdits(selectedClass: edits.selectedClass)
            editHistory = []
            message = "the edits are now part of the trained prediction"
        }
        input = (try? edits.applied(to: baseInput)) ?? baseInput
        trainedResult = nil
        predictionRevision += 1
    }

    /// The prediction on screen after an edit or a change of prediction: the edits applied to ``baseInput``;
    /// edits that make a logit non-finite are undone (back to `previous`) with a message.
    private mutating func applyEdits(restoringOnFailure previous: PredictionEdits) {
        let base = baseInput
        do {
            input = try edits.applied(to: base)
        } catch {
            message = "edit refused: \(error)"
            edits = previous
            if editHistory.last == previous { editHistory.removeLast() }
            input = (try? edits.applied(to: base)) ?? base
        }
        predictionRevision += 1
    }

    /// Applies a training action; returns whether the prediction on screen changed.
    private mutating func applyTraining(_ action: ExplorerAction) -> Bool {
        switch action {
        case .toggleTraining:
            training.toggleRunning()
            // Stopped: a binary input needs no prepared input (its kernels read the logits).
            if !training.isRunning, input.mode == .binary { cachedPrepared = nil }
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
        cachedPrepared = next.prepared
        preparedRevision = predictionRevision
        trainedResult = next.result
        return true
    }

    private mutating func startRace(from start: LossInput) {
        race = ExplorerRace(
            start: cachedPrepared.flatMap { start.logits == $0.input.logits ? $0 : nil } ?? PreparedInput(start), losses: training.raceLosses.filter { $0.mode == scenario.mode }, parameters: parameters,
            optimizer: training.freshOptimizer)
    }

    /// Back to the file's prediction at step 0; leaves the race.
    private mutating func resetTraining() {
        if replacedInput != nil { setCurrentPrediction(nil) }
        training.resetRun()
        race = nil
    }

    // MARK: Computation

    /// Everything is to be evaluated again on the prediction on screen (a new prediction, edits, training).
    private mutating func invalidateAll() {
        // A binary input keeps no prepared input once training stops (its kernels read the logits).
        if preparedRevision != predictionRevision || (input.mode == .binary && !training.isRunning) { cachedPrepared = nil }
        staleLosses = []
        laggingLosses = []
        dirty.everything = true
    }

    /// Evaluates everything on the prediction on screen.
    private mutating func recomputeAll() {
        invalidateAll()
        compute(deferring: false)
    }

    /// The maps the heatmap needs now: the selected loss's, with its parameters, for the prediction on screen.
    private var neededMapsKey: ExplorerWork.MapsKey {
        ExplorerWork.MapsKey(
            loss: selectedLoss, parameters: parameters[selectedLoss] ?? selectedLoss.defaultParameters,
            revision: predictionRevision, mode: shownHeatmapMode)
    }

    /// Makes the work of what is dirty and runs it, or leaves it ``pending`` when `deferring`.
    private mutating func compute(deferring: Bool) {
        let mapsKey = neededMapsKey
        var trained: LossResult?
        if let result = trainedResult, result.loss == mapsKey.loss, result.parameters == mapsKey.parameters {
            trained = result  // the training frame computed the selected loss anyway
        }
        trainedResult = nil
        let needsMaps = mapsKey != selectedMapsKey && trained == nil
        let pinnedKey = pin.map { pin in
            ExplorerWork.MapsKey(
                loss: selectedLoss, parameters: pin.results[lossIndex].parameters, revision: -1, mode: shownHeatmapMode)
        }
        let needsPinnedMaps = pinnedKey != nil && pinnedKey != pin?.mapsKey
        var valueIndices = dirty.everything ? Array(losses.indices) : losses.indices.filter { dirty.losses.contains(losses[$0]) }
        if needsMaps || trained != nil { valueIndices.removeAll { $0 == lossIndex } }
        if let trained {
            results[lossIndex] = LossValue(trained)
            selectedMaps = DrawnMaps(trained, kinds: mapsKey.kinds)
            selectedMapsKey = mapsKey
        }
        guard !valueIndices.isEmpty || needsMaps || needsPinnedMaps || dirty.everything else {
            pending = nil
            dirty = Dirty()
            return
        }
        let values = valueIndices.map { ($0, losses[$0], parameters[losses[$0]] ?? losses[$0].defaultParameters) }
        let signature = ExplorerWork.Signature(
            values: values.map { ExplorerWork.MapsKey(loss: $0.1, parameters: $0.2, revision: predictionRevision) },
            maps: needsMaps ? mapsKey : nil, pinnedMaps: needsPinnedMaps ? pinnedKey : nil, metrics: dirty.everything)
        // Keys that change nothing computed (a pan, a zoom) leave the work in flight as it is.
        if deferring, let pending, pending.signature == signature { return }
        workRevision += 1
        let work = ExplorerWork(
            revision: workRevision, input: input, prepared: preparedRevision == predictionRevision ? cachedPrepared : nil,
            values: values, maps: needsMaps ? (lossIndex, mapsKey) : nil,
            pinnedMaps: needsPinnedMaps ? (pin!.input, pinnedKey!) : nil,
            computesMetrics: dirty.everything, signature: signature)
        if deferring {
            pending = work  // the old maps stay: the stale frame draws them until the outcome comes
        } else {
            // Computed here and now: the old maps go first, so that two sets are never held at once.
            if needsMaps { selectedMaps = .none }
            accept(work.run())
        }
    }

    /// Leaves the work of later updates ``pending`` (`true`), or computes it in ``update(_:screen:)`` (`false`, the
    /// default; then any pending work is computed now).
    public mutating func setDefersComputation(_ defers: Bool) {
        defersComputation = defers
        if !defers { computePending() }
    }

    /// Computes ``pending`` work here and now (e.g. before an export, which must show the current state).
    public mutating func computePending() {
        if let pending { accept(pending.run()) }
    }

    /// Takes the outcome of ``pending`` work computed elsewhere. Returns `false`, and drops it, when it is stale:
    /// a later update made newer work (which is then ``pending``).
    @discardableResult
    public mutating func accept(_ outcome: ExplorerWork.Outcome) -> Bool {
        guard outcome.revision == workRevision else { return false }
        for (index, value) in outcome.values { results[index] = value }
        if let (key, maps) = outcome.maps {
            selectedMaps = maps
            selectedMapsKey = key
        }
        if let (key, maps) = outcome.pinnedMaps {
            pin?.maps = maps
            pin?.mapsKey = key
        }
        if let metrics = outcome.metrics { self.metrics = metrics }
        if input.mode == .multiclass, let prepared = outcome.prepared, prepared.input.logits == input.logits {
            cachedPrepared = prepared
            preparedRevision = predictionRevision
        }
        pending = nil
        dirty = Dirty()
        return true
    }

    /// Brings the sweep curve and the ranking up to date with what is shown; both are computed only while their
    /// view is open, and the curve only when what it depends on changed.
    private mutating func updateViews(rankingIsStale: Bool) {
        if showsSweep, let parameter = selectedParameter {
            var others = parameters[selectedLoss] ?? selectedLoss.defaultParameters
            others[parameter] = selectedLoss.defaultParameters[parameter]
            let key = SweepCurve.Key(
                loss: selectedLoss, parameter: parameter, otherParameters: others, prediction: predictionIndex, edits: edits)
            if sweepCurve?.key != key { sweepCurve = SweepCurve(key: key, input: input) }
        }
        if !showsRanking { ranking = nil }
        if showsRanking, ranking == nil || rankingIsStale {
            let edited = scenario.predictions.map { (try? edits.applied(to: $0.input)) ?? $0.input }
            ranking = PredictionRanking(
                predictions: edited, losses: losses.map { ($0, parameters[$0] ?? $0.defaultParameters) })
        }
    }

}

extension ExplorerModel {
    /// Shows `text` in the status line until the next key (what the command did for the last key, e.g. an export).
    public mutating func say(_ text: String) {
        message = text
    }

    /// Turns the presentation view on or off (the `--present` option; `f` toggles it).
    public mutating func setPresenting(_ on: Bool) {
        presenting = on
    }
}

extension ExplorerModel {
    /// Shows `state` (from ``ExplorerState/parse(_:scenario:)`` for this scenario): loss, parameters,
    /// prediction, edits, heatmap mode, zoom and the presentation view. Overlays and training are left as they are.
    public mutating func restore(_ state: ExplorerState) {
        presetNumber = state.preset
        lossIndex = losses.firstIndex(of: state.loss) ?? lossIndex
        parameterIndex = state.parameterIndex
        for loss in losses { parameters[loss] = state.parameters[loss] ?? parameters[loss] }
        if state.prediction != predictionIndex, scenario.predictions.indices.contains(state.prediction) {
            predictionIndex = state.prediction
            resetTraining()
        }
        heatmapMode = state.heatmapMode
        zoom = state.zoom
        center = (state.centerRow, state.centerColumn)
        presenting = state.presenting
        let previous = edits
        edits = state.edits
        editHistory = []
        applyEdits(restoringOnFailure: previous)
        recomputeAll()
        updateViews(rankingIsStale: true)
    }
}
