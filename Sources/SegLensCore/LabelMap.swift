/// A ground-truth segmentation: one class label per pixel, stored row-major.
///
/// Labels are class ids `0…C−1`; any other value must be the ignore index of the ``LossInput`` built from it.
public struct LabelMap: Sendable, Equatable {
    public let height: Int
    public let width: Int
    /// Row-major labels, `labels[row * width + column]`.
    public var labels: [Int32]

    public init(height: Int, width: Int, labels: [Int32]) {
        precondition(height >= 0 && width >= 0 && labels.count == height * width, "label count must be height × width")
        self.height = height
        self.width = width
        self.labels = labels
    }

    public var pixelCount: Int { height * width }

    public subscript(row: Int, column: Int) -> Int32 {
        get { labels[row * width + column] }
        set { labels[row * width + column] = newValue }
    }
}
