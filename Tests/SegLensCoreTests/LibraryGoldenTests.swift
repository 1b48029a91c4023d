import Foundation
import Testing
import SegLensCore

/// Values printed by the libraries users run (smp 0.6.0, MONAI 1.6.1, kornia 0.9.0, Keras 3.15.1, torch; float32) on
/// the small inputs of the shared loss notes (§9 "Golden values"): B = 2 images of 4×4, logits rounded to float32.
/// A library's batch-global loss (smp, MONAI `batch=True`, `per_image=False`) is seglens's loss of the two images
/// side by side; a per-image mean (MONAI's default) is the mean of seglens's loss of each image.
@Suite struct LibraryGoldenTests {
    /// float32 results: six to seven significant digits.
    static let tolerance = 3e-6

    static func binaryImage(_ b: Int) -> (labels: [Int32], logits: [Double]) {
        var labels: [Int32] = [], logits: [Double] = []
        for h in 0..<4 {
            for w in 0..<4 {
                logits.append(Double(Float(2.5 * cos(0.3 + 0.9 * Double(b) + 0.41 * Double(h) + 0.77 * Double(w)))))
                labels.append(((4 * h + w) * 7 + b) % 5 < 2 ? 1 : 0)
            }
        }
        return (labels, logits)
    }

    static func multiclassImage(_ b: Int) -> (labels: [Int32], logits: [Double]) {
        var labels: [Int32] = [], logits = [Double](repeating: 0, count: 3 * 16)
        for h in 0..<4 {
            for w in 0..<4 {
                labels.append(Int32((b + 2 * h + 3 * w) % 3))
                for c in 0..<3 {
                    let value = 3 * sin(1 + 0.5 * Double(b) + 1.1 * Double(c) + 0.37 * Double(h) + 0.23 * Double(w))
                    logits[c * 16 + h * 4 + w] = Double(Float(value))
                }
            }
        }
        return (labels, logits)
    }

    /// One image, or both side by side (4×8), as a seglens input.
    static func input(multiclass: Bool, images: [Int]) -> LossInput {
        let parts = images.map { multiclass ? multiclassImage($0) : binaryImage($0) }
        let classes = multiclass ? 3 : 1, width = 4 * images.count
        var labels = [Int32](repeating: 0, count: 4 * width), logits = [Double](repeating: 0, count: classes * 4 * width)
        for (k, part) in parts.enumerated() {
            for h in 0..<4 {
                for w in 0..<4 {
                    labels[h * width + 4 * k + w] = part.labels[h * 4 + w]
                    for c in 0..<classes { logits[(c * 4 + h) * width + 4 * k + w] = part.logits[c * 16 + h * 4 + w] }
                }
            }
        }
        return try! LossInput(
            truth: LabelMap(height: 4, width: width, labels: labels),
            logits: Logits(classes: classes, height: 4, width: width, values: logits))
    }

    func batch(_ loss: Loss, _ change: (inout LossParameters) -> Void = { _ in }) -> Double {
        var parameters = loss.defaultParameters
        change(&parameters)
        return loss.evaluate(Self.input(multiclass: loss.mode == .multiclass, images: [0, 1]), parameters: parameters).value
    }

    func perImageMean(_ loss: Loss, _ change: (inout LossParameters) -> Void = { _ in }) -> Double {
        var parameters = loss.defaultParameters
        change(&parameters)
        return [0, 1].map {
            loss.evaluate(Self.input(multiclass: loss.mode == .multiclass, images: [$0]), parameters: parameters).value
        }.reduce(0, +) / 2
    }

    @Test func binaryLossesMatchTheLibraries() {
        let t = Self.tolerance
        #expect(abs(batch(.bce) - 0.8974308) < t)                                              // smp SoftBCEWithLogitsLoss
        #expect(abs(batch(.binaryFocal) { $0.alpha = nil } - 0.5670447) < t)                  // smp/MONAI FocalLoss, α=None
        #expect(abs(batch(.binaryFocal) - 0.1874286) < t)                                     // α=0.25; kornia, Keras too
        #expect(abs(batch(.dice) { $0.smooth = 0 } - 0.6142415) < t)                          // smp DiceLoss("binary")
        #expect(abs(batch(.dice) - 0.6142412) < t)                                            // MONAI DiceLoss(sigmoid, batch=True)
        #expect(abs(perImageMean(.dice) - 0.6179128) < t)                                     // MONAI DiceLoss(sigmoid)
        #expect(abs(perImageMean(.diceSquared) - 0.5265110) < t)                              // MONAI squared_pred
        #expect(abs(batch(.iou) { $0.smooth = 0 } - 0.7610280) < t)                           // smp JaccardLoss("binary")
        #expect(abs(batch(.tversky) { $0.smooth = 0 } - 0.6414646) < t)                       // smp TverskyLoss(α=.3, β=.7)
        #expect(abs(batch(.focalTversky) { $0.smooth = 0 } - 0.7167695) < t)                  // … gamma=0.75
        #expect(abs(perImageMean(.tversky) - 0.6442298) < t)                                  // MONAI TverskyLoss(α=.3, β=.7)
        #expect(abs(batch(.lovaszHinge) - 2.1863656) < t)                                     // smp LovaszLoss per_image=False
        #expect(abs(perImageMean(.lovaszHinge) - 2.1975503) < t)                              // Berman per_image=True, kornia
    }

    @Test func multiclassLossesMatchTheLibraries() {
        let t = Self.tolerance
        #expect(abs(batch(.crossEntropy) - 2.2632933) < t)                                    // torch cross_entropy
        // kornia averages focal over B·C·N elements; seglens over pixels (the conventions): ×3.
        #expect(abs(batch(.multiclassFocal) - 3 * 0.6833931) < 3 * t)                         // kornia focal_loss α=None
        #expect(abs(batch(.multiclassFocal) { $0.alpha = 0.25 } - 3 * 0.1723299) < 3 * t)     // kornia α=.25
        #expect(abs(batch(.multiclassDice) - 0.7827509) < t)                                  // MONAI Dice(softmax, batch=True)
        #expect(abs(perImageMean(.multiclassDice) - 0.7869685) < t)                           // MONAI Dice(softmax, onehot)
        #expect(abs(perImageMean(.multiclassTversky) - 0.7642312) < t)                        // MONAI Tversky(.3, .7)
        #expect(abs(batch(.lovaszSoftmax) - 0.8477173) < t)                                   // smp / Berman per_image=False
        #expect(abs(perImageMean(.lovaszSoftmax) - 0.8484311) < t)                            // Berman per_image=True, kornia
    }
}
