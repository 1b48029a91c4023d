import SegLensCore

/// A preset of the explorer: the digit key ``number`` selects ``loss`` and sets the parameters of ``settings``
/// over that loss's starting values. From a `.mask` file's `params N "name":` lines, else ``builtIn(_:)``.
public struct Preset: Sendable, Hashable {
    /// 1…9: the key that applies it.
    public var number: Int
    /// What it shows, e.g. `strong focus`, for the status line and the help.
    public var name: String
    public var loss: Loss
    /// The parameters it sets, in the loss's order, and their values (others keep the starting values).
    public var settings: [LossParameter]
    public var values: LossParameters

    /// A preset setting `settings` (parameters of `loss`) to the values in `values`; without a `name`, the name is
    /// the loss and its settings (`focal γ=5`).
    public init(number: Int, name: String? = nil, loss: Loss, settings: [LossParameter], values: LossParameters) {
        precondition((1...9).contains(number), "a preset's key is a digit 1–9")
        self.number = number
        self.loss = loss
        self.settings = loss.parameters.filter(settings.contains)
        self.values = values
        self.name = name ?? ([loss.name] + self.settings.map { "\($0.symbol)=\(values[$0].map(LossParameters.compact) ?? "none")" })
            .joined(separator: " ")
    }

    /// `base` (the loss's starting values) with the preset's settings put over it.
    public func applied(to base: LossParameters) -> LossParameters {
        var result = base
        for parameter in settings { result[parameter] = values[parameter] }
        return result
    }

    /// The presets of a file without `params N:` lines: the focal exponent at 0 (BCE), 2 and 5, Dice, Tversky's
    /// β on either side of 0.5, Lovász, and (binary) the U-Net border weights.
    public static func builtIn(_ mode: SegmentationMode) -> [Preset] {
        func make(_ number: Int, _ name: String, _ loss: Loss, _ values: [(LossParameter, Double?)]) -> Preset {
            var parameters = loss.defaultParameters
            for (parameter, value) in values { parameters[parameter] = value }
            return Preset(number: number, name: name, loss: loss, settings: values.map(\.0), values: parameters)
        }
        switch mode {
        case .binary:
            return [
                make(1, "focal γ=0 (plain BCE)", .binaryFocal, [(.alpha, nil), (.gamma, 0)]),
                make(2, "focal γ=2", .binaryFocal, [(.alpha, nil), (.gamma, 2)]),
                make(3, "focal γ=5 (hard pixels only)", .binaryFocal, [(.alpha, nil), (.gamma, 5)]),
                make(4, "dice", .dice, []),
                make(5, "tversky β=0.3 (FN cost 0.7)", .tversky, [(.beta, 0.3)]),
                make(6, "tversky β=0.7 (FP cost 0.7)", .tversky, [(.beta, 0.7)]),
                make(7, "lovasz-hinge", .lovaszHinge, []),
                make(8, "border-bce w0=10 σ=5", .borderBCE, [(.w0, 10), (.sigma, 5)]),
                make(9, "border-bce w0=0 (class weights only)", .borderBCE, [(.w0, 0)]),
            ]
        case .multiclass:
            return [
                make(1, "ce", .crossEntropy, []),
                make(2, "focal γ=2", .multiclassFocal, [(.alpha, nil), (.gamma, 2)]),
                make(3, "focal γ=5 (hard pixels only)", .multiclassFocal, [(.alpha, nil), (.gamma, 5)]),
                make(4, "dice", .multiclassDice, []),
                make(5, "tversky β=0.3 (FN cost 0.7)", .multiclassTversky, [(.beta, 0.3)]),
                make(6, "tversky β=0.7 (FP cost 0.7)", .multiclassTversky, [(.beta, 0.7)]),
                make(7, "lovasz-softmax", .lovaszSoftmax, []),
            ]
        }
    }
}
