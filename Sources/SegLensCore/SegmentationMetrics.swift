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
