/// Everything one loss says about one input: its value and its per-pixel views.
public struct LossResult: Sendable {
    public let loss: Loss
    public let parameters: LossParameters
    /// The loss value.
    public var value: Double
    /// `∂L/∂z` in the layout of ``Logits`` (`C×H×W`); 0 at ignored pixels. Empty when the evaluation was asked
    /// not to keep it (`keepsGradient: false`).
    public var gradient: [Double]
    /// `|∂L/∂z_i|` per pixel (`H×W`; multi-class: the L2 norm over classes).
    public var gradientMagnitude: [Double]
    /// The per-pixel term whose mean is the loss (`H×W`), for pixel-wise losses only; 0 at ignored pixels.
    public var pixelLoss: [Double]?
    /// The per-pixel weight (`H×W`): the explicit factor of a pixel-wise loss, or for region losses the implicit
    /// weight `(∂L/∂z_i) / (∂BCE/∂z_i)` (multi-class: `‖∂L/∂z_i‖ / ‖∂CE/∂z_i‖`); 0 at ignored pixels.
    public var weight: [Double]
}

extension LossResult {
    /// A result holding the value alone, every map empty: what ``Loss/value(_:parameters:prepared:)`` gives, for
    /// reports that print values.
    public init(valueOnly value: Double, loss: Loss, parameters: LossParameters) {
        self.init(
            loss: loss, parameters: parameters, value: value, gradient: [], gradientMagnitude: [], pixelLoss: nil, weight: [])
    }
}
