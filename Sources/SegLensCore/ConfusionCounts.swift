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
