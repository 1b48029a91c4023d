/// How the numbers of a prediction are to be read.
public enum PredictionKind: String, Sendable, CaseIterable {
    /// Raw scores: `σ(z)` (binary) or `softmax(z)` (multi-class) gives the probabilities.
    case logits
    /// Probabilities in `[0, 1]`, turned into logits by ``Logits/init(probabilities:)``.
    case probabilities
}
