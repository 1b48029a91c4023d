import Testing
@testable import SegLensCore

@Suite struct HardenEditTests {
    @Test func binaryProbabilitiesAreTheArticlesClip() throws {
        let input = GeneratedInputs.binary(height: 6, width: 7)
        let hard = try PredictionEdits(harden: true).applied(to: input)
        let probabilities = PreparedInput(hard).probabilities
        for pixel in 0..<input.pixelCount {
            let expected = input.logits.values[pixel] >= 0 ? 1 - 1e-7 : 1e-7
            #expect(abs(probabilities[pixel] - expected) <= 2 * Double.ulpOfOne)  // one rounding of σ
        }
    }

    @Test func multiclassArgmaxGetsTheRestOfTheMass() throws {
        let input = GeneratedInputs.multiclass(classes: 4)
        let hard = try PredictionEdits(harden: true).applied(to: input)
        let probabilities = PreparedInput(hard).probabilities, plane = input.pixelCount
        for pixel in 0..<plane {
            let winner = input.predictedClass(at: pixel)
            #expect(hard.predictedClass(at: pixel) == winner)
            for c in 0..<4 {
                let expected = c == winner ? 1 - 3e-7 : 1e-7
                #expect(abs(probabilities[c * plane + pixel] - expected) < 1e-15)
            }
        }
    }

    @Test func metricsAtTheThresholdDoNotChange() throws {
        for input in [GeneratedInputs.binary(), GeneratedInputs.multiclass()] {
            let hard = try PredictionEdits(harden: true).applied(to: input)
            #expect(SegmentationMetrics(hard) == SegmentationMetrics(input))
        }
    }
}
