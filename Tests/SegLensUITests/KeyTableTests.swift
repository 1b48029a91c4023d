import Testing
import SegLensCore
import SegLensUI

@Suite struct KeyTableTests {
    static let sizes = [TerminalSize(rows: 24, columns: 80), TerminalSize(rows: 48, columns: 160)]

    @Test(arguments: sizes, [Capabilities.full, Capabilities.plain])
    func everyBindingAppearsInTheHelpOverlay(size: TerminalSize, capabilities: Capabilities) {
        var model = ExplorerModel(scenario: ExplorerFixtures.binary)
        _ = model.update([.character("?")])
        // Every page: → turns them (three at most at these sizes).
        var text = ""
        for _ in 0..<3 {
            text += ExplorerView.render(model, size: size, capabilities: capabilities).text
            _ = model.update([.right])
        }
        func shown(_ text: String) -> String { capabilities.unicode ? text : String(text.map(Glyphs.asciiFallback)) }
        for binding in KeyTable.bindings {
            // The digit keys are one entry, 1-9, and each preset a line of its own under the keys.
            if case let .applyPreset(number) = binding.action {
                let preset = model.scenario.preset(number)!
                #expect(text.contains("1-9    apply a preset (below)"))
                #expect(text.contains(shown("\(number)  \(preset.name)")), "preset \(number) missing from the help at \(size)")
                continue
            }
            #expect(text.contains(shown(binding.label) + " "), "\(binding.label) missing from the help at \(size)")
            #expect(text.contains(shown(binding.help)), "\(binding.help) missing from the help at \(size)")
        }
    }

