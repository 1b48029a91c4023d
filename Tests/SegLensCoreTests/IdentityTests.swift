import Testing
import SegLensCore

/// Identities between losses that hold by their definitions, and values computed by hand.
@Suite struct IdentityTests {
    static let binary = GeneratedInputs.binary(height: 7, width: 9, seed: 11)
    static let multiclass = GeneratedInputs.multiclass(classes: 4, height: 6, width: 5, seed: 12)

    func value(_ loss: Loss, _ input: LossInput, _ change: (inout LossParameters) -> Void = { _ in }) -> Double {
        var parameters = loss.defaultParameters
        change(&parameters)
        return loss.evaluate(input, parameters: parameters).value
    }

    @Test func lovaszHingeWithUnitLogitsIsTwiceOneMinusIoU() {
        for seed in UInt64(1)...20 {
            let random = GeneratedInputs.binary(height: 6, width: 7, ignoring: Int(seed % 3), seed: seed)
            let unit = GeneratedInputs.replacingLogits(of: random, with: random.logits.values.map { $0 >= 0 ? 1 : -1 })
            var intersection = 0, union = 0
            for pixel in unit.keptPixels {
                let truth = unit.truth.labels[pixel] == 1, predicted = unit.logits.values[pixel] > 0
                if truth && predicted { intersection += 1 }
                if truth || predicted { union += 1 }
            }
            let iou = union == 0 ? 1 : Double(intersection) / Double(union)
            #expect(abs(value(.lovaszHinge, unit) - 2 * (1 - iou)) < 1e-12, "seed \(seed)")
        }
    }

    @Test func focalWithGammaZeroAndHalfAlphaIsHalfTheBCE() {
        let focal = value(.binaryFocal, Self.binary) { $0.alpha = 0.5; $0.gamma = 0 }
        #expect(abs(focal - value(.bce, Self.binary) / 2) < 1e-15)
    }

    @Test func weightingsThatReduceToPlainBCE() {
        let bce = value(.bce, Self.binary)
        #expect(abs(value(.weightedBCE, Self.binary) { $0.beta = 1 } - bce) < 1e-15)
        #expect(abs(value(.balancedBCE, Self.binary) { $0.beta = 0.5 } - bce / 2) < 1e-15)
        #expect(abs(value(.binaryFocal, Self.binary) { $0.alpha = nil; $0.gamma = 0 } - bce) < 1e-15)
    }

    @Test func tverskyAtHalfBetaIsDiceWithDoubledSmoothing() {
        for smooth in [0.0, 1e-5, 1] {
            let tversky = value(.tversky, Self.binary) { $0.beta = 0.5; $0.smooth = smooth }
            let dice = value(.dice, Self.binary) { $0.smooth = 2 * smooth }
            #expect(abs(tversky - dice) < 1e-14)
            let focalTversky = value(.focalTversky, Self.binary) { $0.beta = 0.5; $0.gamma = 1; $0.smooth = smooth }
            #expect(abs(focalTversky - dice) < 1e-14)
        }
    }

    @Test func twoClassSoftmaxCrossEntropyIsBCEOfTheLogitDifference() {
        let twoClass = GeneratedInputs.multiclass(classes: 2, height: 4, width: 5, seed: 3)
        let plane = twoClass.pixelCount
        let difference = (0..<plane).map { twoClass.logits.values[plane + $0] - twoClass.logits.values[$0] }
        let binary = try! LossInput(
            truth: twoClass.truth, logits: Logits(classes: 1, height: 4, width: 5, values: difference))
        #expect(abs(value(.crossEntropy, twoClass) - value(.bce, binary)) < 1e-14)
        let twoClassGradient = Loss.crossEntropy.evaluate(twoClass).gradient
        let binaryGradient = Loss.bce.evaluate(binary).gradient
        for pixel in 0..<plane {
            #expect(abs(twoClassGradient[plane + pixel] - binaryGradient[pixel]) < 1e-15)
            #expect(abs(twoClassGradient[pixel] + binaryGradient[pixel]) < 1e-15)
        }
    }

