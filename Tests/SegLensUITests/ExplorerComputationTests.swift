import SegLensCore
import Testing

@testable import SegLensUI

/// The explorer keeps values for every loss and maps for the selected one only, from the fused kernels; these tests
/// hold them to the exact `evaluate` path, and check the deferred ("computing…") path the live loop uses on large
/// inputs.
@Suite struct ExplorerComputationTests {
    /// A model after `keys`, each a batch of its own.
    static func model(_ scenario: Scenario, keys: [Key], defers: Bool = false) -> ExplorerModel {
        var model = ExplorerModel(scenario: scenario)
        model.setDefersComputation(defers)
        for key in keys { _ = model.update([key]) }
        return model
    }

    /// Whether Float32 maps agree with the exact path's Float64 ones rounded to Float32: within 1e−6 of the map's
    /// largest entry (a few Float ulp; the fused kernels differ from the exact path by ~1e−15 before rounding).
    static func agree(_ drawn: [Float], _ exact: [Double]) -> Bool {
        let largest = exact.map(abs).max() ?? 0
        return drawn.count == exact.count
            && zip(drawn, exact).allSatisfy { abs(Double($0) - $1) <= 1e-6 * max(largest, 1e-300) }
    }

    static func expectMapsAgree(_ model: ExplorerModel, _ comment: String) {
        let exact = model.selectedLoss.evaluate(model.input, parameters: model.parameters[model.selectedLoss])
        #expect(agreesWithEngine(model.selectedResult.value, exact.value), "\(comment) value")
        #expect(agree(model.selectedMaps.gradientMagnitude, exact.gradientMagnitude), "\(comment) magnitude")
        #expect(agree(model.selectedMaps.weight, exact.weight), "\(comment) weight")
        #expect((model.selectedMaps.pixelLoss == nil) == (exact.pixelLoss == nil), "\(comment) loss map")
        if let drawn = model.selectedMaps.pixelLoss, let exact = exact.pixelLoss {
            #expect(agree(drawn, exact), "\(comment) loss map")
        }
        for (loss, result) in zip(model.losses, model.results) {
            #expect(agreesWithEngine(result.value, loss.evaluate(model.input, parameters: model.parameters[loss]).value),
                    "\(comment): \(loss.name)")
        }
    }

    /// Every loss of both modes, selected with Tab and its first parameter stepped: its maps and every value agree
    /// with the exact path (binary: the fused kernels; multi-class: the prepared input, rounded).
    @Test(arguments: [ExplorerFixtures.binary, ExplorerFixtures.multiclass])
    func theSelectedMapsAndEveryValueAreTheEngines(_ scenario: Scenario) {
        let start = ExplorerModel(scenario: scenario)
        for offset in 0..<start.losses.count {
            let model = Self.model(scenario, keys: Array(repeating: .tab, count: offset) + [.right, .right])
            Self.expectMapsAgree(model, model.selectedLoss.name)
        }
    }

    /// The maps follow an edit, a new prediction and a pin (A's maps are those of the pinned input).
    @Test func mapsFollowEditsPredictionsAndThePin() {
        let edited = Self.model(ExplorerFixtures.binary, keys: [.character("e"), .character(".")])
        Self.expectMapsAgree(edited, "edited")
        let next = Self.model(ExplorerFixtures.twoPredictions, keys: [.character("p")])
        Self.expectMapsAgree(next, "second prediction")
        let pinned = Self.model(ExplorerFixtures.binary, keys: [.character("P"), .right, .tab])
        let pin = try! #require(pinned.pin)
        let exactA = pinned.selectedLoss.evaluate(pin.input, parameters: pin.results[pinned.lossIndex].parameters)
        #expect(Self.agree(pin.maps.weight, exactA.weight))
        Self.expectMapsAgree(pinned, "pinned B")
    }

    /// Deferred: the step leaves work pending, the frame says "computing…" over the old values; the outcome, once
    /// accepted, is what the synchronous model computes.
    @Test func aDeferredStepShowsComputingUntilItsOutcomeIsAccepted() throws {
        let before = ExplorerModel(scenario: ExplorerFixtures.binary)
        var model = Self.model(ExplorerFixtures.binary, keys: [.right], defers: true)
        #expect(model.isComputing)
        #expect(model.results == before.results)
        let text = ExplorerView.render(model, size: TerminalSize(rows: 40, columns: 120), capabilities: .full).textLines()
        #expect(text.contains { $0.contains("computing…") })
        let work = try #require(model.pending)
        let accepted = model.accept(work.run())
        #expect(accepted && !model.isComputing)
        let synchronous = Self.model(ExplorerFixtures.binary, keys: [.right])
        #expect(model.results == synchronous.results && model.selectedMaps == synchronous.selectedMaps)
        let after = ExplorerView.render(model, size: TerminalSize(rows: 40, columns: 120), capabilities: .full)
        #expect(after == ExplorerView.render(synchronous, size: TerminalSize(rows: 40, columns: 120), capabilities: .full))
    }

    /// A result that a later key made stale is dropped; a key that changes nothing computed (a pan) keeps the work
    /// in flight.
    @Test func staleOutcomesAreDroppedAndPansKeepTheWorkInFlight() throws {
        var model = Self.model(ExplorerFixtures.binary, keys: [.right], defers: true)
        let first = try #require(model.pending)
        _ = model.update([.character("+")])
        _ = model.update([.character("D")])
        #expect(model.pending?.revision == first.revision)
        _ = model.update([.right])
        let second = try #require(model.pending)
        #expect(second.revision > first.revision)
        let staleAccepted = model.accept(first.run())
        #expect(!staleAccepted && model.isComputing)
        let latestAccepted = model.accept(second.run())
        #expect(latestAccepted)
        let synchronous = Self.model(ExplorerFixtures.binary, keys: [.right, .character("+"), .character("D"), .right])
        #expect(model.results == synchronous.results && model.selectedMaps == synchronous.selectedMaps)
    }

    /// What the model holds per pixel beyond the scenario's input: the selected loss's Float32 maps (12 bytes for a
    /// pixel-wise loss, 8 for a region loss), no prepared input for a binary one.
    @Test func aBinaryModelHoldsOnlyTheSelectedMaps() {
        let pixels = ExplorerFixtures.binary.truth.pixelCount
        let focal = ExplorerModel(scenario: ExplorerFixtures.binary)
        #expect(focal.heldBytes == 12 * pixels)
        let dice = Self.model(ExplorerFixtures.binary, keys: [.tab])
        #expect(dice.selectedLoss == .dice && dice.heldBytes == 8 * pixels)
        let multiclass = ExplorerModel(scenario: ExplorerFixtures.multiclass)
        #expect(multiclass.heldBytes > multiclass.selectedMaps.byteCount)  // its prepared input is kept
    }
}
