import Testing
import SegLensCore
import SegLensUI

/// The explorer's what-if keys: edits (and undo), the pinned comparison, the sweep panel and the ranking view,
/// each against the engine's own functions called directly; and their screens as snapshots.
@Suite struct WhatIfTests {
    static func model(_ scenario: Scenario = ExplorerFixtures.binary, keys: String) -> ExplorerModel {
        var model = ExplorerModel(scenario: scenario)
        _ = model.update(try! Key.parseTokens(keys))
        return model
    }

    @Test func editKeysApplyTheEditsAndUndoWalksBack() throws {
        let base = ExplorerFixtures.binary.predictions[0].input
        // e shows the selector on shift x; . . shifts by 2; e e moves to dilate; . dilates by 1; e moves to blur,
        // . . blurs by 1.
        var model = Self.model(keys: "e . . e e . e . .")
        let expected = PredictionEdits(shiftX: 2, dilate: 1, blur: 1)
        #expect(model.edits == expected)
        let edited = try expected.applied(to: base)
        #expect(model.input.logits == edited.logits)
        for (loss, result) in zip(model.losses, model.results) {
            #expect(agreesWithEngine(result.value, loss.evaluate(edited, parameters: model.parameters[loss]).value), "\(loss.name)")
        }
        #expect(model.metrics == SegmentationMetrics(edited))
        // Each step is one undo: blur 1 → 0.5 → 0, then dilate, then the two shift steps.
        _ = model.update([.character("u"), .character("u")])
        #expect(model.edits == PredictionEdits(shiftX: 2, dilate: 1))
        _ = model.update([.character("u"), .character("u"), .character("u")])
        #expect(model.edits == PredictionEdits() && model.input.logits == base.logits)
        #expect(model.message == nil)
        _ = model.update([.character("u")])
        #expect(model.message == "no edit to undo")
    }

    @Test func temperatureAndHardenStepAsDocumented() {
        // e ×5 from shift x: shift y, dilate, blur, temperature.
        let model = Self.model(keys: "e e e e e . . , e e .")
        #expect(model.edits.temperature == 1.5)
        #expect(model.edits.harden)
        #expect(ExplorerView.statusParts(model).last == "edits: T 1.5 · harden | e: harden on (, . change, u undo)")
    }

    @Test func multiclassDilatesTheSelectedClass() throws {
        let scenario = ExplorerFixtures.multiclass
        // The selector's last entry is the class; from class 1, . goes to class 2; then dilate by 1.
        let model = Self.model(scenario, keys: "e E . E E E E E .")
        #expect(model.edits.selectedClass == 2 && model.edits.dilate == 1)
        let expected = try PredictionEdits(dilate: 1, selectedClass: 2).applied(to: scenario.predictions[0].input)
        #expect(model.input.logits == expected.logits)
    }

    @Test func pinKeepsAWhileBChanges() {
        let fresh = Self.model(keys: "")
        let model = Self.model(keys: "P g <Right> <Right> e .")
        let pin = try! #require(model.pin)
        #expect(pin.results.map(\.value) == fresh.results.map(\.value))
        var parameters = Loss.binaryFocal.defaultParameters
        parameters.gamma = 2.5
        let b = try! PredictionEdits(shiftX: 1).applied(to: ExplorerFixtures.binary.predictions[0].input)
        #expect(agreesWithEngine(model.selectedResult.value, Loss.binaryFocal.evaluate(b, parameters: parameters).value))
        let unpinned = Self.model(keys: "P P d")
        #expect(unpinned.pin == nil && !unpinned.showsDifference)
    }

    @Test func aPinInTheSameBatchAsAnEditPinsTheEditedState() {
        // Keys queued together are applied before one recompute; the pin must still see the edit before it.
        let model = Self.model(keys: "g <Right> <Right> e . P")
        let pin = try! #require(model.pin)
        var parameters = Loss.binaryFocal.defaultParameters
        parameters.gamma = 2.5
        let edited = try! PredictionEdits(shiftX: 1).applied(to: ExplorerFixtures.binary.predictions[0].input)
        #expect(pin.input.logits == edited.logits)
        #expect(agreesWithEngine(pin.results[model.lossIndex].value, Loss.binaryFocal.evaluate(edited, parameters: parameters).value))
    }

