extension Loss {
    /// The value of this loss on `input` with the least memory, for a command that prints values of an input it
    /// evaluates once: a binary loss as ``value(_:parameters:prepared:)`` (its fused kernel, no per-pixel map), a
    /// multi-class one from its gradient kernel (``valueAndGradient(_:parameters:precision:into:)``: the softmax
    /// in blocks, one `C×H×W` buffer) and the gradient dropped — instead of a ``PreparedInput`` (`C×H×W`
    /// probabilities and 32 bytes per pixel) and its per-pixel maps.
    ///
    /// Equal to ``evaluate(_:parameters:)``'s value within 1e−12 relative (the fused kernels' ``FastMath``).
    public func boundedValue(_ input: LossInput, parameters: LossParameters? = nil) -> Double {
        guard mode == .multiclass else { return value(input, parameters: parameters) }
        var scratch: [Double] = []
        return valueAndGradient(input, parameters: parameters, into: &scratch)
    }
}
