import Testing
import SegLensCore
import SegLensUI

/// Training in the explorer: what the keys do to the prediction on screen, η and K, the optimizer, resets, and
/// the race — each checked against a ``TrainingRun`` driven directly (itself checked against finite differences).
@Suite struct ExplorerTrainingTests {
    func model(_ scenario: Scenario = ExplorerFixtures.binary, keys: String) -> ExplorerModel {
        var model = ExplorerModel(scenario: scenario)
        _ = model.update(try! Key.parseTokens(keys))
        return model
    }

    /// The logits after `steps` steps of `loss` from the scenario's prediction.
    func trained(_ scenario: Scenario, loss: Loss, parameters: LossParameters? = nil, kind: OptimizerKind = .sgd,
                 learningRate: Double, steps: Int) -> [Double] {
        var run = TrainingRun(
            input: scenario.predictions[0].input, loss: loss, parameters: parameters,
            optimizer: LogitOptimizer(kind: kind, learningRate: learningRate))
        run.advance(by: steps)
        return run.input.logits.values
    }

    @Test func eachFrameIsKStepsOfTheSelectedLossOnThePredictionOnScreen() {
        // 59 kept pixels: SGD's default η is 59 on the 1-2-5 ladder, i.e. 50.
        let one = model(keys: "n")
        #expect(one.training.learningRate == 50)
        #expect(one.training.step == 1)
        #expect(one.input.logits.values == trained(ExplorerFixtures.binary, loss: .binaryFocal, learningRate: 50, steps: 1))
        // ] doubles K: two more frames are four more steps.
        let more = model(keys: "n ] n n")
        #expect(more.training.stepsPerFrame == 2 && more.training.step == 5)
        #expect(more.input.logits.values == trained(ExplorerFixtures.binary, loss: .binaryFocal, learningRate: 50, steps: 5))
    }