    @Test func everyHintIsInTheStatusBar() {
        let model = ExplorerModel(scenario: ExplorerFixtures.twoPredictions)
        let status = ExplorerView.render(model, size: TerminalSize(rows: 24, columns: 80), capabilities: .full)
            .textLines().last!
        for hint in KeyTable.bindings.compactMap(\.hint) { #expect(status.contains(hint)) }
    }

    @Test func noKeyIsBoundTwiceAndEveryActionHasAKey() {
        let keys = KeyTable.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
        #expect(Set(KeyTable.bindings.map(\.action)) == Set(ExplorerAction.allCases))
    }

    /// Each key of each binding, pressed on a fresh model, changes what its action says it changes.
    @Test(arguments: KeyTable.bindings.flatMap { binding in binding.keys.map { (binding.action, $0) } })
    func everyKeyDispatches(action: ExplorerAction, key: Key) {
        let fresh = ExplorerModel(scenario: ExplorerFixtures.twoPredictions)
        var model = fresh
        // Put the model where the action is visible: parameters need a loss that has them, zoom-out and pan
        // need a zoomed-in view, Esc an open help overlay.
        var setup: [Key] = []
        switch action {
        case .zoomOut, .panUp, .panDown, .panLeft, .panRight: setup = [.character("+")]
        case .closeOverlay: setup = [.character("?")]
        case .selectAlpha, .previousParameter: setup = [.character("g")]
        case .reset: setup = [.right, .character("+")]
        case .resetTraining: setup = [.character("n")]
        case .fewerStepsPerFrame: setup = [.character("]")]
        default: break
        }
        _ = model.update(setup)
        let before = model
        let running = model.update([key])
        switch action {
        case .quit: #expect(!running)
        case .nextLoss: #expect(model.lossIndex == (before.lossIndex + 1) % model.losses.count)
        case .previousLoss: #expect(model.lossIndex == (before.lossIndex - 1 + model.losses.count) % model.losses.count)
        case .nextParameter, .previousParameter: #expect(model.parameterIndex != before.parameterIndex)
        case .increase, .increaseCoarse:
            #expect(model.selectedResult.value != before.selectedResult.value)
            #expect(model.parameters[model.selectedLoss]!.alpha! > before.parameters[model.selectedLoss]!.alpha!)
        case .decrease, .decreaseCoarse:
            #expect(model.parameters[model.selectedLoss]!.alpha! < before.parameters[model.selectedLoss]!.alpha!)
        case .selectAlpha: #expect(model.selectedParameter == .alpha)
        case .selectGamma: #expect(model.selectedParameter == .gamma)
        case .selectBeta, .selectSmooth:
            // Focal has neither: the key selects it on a loss that has it.
            var tversky = fresh
            _ = tversky.update([.tab, .tab, .tab, .tab, key])
            #expect(tversky.selectedLoss == .tversky)
            #expect(tversky.selectedParameter == (action == .selectBeta ? .beta : .smooth))
        case .nextHeatmap: #expect(model.heatmapMode != before.heatmapMode)
        case .nextPrediction: #expect(model.predictionIndex == 1 && model.results[0].value != before.results[0].value)
        case .reset:
            #expect(model.parameters == fresh.parameters && model.zoom == 0)
            #expect(before.zoom == 1 && before.parameters != fresh.parameters)
        case .zoomIn: #expect(model.zoom == 1)
        case .zoomOut: #expect(model.zoom == 0)
        case .panUp: #expect(model.center.row < before.center.row)
        case .panDown: #expect(model.center.row > before.center.row)
        case .panLeft: #expect(model.center.column < before.center.column)
        case .panRight: #expect(model.center.column > before.center.column)
        case .toggleHelp: #expect(model.showsHelp)
        case .closeOverlay:
            #expect(before.showsHelp && !model.showsHelp)
            _ = model.update([.character("O"), key])
            #expect(!model.showsRanking)
        case .togglePresent:
            #expect(model.presenting && !before.presenting)
            _ = model.update([key])
            #expect(!model.presenting)
        case .exportPNG:
            #expect(model.exportRequested && !before.exportRequested)
            _ = model.update([.tab])
            #expect(!model.exportRequested)
        case .toggleConventions: #expect(model.showsConventions && !before.showsConventions && !model.conventions.isEmpty)
        case .toggleExplanations: #expect(model.showsExplanations && !before.showsExplanations)
        case .repaint:
            #expect(model.needsFullRepaint && !before.needsFullRepaint)
            _ = model.update([.tab])
            #expect(!model.needsFullRepaint)
        case .nextEdit, .previousEdit:
            #expect(model.showsEditSelector && !before.showsEditSelector)
            _ = model.update([key])
            #expect(model.editSelection != before.editSelection)
        case .increaseEdit:
            // The first entry is the shift along x.
            #expect(model.edits.shiftX == 1 && model.input.logits != before.input.logits)
        case .decreaseEdit: #expect(model.edits.shiftX == -1 && model.input.logits != before.input.logits)
        case .undoEdit:
            #expect(model.message == "no edit to undo")
            _ = model.update([.character("."), key])
            #expect(model.edits == before.edits && model.input.logits == before.input.logits)
        case .togglePin:
            #expect(model.pin != nil && before.pin == nil)
            _ = model.update([key])
            #expect(model.pin == nil)
        case .toggleDifference:
            #expect(!model.showsDifference && model.message == "pin a state with P first")
            _ = model.update([.character("P"), key])
            #expect(model.showsDifference)
        case .toggleSweep: #expect(model.showsSweep && model.sweepCurve != nil)
        case .toggleRanking: #expect(model.showsRanking && model.ranking != nil)
        case .toggleTraining: #expect(model.training.isRunning && !before.training.isRunning)
        case .trainFrame: #expect(model.training.step == 1 && model.input.logits != before.input.logits)
        case .slowerLearning: #expect(model.training.learningRate < before.training.learningRate)
        case .fasterLearning: #expect(model.training.learningRate > before.training.learningRate)
        case .fewerStepsPerFrame: #expect(model.training.stepsPerFrame < before.training.stepsPerFrame)
        case .moreStepsPerFrame: #expect(model.training.stepsPerFrame > before.training.stepsPerFrame)
        case .toggleOptimizer: #expect(model.training.optimizerKind != before.training.optimizerKind)
        case .resetTraining:
            #expect(before.training.step == 1 && model.training.step == 0)
            #expect(model.input.logits == fresh.input.logits)
        case .toggleRace: #expect(model.race != nil && before.race == nil)
        case .toggleRaceLoss: #expect(model.training.raceLosses != before.training.raceLosses)
        case let .applyPreset(number):
            // The built-in preset of that number: its loss selected, marked as the preset shown.
            let preset = Preset.builtIn(.binary).first { $0.number == number }!
            #expect(model.selectedLoss == preset.loss && model.activePreset?.number == number)
        }
    }

    /// At 80×24 the bindings take two pages; → and ← turn them, and the parameters stay as they were.
    @Test func theHelpHasPagesWhenTwoColumnsDoNotFit() {
        var model = ExplorerModel(scenario: ExplorerFixtures.binary)
        let size = TerminalSize(rows: 24, columns: 80)
        _ = model.update([.character("?")])
        #expect(ExplorerView.render(model, size: size, capabilities: .full).text.contains("keys 1/2"))
        _ = model.update([.right])
        let second = ExplorerView.render(model, size: size, capabilities: .full).text
        #expect(second.contains("keys 2/2") && second.contains(KeyTable.bindings.last!.help))
        _ = model.update([.left, .escape])
        #expect(model.parameters == ExplorerModel(scenario: ExplorerFixtures.binary).parameters && !model.showsHelp)
    }

    @Test func keysAreIgnoredBehindTheHelpOverlayExceptClosingAndQuitting() {
        var model = ExplorerModel(scenario: ExplorerFixtures.binary)
        _ = model.update([.character("?"), .right, .tab, .character("m")])
        #expect(model.showsHelp && model.lossIndex == ExplorerModel(scenario: ExplorerFixtures.binary).lossIndex)
        _ = model.update([.escape])
        #expect(!model.showsHelp)
        _ = model.update([.character("?")])
        let running = model.update([.character("q")])
        #expect(!running)
    }

    /// A parameter step recomputes the selected loss only, to the value the engine gives for the new parameters.
    @Test func aStepRecomputesTheSelectedLossToTheEnginesValue() {
        var model = ExplorerModel(scenario: ExplorerFixtures.binary)
        let others = model.results
        _ = model.update([.character("g"), .right, .right, .shiftRight])
        var expected = Loss.binaryFocal.defaultParameters
        expected.gamma = 2 + 0.25 + 0.25 + 1
        #expect(model.parameters[.binaryFocal] == expected)
        #expect(agreesWithEngine(model.selectedResult.value, Loss.binaryFocal.evaluate(model.input, parameters: expected).value))
        for (index, result) in model.results.enumerated() where index != model.lossIndex {
            #expect(result.value == others[index].value)
        }
    }
}

@Suite struct MouseTests {
    @Test func theWheelNudgesTheSelectedParameter() {
        var model = ExplorerModel(scenario: ExplorerFixtures.binary)
        _ = model.update([.character("g"), .mouse(MouseEvent(kind: .wheelUp, row: 3, column: 3))])
        #expect(model.parameters[.binaryFocal]?.gamma == 2.25)
        _ = model.update([.mouse(MouseEvent(kind: .wheelDown, row: 3, column: 3)), .mouse(MouseEvent(kind: .wheelDown, row: 0, column: 0))])
        #expect(model.parameters[.binaryFocal]?.gamma == 1.75)
        _ = model.update([.mouse(MouseEvent(kind: .press(button: 1), row: 3, column: 3))])
        #expect(model.parameters[.binaryFocal]?.gamma == 1.75)
    }

