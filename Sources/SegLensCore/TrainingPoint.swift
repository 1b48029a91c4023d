/// One point of a training trajectory: after `step` steps, the loss value and the thresholded prediction's
/// ``SegmentationMetrics/overallIoU`` and ``SegmentationMetrics/overallDice``.
public struct TrainingPoint: Sendable, Equatable {
    public var step: Int
    public var value: Double
    public var iou: Double
    public var dice: Double

    public init(step: Int, value: Double, iou: Double, dice: Double) {
        self.step = step
        self.value = value
        self.iou = iou
        self.dice = dice
    }

    /// The point of `input` after `step` steps, whose loss value is `value`.
    public init(step: Int, value: Double, input: LossInput) {
        let metrics = SegmentationMetrics(input)
        self.init(step: step, value: value, iou: metrics.overallIoU, dice: metrics.overallDice)
    }
}
