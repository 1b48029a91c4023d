import Testing
@testable import SegLensCore

@Suite struct TemperatureEditTests {
    @Test func temperatureOneIsTheIdentity() {
        let input = GeneratedInputs.multiclass()
        #expect(PredictionEdits(temperature: 1).applied(to: input.logits) == input.logits)
    }

    @Test func temperatureDividesTheLogits() {
        #expect(TemperatureEdit.scaled([2, -4, 0.5], temperature: 0.5) == [4, -8, 1])
    }

    @Test func infiniteTemperatureGivesEqualProbabilities() throws {
        let binary = GeneratedInputs.binary(logitScale: 30)
        let soft = try PredictionEdits(temperature: 1e12).applied(to: binary)
        for p in PreparedInput(soft).probabilities { #expect(abs(p - 0.5) < 1e-10) }
        let multi = GeneratedInputs.multiclass(classes: 4, logitScale: 30)
        let flat = try PredictionEdits(temperature: 1e12).applied(to: multi)
        for p in PreparedInput(flat).probabilities { #expect(abs(p - 0.25) < 1e-10) }
    }

    @Test func lowTemperatureSharpensWithoutChangingTheArgmax() throws {
        let input = GeneratedInputs.multiclass(classes: 3)
        let sharp = try PredictionEdits(temperature: 0.25).applied(to: input)
        let before = PreparedInput(input).probabilities, after = PreparedInput(sharp).probabilities
        for pixel in 0..<input.pixelCount {
            #expect(sharp.predictedClass(at: pixel) == input.predictedClass(at: pixel))
            let c = input.predictedClass(at: pixel)
            #expect(after[c * input.pixelCount + pixel] >= before[c * input.pixelCount + pixel])
        }
    }
}
