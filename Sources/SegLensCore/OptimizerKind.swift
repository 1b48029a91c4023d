/// The update rule a ``LogitOptimizer`` applies to the logits.
public enum OptimizerKind: String, Sendable, Hashable, CaseIterable {
    /// Plain gradient descent: `z ← z − η·g`.
    case sgd
    /// Adam (Kingma & Ba 2015) with `β1 = 0.9`, `β2 = 0.999`, `ε = 1e−8`, bias-corrected.
    case adam
}
