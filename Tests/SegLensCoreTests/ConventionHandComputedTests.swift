import Foundation
import Testing
import SegLensCore

/// Presets on inputs small enough to work out by hand, where the conventions part ways: an ignored pixel, classes
/// absent from the truth, the Keras Tversky swap, the article's ratio.
@Suite struct ConventionHandComputedTests {
    /// 3 classes, 1×3: pixel A label 0, p = (½, ¼, ¼); pixel B label 0, p = (¼, ½, ¼); pixel C ignored (255).
    /// Over the kept pixels: class 0 I = ¾, Σp = ¾, Σt = 2; class 1 Σp = ¾; class 2 Σp = ½; classes 1 and 2 absent.
    static let multiclass = ConventionBatch(try! LossInput(
        truth: LabelMap(height: 1, width: 3, labels: [0, 0, 255]),
        logits: Logits(classes: 3, height: 1, width: 3, values: [log(2), 0, 0, 0, log(2), 0, 0, 0, 0]),
        ignoreIndex: 255))

    /// Binary, 1×2: p = (½, ¾) (logits 0 and ln 3), labels (1, 0): I = ½, Σp = 5/4, Σp² = 13/16, Σt = 1, FP = ¾, FN = ½.
    static let binary = ConventionBatch(try! LossInput(
        truth: LabelMap(height: 1, width: 2, labels: [1, 0]), logits: Logits(classes: 1, height: 1, width: 2, values: [0, log(3)])))

    func value(_ library: ConventionLibrary, _ loss: Loss, _ batch: ConventionBatch, _ change: (inout LossParameters) -> Void = { _ in }) -> Double? {
        var parameters = loss.defaultParameters
        change(&parameters)
        return Conventions.evaluate(library, loss: loss, parameters: parameters, batch: batch)?.value
    }

    func expectClose(_ actual: Double?, _ expected: Double, _ comment: Comment) {
        guard let actual else { Issue.record("no value: \(comment)"); return }
        #expect(abs(actual - expected) <= 1e-12 * max(1, abs(expected)), "\(actual) vs \(expected): \(comment)")
    }

    @Test func diceWhereClassesAreAbsent() {
        let s0: (inout LossParameters) -> Void = { $0.smooth = 0 }
        // smp: class 0 scores 1 − ¾/(¾ + ½·0 + ½·5/4) = 5/11; absent classes 1, 2 score 0; the mean divides by 3.
        expectClose(value(.smp, .multiclassDice, Self.multiclass, s0), 5.0 / 33, "smp zeroes absent classes")
        // MONAI (and seglens): absent classes score 1 − 0/Σp = 1: (5/11 + 1 + 1)/3.
        expectClose(value(.monai, .multiclassDice, Self.multiclass, s0), 27.0 / 33, "MONAI keeps them")
        expectClose(Loss.multiclassDice.evaluate(Self.multiclass.images[0].input, parameters: LossParameters(smooth: 0)).value, 27.0 / 33, "seglens")
        // kornia micro: 1 − 2·¾/((¾+2) + ¾ + ½ + 1e−8).
        expectClose(value(.kornia, .multiclassDice, Self.multiclass), 1 - 1.5 / (4 + 1e-8), "kornia micro")
        // kornia Tversky (½, ½) over present classes only: 1 − ¾/(¾ + ½·0 + ½·5/4 + 1e−8).
        expectClose(value(.kornia, .multiclassTversky, Self.multiclass) { $0.beta = 0.5 }, 1 - 0.75 / (1.375 + 1e-8), "kornia present")
    }

    @Test func theDenominatorOfIgnoredPixels() {
        // Cross-entropy terms of the kept pixels: −ln ½ and −ln ¼, 3·ln 2 in all.
        expectClose(value(.torchvision, .crossEntropy, Self.multiclass), 3 * log(2) / 2, "torch drops the ignored pixel")
        expectClose(value(.keras, .crossEntropy, Self.multiclass), 3 * log(2) / 2, "Keras ignore_class drops it")
        expectClose(value(.smp, .crossEntropy, Self.multiclass), 3 * log(2) / 3, "smp keeps it in the mean")
        // kornia focal, γ = 0, α = none: Σ/(pixels × C), ignored pixel included: 3·ln 2/9.
        expectClose(value(.kornia, .multiclassFocal, Self.multiclass) { $0.gamma = 0 }, log(2) / 3, "kornia: pixels × C")
    }

    @Test func lovaszSoftmaxOverPresentClasses() {
        // smp: class 0 only; errors |1 − p₀| = ½ (A), ¾ (B); sorted B, A: Jaccard 1 − 1/2 = ½, then 1: Δ = (½, ½).
        expectClose(value(.smp, .lovaszSoftmax, Self.multiclass), 0.75 * 0.5 + 0.5 * 0.5, "smp present classes")
    }

    @Test func binaryTverskyDiceAndTheArticle() {
        // smp Dice, s = 0: 1 − ½/(½ + ½·¾ + ½·½) = 5/9.
        expectClose(value(.smp, .dice, Self.binary) { $0.smooth = 0 }, 5.0 / 9, "smp dice")
        // Keras 3.15.1 Tversky(alpha=0.3, beta=0.7): 0.3 on FN, 0.7 on FP.
        expectClose(value(.keras, .tversky, Self.binary), 1 - 0.5 / (0.5 + 0.3 * 0.5 + 0.7 * 0.75 + 1e-7), "Keras swap")
        // The article's Dice is the ratio 2I/(Σy + Σp² + 1e−7), its Tversky adds 1 on both sides.
        expectClose(value(.article, .dice, Self.binary), 1 / (1 + 13.0 / 16 + 1e-7), "article dice")
        expectClose(value(.article, .tversky, Self.binary), 1 - 1.5 / (0.5 + 0.3 * 0.75 + 0.7 * 0.5 + 1), "article tversky")
    }
}
