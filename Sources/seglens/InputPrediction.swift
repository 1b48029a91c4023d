import SegLensCore

/// One prediction of the command line's inputs: the values as given and their validated loss input.
struct InputPrediction {
    /// The `.mask` prediction's name, or the prediction file's name.
    var name: String
    var kind: PredictionKind
    /// The array shape as given; for a `.mask` prediction `(H, W)` binary or `(C, H, W)`.
    var shape: [Int]
    /// `C×H×W` values as given (probabilities or logits), C order, `C = 1` for binary.
    var values: [Double]
    /// The prediction against the truth, ready for every loss of its mode.
    var input: LossInput
}