    @Test func multiclassFocalWithoutModulationIsCrossEntropy() {
        #expect(abs(value(.multiclassFocal, Self.multiclass) { $0.alpha = nil; $0.gamma = 0 }
            - value(.crossEntropy, Self.multiclass)) < 1e-15)
    }

    /// y = [1, 0], z = [0, 0]: p = ½ everywhere, TP = ½, Σy = 1, Σp = 1.
    @Test func handComputedOverlapValues() {
        let input = try! LossInput(
            truth: LabelMap(height: 1, width: 2, labels: [1, 0]),
            logits: Logits(classes: 1, height: 1, width: 2, values: [0, 0]))
        #expect(abs(value(.dice, input) { $0.smooth = 0 } - 0.5) < 1e-15)              // 1 − 1/2
        #expect(abs(value(.diceSquared, input) { $0.smooth = 0 } - (1 - 1 / 1.5)) < 1e-15)  // Σp² = ½
        #expect(abs(value(.iou, input) { $0.smooth = 0 } - (1 - 0.5 / 1.5)) < 1e-15)     // U = 1 + 1 − ½
        // FP = FN = ½: TI = ½ / (½ + β/2 + (1−β)/2) = ½.
        #expect(abs(value(.tversky, input) { $0.smooth = 0 } - 0.5) < 1e-15)
        #expect(abs(value(.focalTversky, input) { $0.smooth = 0; $0.gamma = 2 } - 0.25) < 1e-15)
        #expect(abs(value(.bce, input) - Double.log(2)) < 1e-15)
        // Focal: both pixels have p_t = ½: α_t (½)² log 2, mean of α = .25 and .75 → ½·¼·log 2.
        #expect(abs(value(.binaryFocal, input) - 0.125 * Double.log(2)) < 1e-15)
        // Dice gradient: D = 2, 2TP = 1, ∂L/∂p_i = −(2y_i·D − 2TP)/D² = [−¾, ¼], times σ'(0) = ¼.
        let gradient = Loss.dice.evaluate(input, parameters: LossParameters(smooth: 0)).gradient
        #expect(abs(gradient[0] + 3.0 / 16) < 1e-15 && abs(gradient[1] - 1.0 / 16) < 1e-15)
    }

    @Test func exactlyThePixelwiseLossesHaveAPerPixelLossMap() {
        for loss in Loss.allCases {
            let input = loss.mode == .binary ? Self.binary : Self.multiclass
            let result = loss.evaluate(input)
            #expect((result.pixelLoss != nil) == loss.isPixelwise, "\(loss.name)")
            // The map's mean is the loss.
            if let map = result.pixelLoss {
                #expect(abs(map.reduce(0, +) / Double(input.keptPixels.count) - result.value) < 1e-14)
            }
        }
    }

    /// Without the gradient, every map is the same, and the magnitude is the norm of the full gradient per pixel.
    @Test func mapsOnlyEvaluationAgreesWithTheFullOne() {
        for loss in Loss.allCases {
            let input = loss.mode == .binary
                ? GeneratedInputs.binary(height: 7, width: 9, ignoring: 3, seed: 21)
                : GeneratedInputs.multiclass(classes: 4, height: 6, width: 5, ignoring: 3, seed: 22)
            let prepared = PreparedInput(input)
            let full = loss.evaluate(prepared), maps = loss.evaluate(prepared, keepsGradient: false)
            #expect(maps.gradient.isEmpty && full.gradient.count == input.logits.values.count, "\(loss.name)")
            #expect(maps.value == full.value && maps.weight == full.weight && maps.pixelLoss == full.pixelLoss, "\(loss.name)")
            let plane = input.pixelCount, channels = input.logits.classes
            for pixel in 0..<plane {
                let norm = (0..<channels).map { full.gradient[$0 * plane + pixel] }.map { $0 * $0 }.reduce(0, +).squareRoot()
                #expect(abs(maps.gradientMagnitude[pixel] - norm) <= 1e-15 * max(1, norm), "\(loss.name) pixel \(pixel)")
                #expect(full.gradientMagnitude[pixel] == maps.gradientMagnitude[pixel], "\(loss.name) pixel \(pixel)")
            }
        }
    }

    @Test func ignoredPixelsChangeNothingAndGetNoGradient() {
        let base = GeneratedInputs.binary(height: 4, width: 4, seed: 5)
        var labels = base.truth.labels
        labels[3] = 255
        let withIgnored = try! LossInput(
            truth: LabelMap(height: 4, width: 4, labels: labels), logits: base.logits, ignoreIndex: 255)
        var shifted = base.logits.values
        shifted[3] += 17
        let shiftedIgnored = try! LossInput(
            truth: withIgnored.truth, logits: Logits(classes: 1, height: 4, width: 4, values: shifted), ignoreIndex: 255)
        for loss in Loss.catalogue(.binary) {
            let a = loss.evaluate(withIgnored), b = loss.evaluate(shiftedIgnored)
            #expect(a.value == b.value, "\(loss.name)")
            #expect(a.gradient[3] == 0 && a.weight[3] == 0, "\(loss.name)")
        }
    }

    @Test func allIgnoredLovaszSoftmaxAndEmptyTruthLovaszAreDefined() {
        let empty = GeneratedInputs.multiclass(classes: 3, truth: .empty, seed: 9)
        // Only class 0 is present: the loss is that class's term, finite and positive.
        #expect(Loss.lovaszSoftmax.evaluate(empty).value > 0)
        let noForeground = GeneratedInputs.binary(truth: .empty, seed: 4)
        #expect(Loss.lovaszHinge.evaluate(noForeground).value.isFinite)
    }
}
