import Foundation
import Testing
@testable import SegLensCore

@Suite struct ParameterSweepTests {
    @Test func valuesAreStartPlusMultiplesOfStepUpToStop() {
        #expect(ParameterSweep.values(start: 0, stop: 1, step: 0.25) == [0, 0.25, 0.5, 0.75, 1])
        #expect(ParameterSweep.values(start: 0, stop: 0.3, step: 0.1) == [0, 0.1, 0.2, 0.1 * 3])
        #expect(ParameterSweep.values(start: 2, stop: 0, step: -1) == [2, 1, 0])
        #expect(ParameterSweep.values(start: 0, stop: 1, step: 0.4) == [0, 0.4, 0.8])
        #expect(ParameterSweep.values(start: 0, stop: 1, step: 0).isEmpty)
        #expect(ParameterSweep.values(start: 1, stop: 0, step: 1).isEmpty)
        #expect(ParameterSweep.count(start: 0, stop: 1, step: 1e-5) == 100_001)
    }

    /// The share by brute force: −log p_t by hand, hardest first, the L1 norm of each pixel's gradient.
    @Test func hardestShareByBruteForce() throws {
        for input in [GeneratedInputs.binary(height: 9, width: 7, ignoring: 4), GeneratedInputs.multiclass(classes: 3, height: 9, width: 7, ignoring: 3)] {
            let plane = input.pixelCount, classes = input.logits.classes
            let hardness = input.keptPixels.map { pixel -> (Int, Double) in
                let z = input.logits.values
                let label = Int(input.truth.labels[pixel])
                if classes == 1 {
                    let p = 1 / (1 + exp(-z[pixel]))
                    return (pixel, -log(label == 1 ? p : 1 - p))
                }
                let total = (0..<classes).map { exp(z[$0 * plane + pixel]) }.reduce(0, +)
                return (pixel, -log(exp(z[label * plane + pixel]) / total))
            }
            let order = hardness.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
            let prepared = PreparedInput(input)
            let ranking = HardPixelRanking(prepared)
            #expect(ranking.order == order)
            let count = Int((0.1 * Double(order.count)).rounded(.up))
            for loss in Loss.catalogue(input.mode) {
                let gradient = loss.evaluate(input).gradient
                func norm(_ pixel: Int) -> Double { (0..<classes).map { abs(gradient[$0 * plane + pixel]) }.reduce(0, +) }
                let expected = order.prefix(count).map(norm).reduce(0, +) / order.map(norm).reduce(0, +)
                let share = try #require(ranking.share(of: gradient, classes: classes))
                #expect(abs(share - expected) < 1e-13, "\(loss.name)")
            }
        }
    }

    @Test func zeroGradientHasNoShare() {
        let ranking = HardPixelRanking(PreparedInput(GeneratedInputs.binary()))
        #expect(ranking.share(of: [Double](repeating: 0, count: 30), classes: 1) == nil)
    }

    /// Focal's "focusing": the share of the hardest pixels grows with γ, on a prediction that is right and sure
    /// on most pixels (logit margin 2…5) and wrong on every 13th (margin −1).
    @Test func focalConcentratesOnHardPixelsAsGammaGrows() throws {
        var random = SplitMix64(seed: 12)
        let labels = (0..<400).map { _ in Int32.random(in: 0...1, using: &random) }
        let logits = labels.enumerated().map { pixel, label -> Double in
            let margin = pixel % 13 == 0 ? -1 : Double.random(in: 2...5, using: &random)
            return label == 1 ? margin : -margin
        }
        let input = try LossInput(
            truth: LabelMap(height: 20, width: 20, labels: labels), logits: Logits(classes: 1, height: 20, width: 20, values: logits))
        let points = try ParameterSweep.run(
            input: input, edits: PredictionEdits(), losses: [(.binaryFocal, Loss.binaryFocal.defaultParameters)],
            variable: .parameter(.gamma), values: [0, 1, 2, 4])
        let shares = points.map { $0.entries[0].hardestShare! }
        #expect(shares == shares.sorted())
        #expect(shares.last! > shares.first! + 0.2)
        // Each point equals a direct evaluation at that γ.
        for point in points {
            var parameters = Loss.binaryFocal.defaultParameters
            parameters.gamma = point.value
            #expect(point.entries[0].value == Loss.binaryFocal.evaluate(input, parameters: parameters).value)
        }
    }

    @Test func editSweepsApplyTheEditAtEachPoint() throws {
        let input = GeneratedInputs.binary(height: 8, width: 8)
        let base = PredictionEdits(shiftY: 1)
        let points = try ParameterSweep.run(
            input: input, edits: base, losses: [(.dice, Loss.dice.defaultParameters)], variable: .edit(.blur),
            values: [0, 0.5, 1.5])
        for point in points {
            var edits = base
            edits.blur = point.value
            #expect(point.entries[0].value == Loss.dice.evaluate(try edits.applied(to: input)).value)
        }
    }

    @Test func rankingOrdersByValueAndFindsTheMajority() throws {
        let truth = LabelMap(height: 1, width: 4, labels: [0, 1, 1, 0])
        func input(_ z: [Double]) throws -> LossInput { try LossInput(truth: truth, logits: Logits(classes: 1, height: 1, width: 4, values: z)) }
        // "hedging": right everywhere but unsure; "bold": sure, one pixel wrong.
        let hedging = try input([-0.4, 0.4, 0.4, -0.4]), bold = try input([-9, 9, -9, -9])
        let losses: [(loss: Loss, parameters: LossParameters)] = [(.bce, LossParameters()), (.iou, LossParameters()), (.dice, LossParameters())]
        let ranking = PredictionRanking(predictions: [hedging, bold], losses: losses)
        // BCE by hand: hedging softplus(−0.4) ≈ 0.513 per pixel; bold has a pixel at softplus(9) ≈ 9.
        #expect(ranking.verdicts[0].order == [0, 1])
        // IoU/Dice: hedging TP = 2σ(0.4) ≈ 1.197, Σp = 2 → Dice ≈ 1 − 2.394/4 ≈ 0.40; bold ≈ 1 − 2/3 ≈ 0.33.
        #expect(ranking.verdicts[2].order == [1, 0])
        #expect(ranking.orders.map(\.count) == [2, 1])
        #expect(ranking.orders[0].order == [1, 0])
        #expect(ranking.verdicts.map(\.agreesWithMajority) == [false, true, true])
        #expect(ranking.lossesDisagree)
    }
}
