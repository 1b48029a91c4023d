/// Everything one loss says about one input: its value and its per-pixel views.
public struct LossResult: Sendable {
    public let loss: Loss
    public let parameters: LossParameters
    /// The loss value.
    public var value: Double
    /// `∂L/∂z` in the layout of ``Logits`` (`C×H×W`); 0 at ignored pixels.
    public var gradient: [Double]
    /// The per-pixel term whose mean is the loss (`H×W`), for pixel-wise losses only; 0 at ignored pixels.
    public var pixelLoss: [Double]?
    /// The per-pixel weight (`H×W`): the explicit factor of a pixel-wise loss, or for region losses the implicit
    /// weight `(∂L/∂z_i) / (∂BCE/∂z_i)` (multi-class: `‖∂L/∂z_i‖ / ‖∂CE/∂z_i‖`); 0 at ignored pixels.
    public var weight: [Double]

    /// The per-pixel gradient magnitude `|∂L/∂z_i|` (multi-class: the L2 norm over classes), `H×W`.
    public func gradientMagnitude(pixelCount: Int) -> [Double] {
        let classes = gradient.count / pixelCount
        if classes == 1 { return gradient.map(Swift.abs) }
        var magnitude = [Double](repeating: 0, count: pixelCount)
        for channel in 0..<classes {
            let base = channel * pixelCount
            for pixel in 0..<pixelCount {
                magnitude[pixel] += gradient[base + pixel] * gradient[base + pixel]
            }
        }
        return magnitude.map { $0.squareRoot() }
    }
}
