import SegLensCore

/// One model output of a `.mask` file, laid out exactly as
/// ``SegLensCore/LossInput/init(truth:prediction:kind:classes:ignoreIndex:)`` takes it.
public struct MaskPrediction: Sendable, Equatable {
    /// The name the explorer shows; `"prediction"` (``MaskPrediction/defaultName``) when the file gives none.
    public var name: String
    /// Whether ``values`` are logits or probabilities (digit grids and argmax grids read as probabilities).
    public var kind: PredictionKind
    /// Number of channels: 1 for a binary file (the logit or probability of class 1), else the class count.
    public var classes: Int
    /// `classes × height × width` values in C order: `values[(c * height + row) * width + column]`.
    public var values: [Double]

    public init(name: String = MaskPrediction.defaultName, kind: PredictionKind, classes: Int, values: [Double]) {
        self.name = name
        self.kind = kind
        self.classes = classes
        self.values = values
    }

    /// The name of a prediction written without a quoted name: `prediction: logits`.
    public static let defaultName = "prediction"
}