    /// Positions are found in the drawn screen's text, not from the hit-testing code.
    func position(of text: String, in model: ExplorerModel, size: TerminalSize) -> (row: Int, column: Int) {
        let lines = ExplorerView.render(model, size: size, capabilities: .full).textLines()
        for (row, line) in lines.enumerated() {
            if let range = line.range(of: text) { return (row, line.distance(from: line.startIndex, to: range.lowerBound)) }
        }
        Issue.record("\(text) is not on screen")
        return (0, 0)
    }

    @Test func theWheelOverAParameterSelectsAndNudgesIt() {
        let size = TerminalSize(rows: 24, columns: 80)
        var model = ExplorerModel(scenario: ExplorerFixtures.binary)
        #expect(model.selectedParameter == .alpha)
        let gamma = position(of: "γ = 2", in: model, size: size)
        _ = model.update([.mouse(MouseEvent(kind: .wheelUp, row: gamma.row, column: gamma.column + 2))], screen: size)
        #expect(model.selectedParameter == .gamma && model.parameters[.binaryFocal]?.gamma == 2.25)
        let alpha = position(of: "α = 0.25", in: model, size: size)
        _ = model.update([.mouse(MouseEvent(kind: .wheelDown, row: alpha.row, column: alpha.column))], screen: size)
        #expect(model.selectedParameter == .alpha && model.parameters[.binaryFocal]?.alpha == 0.2)
    }

    @Test func aClickOnALossSelectsIt() {
        let size = TerminalSize(rows: 24, columns: 80)
        var model = ExplorerModel(scenario: ExplorerFixtures.binary)
        let lovasz = position(of: "lovasz-hinge", in: model, size: size)
        _ = model.update([.mouse(MouseEvent(kind: .press(button: 1), row: lovasz.row, column: lovasz.column + 3))], screen: size)
        #expect(model.selectedLoss == .lovaszHinge)
        let bce = position(of: "bce ", in: model, size: size)
        _ = model.update([.mouse(MouseEvent(kind: .wheelDown, row: bce.row, column: bce.column))], screen: size)
        #expect(model.selectedLoss == .bce)  // the wheel over the table moves on from lovasz-hinge, the last loss
    }

    @Test func theStartingPredictionIsShownFirst() {
        var scenario = ExplorerFixtures.twoPredictions
        scenario.startingPrediction = 1
        let model = ExplorerModel(scenario: scenario)
        #expect(model.predictionIndex == 1 && model.prediction.name == "shifted")
    }
}
