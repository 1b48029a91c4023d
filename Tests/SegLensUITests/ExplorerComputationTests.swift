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
    static func agree(_ drawn: [Float]?, _ exact: [Double]) -> Bool {
        guard let drawn else { return false }
        let largest = exact.map(abs).max() ?? 0
        return drawn.count == exact.count
            && zip(drawn, exact).allSatisfy { abs(Double($0) - $1) <= 1e-6 * max(largest, 1e-300) }
    }

    /// The model's value and the one map its heatmap shows against the exact path, and every other value.
    static func expectMapsAgree(_ model: ExplorerModel, _ comment: String) {
        let exact = model.selectedLoss.evaluate(model.input, parameters: model.parameters[model.selectedLoss])
        let maps = model.selectedMaps
        #expect(agreesWithEngine(model.selectedResult.value, exact.value), "\(comment) value")
        switch model.heatmapMode {
        case .gradient: #expect(agree(maps.gradientMagnitude, exact.gradientMagnitude), "\(comment) magnitude")
        case .weight: #expect(agree(maps.weight, exact.weight), "\(comment) weight")
        case .loss:
            if let exact = exact.pixelLoss { #expect(agree(maps.pixelLoss, exact), "\(comment) loss map") }
        case .errors: break
        }
        // Only the shown map is kept.
        let kept = [maps.gradientMagnitude, maps.weight, maps.pixelLoss].compactMap { $0 }.count
        #expect(kept == (model.heatmapMode == .errors || (model.heatmapMode == .loss && exact.pixelLoss == nil) ? 0 : 1),
                "\(comment): \(kept) maps kept")
        for (loss, result) in zip(model.losses, model.results) {
            #expect(agreesWithEngine(result.value, loss.evaluate(model.input, parameters: model.parameters[loss]).value),
                    "\(comment): \(loss.name)")
        }
    }

    /// Every loss of both modes, selected with Tab and its first parameter stepped, in every heatmap mode (`m`):
    /// its map and every value agree with the exact path (binary: the fused kernels; multi-class: the prepared
    /// input, rounded).
    @Test(arguments: [ExplorerFixtures.binary, ExplorerFixtures.multiclass])
    func theSelectedMapsAndEveryValueAreTheEngines(_ scenario: Scenario) {
        let start = ExplorerModel(scenario: scenario)
        for offset in 0..<start.losses.count {
            var model = Self.model(scenario, keys: Array(repeating: .tab, count: offset) + [.right, .right])
            for _ in HeatmapMode.allCases {
                Self.expectMapsAgree(model, "\(model.selectedLoss.name) \(model.heatmapMode)")
                _ = model.update([.character("m")])
            }
        }
    }

    /// The maps follow an edit, a new prediction and a pin (A's maps are those of the pinned input).
    @Test func mapsFollowEditsPredictionsAndThePin() {
        let edited = Self.model(ExplorerFixtures.binary, keys: [.character("e"), .character(".")])
        Self.expectMapsAgree(edited, "edited")
        let next = Self.model(ExplorerFixtures.twoPredictions, keys: [.character("p")])
        Self.expectMapsAgree(next, "second prediction")
        var pinned = Self.model(ExplorerFixtures.binary, keys: [.character("P"), .right, .tab])
        for _ in 0..<2 {
            let pin = try! #require(pinned.pin)
            let exactA = pinned.selectedLoss.evaluate(pin.input, parameters: pin.results[pinned.lossIndex].parameters)
            let comparable = pinned.heatmapMode == .weight ? exactA.weight : exactA.gradientMagnitude
            #expect(Self.agree(pinned.heatmapMode == .weight ? pin.maps.weight : pin.maps.gradientMagnitude, comparable))
            Self.expectMapsAgree(pinned, "pinned B \(pinned.heatmapMode)")
            _ = pinned.update([.character("m"), .character("m"), .character("m")])  // weight → gradient
        }
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

    /// What the model holds per pixel beyond the scenario's input: the selected loss's one Float32 map the heatmap
    /// shows (4 bytes), none for the errors view, no prepared input for a binary input; 4 more for A while pinned.
    @Test func aBinaryModelHoldsOnlyTheSelectedMaps() {
        let pixels = ExplorerFixtures.binary.truth.pixelCount
        let focal = ExplorerModel(scenario: ExplorerFixtures.binary)
        #expect(focal.heldBytes == 4 * pixels)
        let dice = Self.model(ExplorerFixtures.binary, keys: [.tab])
        #expect(dice.selectedLoss == .dice && dice.heldBytes == 4 * pixels)
        let errors = Self.model(ExplorerFixtures.binary, keys: [.character("m"), .character("m")])
        #expect(errors.heatmapMode == .errors && errors.heldBytes == 0)
        let pinned = Self.model(ExplorerFixtures.binary, keys: [.character("P"), .right])
        #expect(pinned.heldBytes == 8 * pixels)
        let multiclass = ExplorerModel(scenario: ExplorerFixtures.multiclass)
        #expect(multiclass.heldBytes > multiclass.selectedMaps.byteCount)  // its prepared input is kept
    }
}