    @Test func sweepCurveIsTheEngineAlongTheParameter() throws {
        let model = Self.model(keys: "g v")
        let curve = try #require(model.sweepCurve)
        #expect(curve.parameter == .gamma && curve.factor == 1)
        #expect(curve.values.first == 0 && curve.values.last == 10)
        let input = ExplorerFixtures.binary.predictions[0].input
        for (gamma, value) in zip(curve.values, curve.lossValues) {
            var parameters = Loss.binaryFocal.defaultParameters
            parameters.gamma = gamma
            #expect(value == Loss.binaryFocal.evaluate(input, parameters: parameters).value)
        }
        // Stepping γ keeps the curve (only the marker moves); stepping α makes a new one.
        var stepped = model
        _ = stepped.update([.right])
        #expect(stepped.sweepCurve?.lossValues == curve.lossValues)
        _ = stepped.update([.character("a"), .right, .character("g")])
        #expect(stepped.sweepCurve?.lossValues != curve.lossValues)
    }

    @Test func largeInputsSweepASubsampleAndSaySo() throws {
        let input = SyntheticInput.make(size: 512, classes: 1, seed: 3)
        let scenario = Scenario(title: "512", classNames: ["b", "f"], predictions: [Scenario.Prediction(name: "z", input: input)])
        let model = Self.model(scenario, keys: "g v")
        let curve = try #require(model.sweepCurve)
        #expect(curve.factor == 4 && curve.sampleHeight == 128)
        let screen = ExplorerView.render(model, size: TerminalSize(rows: 30, columns: 120), capabilities: .plain).text
        #expect(screen.contains("on a 1:4 subsample 128x128"))
    }

    @Test func rankingIsThePredictionRanking() throws {
        let scenario = ExplorerFixtures.twoPredictions
        let model = Self.model(scenario, keys: "O")
        let ranking = try #require(model.ranking)
        let expected = PredictionRanking(
            predictions: scenario.predictions.map(\.input), losses: model.losses.map { ($0, model.parameters[$0]!) })
        #expect(ranking.verdicts.map(\.order) == expected.verdicts.map(\.order))
        #expect(ranking.verdicts.map(\.values) == expected.verdicts.map(\.values))
        let closed = Self.model(scenario, keys: "O <Esc>")
        #expect(!closed.showsRanking)
        #expect(Self.model(keys: "O").message == "ranking needs a file with two or more predictions")
    }

    // MARK: Snapshots

    static let sizes: [(TerminalSize, String)] = [
        (TerminalSize(rows: 24, columns: 80), "80x24"), (TerminalSize(rows: 48, columns: 160), "160x48"),
    ]
    static let monochrome = Capabilities(colorDepth: .none, unicode: true)

    func snapshots(_ name: String, scenario: Scenario = ExplorerFixtures.binary, keys: String) {
        let model = Self.model(scenario, keys: keys)
        for (size, sizeName) in Self.sizes {
            for (capabilities, variant) in [(Self.monochrome, ""), (Capabilities.plain, "-ascii")] {
                assertSnapshot(ExplorerView.render(model, size: size, capabilities: capabilities).text,
                               named: "whatif-\(name)-\(sizeName)\(variant)")
            }
        }
    }

    @Test func editSnapshots() {
        snapshots("edits", keys: "e . e e . e . .")
        // Temperature 3, noise 0.5 (seed 1), harden; the selector stays on harden.
        snapshots("edits-temperature-noise-harden", keys: "e e e e e . . . e . . e .")
    }
    @Test func sweepSnapshots() { snapshots("sweep", keys: "g v") }
    @Test func compareSnapshots() { snapshots("compare", keys: "P g <Right> <Right> e .") }
    @Test func differenceSnapshots() { snapshots("difference", keys: "P g <Right> <Right> e . d") }
    @Test func rankingSnapshots() { snapshots("ranking", scenario: ExplorerFixtures.twoPredictions, keys: "O") }
}
