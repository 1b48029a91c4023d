extension SegmentationMetrics {
    /// The IoU that sums the prediction up: the foreground's for binary input, ``meanIoU`` for multi-class.
    public var overallIoU: Double { mode == .binary ? foreground.iou : meanIoU }

    /// The Dice score that sums the prediction up: the foreground's for binary input, for multi-class the mean
    /// over the classes present in the truth or the prediction (1 when there is none), as ``meanIoU``.
    public var overallDice: Double {
        if mode == .binary { return foreground.dice }
        let present = perClass.filter { !$0.bothEmpty }
        return present.isEmpty ? 1 : present.map(\.dice).reduce(0, +) / Double(present.count)
    }
}
