/// The arithmetic of ``Loss/valueAndGradient(_:parameters:precision:into:)``'s fused kernels. Inputs and outputs
/// are Doubles either way, and sums are accumulated in Doubles.
public enum GradientPrecision: String, Sendable, CaseIterable {
    /// Four Doubles per instruction: value and gradient equal ``Loss/evaluate(_:parameters:)``'s within 1e−12
    /// relative (the gradient relative to its largest element).
    case double
    /// Eight Floats per instruction, about twice as fast: within 1e−5 relative (the gradient relative to its largest
    /// element), the precision a Float32 training step computes in. Losses without a Float kernel run in Double.
    case float
}
