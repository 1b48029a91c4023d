extension Loss {
    /// Computes the value, the gradient `∂L/∂z` and the per-pixel maps of this loss on `input`.
    ///
    /// The input's mode must be the loss's mode. Parameters the loss does not read are ignored.
    public func evaluate(_ input: LossInput, parameters: LossParameters? = nil) -> LossResult {
        evaluate(PreparedInput(input), parameters: parameters)
    }

    /// ``evaluate(_:parameters:)`` on an input prepared once for many evaluations.
    ///
    /// With `keepsGradient: false` the `C×H×W` gradient is not stored (``LossResult/gradient`` is empty) and only
    /// its per-pixel norm is: what a heatmap needs, without writing and reading back C planes.
    public func evaluate(
        _ prepared: PreparedInput, parameters: LossParameters? = nil, keepsGradient: Bool = true
    ) -> LossResult {
        let input = prepared.input
        precondition(input.mode == mode, "\(name) is a \(mode.rawValue) loss but the input is \(input.mode.rawValue)")
        let parameters = parameters ?? defaultParameters
        func result(_ outputs: PixelwiseOutputs) -> LossResult {
            LossResult(
                loss: self, parameters: parameters, value: outputs.sum / Double(input.keptPixels.count),
                gradient: outputs.gradient, gradientMagnitude: outputs.magnitude, pixelLoss: outputs.pixelLoss,
                weight: outputs.weight)
        }
        func result(_ outputs: (value: Double, gradient: [Double], magnitude: [Double], weight: [Double])) -> LossResult {
            LossResult(
                loss: self, parameters: parameters, value: outputs.value, gradient: outputs.gradient,
                gradientMagnitude: outputs.magnitude, pixelLoss: nil, weight: outputs.weight)
        }
        switch self {
        case .bce, .weightedBCE, .balancedBCE, .binaryFocal:
            let kernel = pixelwiseBinaryKernel(parameters)
            return result(kernel.evaluate(prepared, keepsGradient: keepsGradient))
        case .borderBCE:
            return result(BorderBCELoss(parameters).evaluate(prepared, keepsGradient: keepsGradient))
        case .crossEntropy, .multiclassFocal:
            return result(pixelwiseMulticlassKernel(parameters).evaluate(prepared, keepsGradient: keepsGradient))
        case .dice, .diceSquared, .iou, .tversky, .focalTversky:
            return result(regionLoss(parameters).evaluateBinary(prepared, keepsGradient: keepsGradient))
        case .multiclassDice, .multiclassIoU, .multiclassTversky:
            return result(regionLoss(parameters).evaluateMulticlass(prepared, keepsGradient: keepsGradient))
        case .lovaszHinge:
            return result(LovaszLoss.hinge(prepared, keepsGradient: keepsGradient))
        case .lovaszSoftmax:
            return result(LovaszLoss.softmax(prepared, keepsGradient: keepsGradient))
        }
    }

    /// The shared kernel of `bce`, `weighted-bce`, `balanced-bce` and binary `focal`.
    func pixelwiseBinaryKernel(_ parameters: LossParameters) -> PixelwiseBinaryLoss {
        switch self {
        case .bce: PixelwiseBinaryLoss(positiveWeight: 1, negativeWeight: 1, gamma: 0)
        case .weightedBCE: PixelwiseBinaryLoss(positiveWeight: parameters.beta, negativeWeight: 1, gamma: 0)
        case .balancedBCE: PixelwiseBinaryLoss(positiveWeight: parameters.beta, negativeWeight: 1 - parameters.beta, gamma: 0)
        default:
            PixelwiseBinaryLoss(
                positiveWeight: parameters.alpha ?? 1, negativeWeight: parameters.alpha.map { 1 - $0 } ?? 1,
                gamma: parameters.gamma)
        }
    }

    /// The shared kernel of multi-class `ce` and `focal`.
    func pixelwiseMulticlassKernel(_ parameters: LossParameters) -> PixelwiseMulticlassLoss {
        self == .crossEntropy
            ? PixelwiseMulticlassLoss(alpha: nil, gamma: 0)
            : PixelwiseMulticlassLoss(alpha: parameters.alpha, gamma: parameters.gamma)
    }

    func regionLoss(_ parameters: LossParameters) -> RegionLoss {
        let kind: RegionLoss.Kind
        switch self {
        case .dice, .multiclassDice: kind = .dice
        case .diceSquared: kind = .diceSquared
        case .iou, .multiclassIoU: kind = .iou
        case .tversky, .multiclassTversky: kind = .tversky(beta: parameters.beta)
        default: kind = .focalTversky(beta: parameters.beta, gamma: parameters.gamma)
        }
        return RegionLoss(kind: kind, smooth: parameters.smooth)
    }
}
