/// Confusion counts of one class on the thresholded prediction, and the scores derived from them.
///
/// A score whose denominator is empty is 1 when both the truth and the prediction of the class are empty
/// (nothing to find, nothing found) and 0 otherwise.
public struct ConfusionCounts: Sendable, Equatable {
    public var truePositive = 0
    public var falsePositive = 0
    public var falseNegative = 0
    public var trueNegative = 0

    public init(truePositive: Int = 0, falsePositive: Int = 0, falseNegative: Int = 0, trueNegative: Int = 0) {
        self.truePositive = truePositive
        self.falsePositive = falsePositive
        self.falseNegative = falseNegative
        self.trueNegative = trueNegative
    }

    /// True when neither the truth nor the prediction contains the class.
    public var bothEmpty: Bool { truePositive + falsePositive + falseNegative == 0 }

    private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? (bothEmpty ? 1 : 0) : Double(numerator) / Double(denominator)
    }

    /// `TP / (TP + FP + FN)`.
    public var iou: Double { ratio(truePositive, truePositive + falsePositive + falseNegative) }
    /// `2TP / (2TP + FP + FN)` (F1).
    public var dice: Double { ratio(2 * truePositive, 2 * truePositive + falsePositive + falseNegative) }
    /// `TP / (TP + FP)`.
    public var precision: Double { ratio(truePositive, truePositive + falsePositive) }
    /// `TP / (TP + FN)`.
    public var recall: Double { ratio(truePositive, truePositive + falseNegative) }
    /// `(TP + TN) / all`.
    public var accuracy: Double {
        ratio(truePositive + trueNegative, truePositive + falsePositive + falseNegative + trueNegative)
    }
}

/// Metrics of a prediction thresholded at `p ≥ 0.5` (binary, i.e. `z ≥ 0`) or by argmax (multi-class; the first
/// maximum wins a tie), over the kept pixels.
public struct SegmentationMetrics: Sendable, Equatable {
    /// Per class, indexed by class id; a binary input has two entries and `perClass[1]` is the foreground.
    public var perClass: [ConfusionCounts]
    public let mode: SegmentationMode

    /// The counts that summarise the input: the foreground for binary input.
    public var foreground: ConfusionCounts { perClass[1] }

    /// Mean IoU over the classes present in the truth or the prediction (1 when there is none).
    public var meanIoU: Double {
        let present = perClass.filter { !$0.bothEmpty }
        return present.isEmpty ? 1 : present.map(\.iou).reduce(0, +) / Double(present.count)
    }

    /// Fraction of kept pixels whose predicted class equals the truth.
    public var pixelAccuracy: Double {
        let total = perClass[0].truePositive + perClass[0].falsePositive + perClass[0].falseNegative
            + perClass[0].trueNegative
        let correct = perClass.map(\.truePositive).reduce(0, +)
        return total == 0 ? 1 : Double(correct) / Double(total)
    }

    public init(_ input: LossInput) {
        mode = input.mode
        let classes = input.classes
        let labels = input.truth.labels
        var hits = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)  // [truth][predicted]
        for pixel in input.keptPixels {
            hits[Int(labels[pixel])][input.predictedClass(at: pixel)] += 1
        }
        let total = input.keptPixels.count
        perClass = (0..<classes).map { c in
            let truePositive = hits[c][c]
            let truthCount = hits[c].reduce(0, +)
            let predictedCount = hits.map { $0[c] }.reduce(0, +)
            return ConfusionCounts(
                truePositive: truePositive, falsePositive: predictedCount - truePositive,
                falseNegative: truthCount - truePositive,
                trueNegative: total - truthCount - predictedCount + truePositive)
        }
    }
}