    @Test func theSelectedLossAndItsCurrentParametersAreTrained() {
        // Tab ×4 from focal is dice; from focal, g → → raises γ to 2.5.
        let dice = model(keys: "<Tab> n n n")
        #expect(dice.selectedLoss == .dice)
        #expect(dice.input.logits.values == trained(ExplorerFixtures.binary, loss: .dice, learningRate: 50, steps: 3))
        let focal = model(keys: "g <Right> <Right> n n")
        let parameters = focal.parameters[.binaryFocal]!
        #expect(parameters.gamma == 2.5)
        #expect(focal.input.logits.values
            == trained(ExplorerFixtures.binary, loss: .binaryFocal, parameters: parameters, learningRate: 50, steps: 2))
    }

    @Test func everyLossValueAndTheMetricsFollowTheTrainedPrediction() {
        let trainedModel = model(keys: "n n n n n n")
        let input = trainedModel.input
        for (loss, result) in zip(trainedModel.losses, trainedModel.results) {
            #expect(agreesWithEngine(result.value, loss.evaluate(input, parameters: trainedModel.parameters[loss]).value), "\(loss.name)")
        }
        #expect(trainedModel.metrics == SegmentationMetrics(input))
        #expect(trainedModel.metrics != SegmentationMetrics(ExplorerFixtures.binary.predictions[0].input))
    }

    @Test func ignoredPixelsNeverMoveInTheExplorer() {
        let start = ExplorerFixtures.binary.predictions[0].input
        let after = model(keys: "] ] ] n n n").input
        let void = (0..<start.pixelCount).filter { !start.keptPixels.contains($0) }
        #expect(void.count == 1)
        for pixel in void { #expect(after.logits.values[pixel] == start.logits.values[pixel]) }
    }

    @Test func learningRateMovesOnTheOneTwoFiveLadder() {
        #expect(model(keys: ">").training.learningRate == 100)
        #expect(model(keys: "> > >").training.learningRate == 500)
        #expect(model(keys: "<").training.learningRate == 20)
        #expect(model(keys: "< < <").training.learningRate == 5)
        // η changes between frames: 2 steps at 50, then 1 at 100.
        var run = TrainingRun(
            input: ExplorerFixtures.binary.predictions[0].input, loss: .binaryFocal,
            optimizer: LogitOptimizer(kind: .sgd, learningRate: 50))
        run.advance(by: 2)
        run.optimizer.learningRate = 100
        run.advance()
        #expect(model(keys: "n n > n").input.logits.values == run.input.logits.values)
    }

    @Test func stepsPerFrameStayWithinRange() {
        #expect(model(keys: "[ [").training.stepsPerFrame == 1)
        #expect(model(keys: "] ] ] ]").training.stepsPerFrame == 20)
        #expect(model(keys: String(repeating: "] ", count: 20)).training.stepsPerFrame == 1000)
    }

    @Test func theOptimizerToggleStartsAdamAtItsDefaultRate() {
        let adam = model(keys: "o n n")
        #expect(adam.training.optimizerKind == .adam && adam.training.learningRate == 0.1)
        #expect(adam.input.logits.values == trained(ExplorerFixtures.binary, loss: .binaryFocal, kind: .adam, learningRate: 0.1, steps: 2))
        #expect(model(keys: "o o").training.optimizerKind == .sgd)
    }

    @Test func untrainAndAnotherPredictionGoBackToTheFile() {
        let file = ExplorerFixtures.binary.predictions[0].input.logits.values
        let reset = model(keys: "n n T")
        #expect(reset.input.logits.values == file)
        #expect(reset.training.step == 0)
        #expect(reset.results[reset.lossIndex].value == model(keys: "").results[reset.lossIndex].value)
        let switched = model(ExplorerFixtures.twoPredictions, keys: "n n p")
        #expect(switched.input.logits.values == ExplorerFixtures.twoPredictions.predictions[1].input.logits.values)
        #expect(switched.training.step == 0)
    }

    @Test func replacingThePredictionRecomputesEverything() {
        var explorer = ExplorerModel(scenario: ExplorerFixtures.binary)
        let start = explorer.input
        let shifted = start.replacingLogits(start.logits.values.map { $0 + 1 })
        let revision = explorer.predictionRevision
        explorer.replaceCurrentPrediction(shifted)
        #expect(explorer.input.logits == shifted.logits)
        #expect(explorer.predictionRevision > revision)
        #expect(explorer.probabilities == PreparedInput(shifted).probabilities)
        #expect(agreesWithEngine(
            explorer.selectedResult.value,
            explorer.selectedLoss.evaluate(shifted, parameters: explorer.parameters[.binaryFocal]).value))
    }

    @Test func trainingRunsOnlyWhenStarted() {
        var explorer = model(keys: "")
        explorer.advanceTraining()
        #expect(explorer.training.step == 0)
        _ = explorer.update([.character("t")])
        #expect(explorer.training.isRunning)
        explorer.advanceTraining()
        explorer.advanceTraining()
        #expect(explorer.training.step == 2)
        _ = explorer.update([.character("t")])
        explorer.advanceTraining()
        #expect(explorer.training.step == 2 && !explorer.training.isRunning)
    }

    @Test func aPinAtStepZeroKeepsTheUntrainedPredictionAsA() {
        let file = ExplorerFixtures.binary.predictions[0].input
        let explorer = model(keys: "P n n n n")
        let pin = try! #require(explorer.pin)
        // A: every value of the file's prediction, computed here directly.
        for (index, loss) in explorer.losses.enumerated() {
            #expect(agreesWithEngine(pin.results[index].value, loss.evaluate(file, parameters: explorer.parameters[loss]).value), "\(loss.name)")
        }
        // B: the prediction after four steps of focal, and its values.
        let logits = trained(ExplorerFixtures.binary, loss: .binaryFocal, learningRate: 50, steps: 4)
        #expect(explorer.input.logits.values == logits)
        let trainedInput = file.replacingLogits(logits)
        #expect(explorer.selectedResult.value
            == Loss.binaryFocal.evaluate(trainedInput, parameters: explorer.parameters[.binaryFocal]).value)
        #expect(explorer.selectedResult.value < pin.results[explorer.lossIndex].value)
    }

    @Test func anEditAfterTrainingEditsTheTrainedPrediction() throws {
        // Two steps of focal, then a shift of x by 1 (e shows the shift-x selector, . steps it).
        let explorer = model(keys: "n n e .")
        let logits = trained(ExplorerFixtures.binary, loss: .binaryFocal, learningRate: 50, steps: 2)
        let trainedInput = ExplorerFixtures.binary.predictions[0].input.replacingLogits(logits)
        let expected = try PredictionEdits(shiftX: 1).applied(to: trainedInput)
        #expect(explorer.edits == PredictionEdits(shiftX: 1))
        #expect(explorer.input.logits == expected.logits)
        // Training on goes on from the edited prediction: the edit becomes part of it.
        var run = TrainingRun(input: expected, loss: .binaryFocal, optimizer: LogitOptimizer(kind: .sgd, learningRate: 50))
        run.advance(by: 1)
        let more = model(keys: "n n e . n")
        #expect(more.input.logits == run.input.logits)
        #expect(more.edits.isIdentity && more.message == "the edits are now part of the trained prediction")
    }

    @Test func theRaceTrainsEachLossFromTheSameStart() {
        let race = try! #require(model(keys: "R n n n").race)
        #expect(race.lanes.map(\.loss) == [.bce, .binaryFocal, .dice])
        for lane in race.lanes {
            #expect(lane.run.input.logits.values == trained(ExplorerFixtures.binary, loss: lane.loss, learningRate: 50, steps: 3))
            #expect(lane.history.map(\.step) == [0, 1, 2, 3])
            let last = lane.history.last!
            #expect(last.iou == SegmentationMetrics(lane.run.input).foreground.iou)
        }
        // The prediction on screen outside the race is untouched.
        #expect(model(keys: "R n n n").input.logits.values == ExplorerFixtures.binary.predictions[0].input.logits.values)
        #expect(model(keys: "R n R").race == nil)
    }

    @Test func raceLossesAreTwoToFour() {
        // i on focal drops it; on bce (four losses back) then leaves two, the minimum.
        #expect(model(keys: "i").training.raceLosses == [.bce, .dice])
        #expect(model(keys: "i <S-Tab> <S-Tab> <S-Tab> <S-Tab> i").training.raceLosses == [.bce, .dice])
        // Adding a fifth drops the first chosen: Tab → dice-squared, iou (+1 each).
        let five = model(keys: "<Tab> <Tab> i <Tab> i")
        #expect(five.training.raceLosses == [.binaryFocal, .dice, .diceSquared, .iou])
        let multi = model(ExplorerFixtures.multiclass, keys: "R n")
        #expect(multi.race?.lanes.map(\.loss) == [.crossEntropy, .multiclassFocal, .multiclassDice])
    }

    @Test func theStatusLineShowsStepRateAndOptimizer() {
        var explorer = model(keys: "n n")
        let status = ExplorerView.render(explorer, size: TerminalSize(rows: 24, columns: 80), capabilities: .full).textLines().last!
        #expect(status.contains("■ step 2  η=50  sgd  K=1"), "\(status)")
        _ = explorer.update([.character("t")])
        explorer.recordTrainingSpeed(stepsPerSecond: 123.4)
        let running = ExplorerView.render(explorer, size: TerminalSize(rows: 24, columns: 80), capabilities: .plain).textLines().last!
        #expect(running.contains("> step 2  lr=50  sgd  K=1  123 steps/s"), "\(running)")
    }
}

/// The live loop's budgeted frames: the same training, the selected loss always current, the others as the budget
/// allows, and every value exact again once training stops.
@Suite struct ExplorerTrainingBudgetTests {
    @Test func aGenerousBudgetRefreshesEverythingEveryFrame() {
        var model = ExplorerModel(scenario: ExplorerFixtures.binary)
        _ = model.update([.character("t")])
        for _ in 0..<3 { model.advanceTraining(budget: .seconds(60)) }
        var run = TrainingRun(
            input: ExplorerFixtures.binary.predictions[0].input, loss: .binaryFocal,
            optimizer: LogitOptimizer(kind: .sgd, learningRate: 50))
        run.advance(by: 3)
        #expect(model.input.logits == run.input.logits)
        for (loss, result) in zip(model.losses, model.results) {
            let expected = loss.evaluate(model.input, parameters: model.parameters[loss]).value
            #expect(abs(result.value - expected) <= 1e-15 * max(1, abs(expected)), "\(loss.name)")
        }
        #expect(model.staleLosses.isEmpty)
    }

    @Test func aZeroBudgetKeepsOnlyTheSelectedLossCurrentUntilTrainingStops() {
        var model = ExplorerModel(scenario: ExplorerFixtures.binary)
        let start = model.results
        _ = model.update([.character("t")])
        for _ in 0..<3 { model.advanceTraining(budget: .zero) }
        let selected = model.lossIndex
        #expect(agreesWithEngine(
            model.results[selected].value,
            Loss.binaryFocal.evaluate(model.input, parameters: model.parameters[.binaryFocal]).value))
        let others = model.losses.indices.filter { $0 != selected }
        #expect(others.allSatisfy { model.results[$0].value == start[$0].value })
        _ = model.update([.character("t")])  // stop: every value is recomputed
        for (loss, result) in zip(model.losses, model.results) {
            #expect(
                agreesWithEngine(result.value, loss.evaluate(model.prepared, parameters: model.parameters[loss], keepsGradient: false).value),
                "\(loss.name)")
        }
    }
}
