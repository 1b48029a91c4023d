extension Loss {
    /// Computes the value, the gradient `∂L/∂z` and the per-pixel maps of this loss on `input`.
    ///
    /// The input's mode must be the loss's mode. Parameters the loss does not read are ignored.
    public func evaluate(_ input: LossInput, parameters: LossParameters? = nil) -> LossResult {
        evaluate(PreparedInput(input), parameters: parameters)
    }

    /// ``evaluate(_:parameters:)`` on an input prepared once for many evaluations.
    public func evaluate(_ prepared: PreparedInput, parameters: LossParameters? = nil) -> LossResult {
        let input = prepared.input
        precondition(input.mode == mode, "\(name) is a \(mode.rawValue) loss but the input is \(input.mode.rawValue)")
        let parameters = parameters ?? defaultParameters
        let value: Double, gradient: [Double]
        switch self {
        case .bce, .weightedBCE, .balancedBCE, .binaryFocal:
            let kernel: PixelwiseBinaryLoss
            switch self {
            case .bce: kernel = PixelwiseBinaryLoss(positiveWeight: 1, negativeWeight: 1, gamma: 0)
            case .weightedBCE: kernel = PixelwiseBinaryLoss(positiveWeight: parameters.beta, negativeWeight: 1, gamma: 0)
            case .balancedBCE:
                kernel = PixelwiseBinaryLoss(positiveWeight: parameters.beta, negativeWeight: 1 - parameters.beta, gamma: 0)
            default:
                let alpha = parameters.alpha
                kernel = PixelwiseBinaryLoss(
                    positiveWeight: alpha ?? 1, negativeWeight: alpha.map { 1 - $0 } ?? 1, gamma: parameters.gamma)
            }
            let result = kernel.evaluate(prepared)
            return LossResult(
                loss: self, parameters: parameters, value: result.sum / Double(input.keptPixels.count), gradient: result.gradient,
                pixelLoss: result.pixelLoss, weight: result.weight)
        case .crossEntropy, .multiclassFocal:
            let kernel = self == .crossEntropy
                ? PixelwiseMulticlassLoss(alpha: nil, gamma: 0)
                : PixelwiseMulticlassLoss(alpha: parameters.alpha, gamma: parameters.gamma)
            let result = kernel.evaluate(prepared)
            return LossResult(
                loss: self, parameters: parameters, value: result.sum / Double(input.keptPixels.count), gradient: result.gradient,
                pixelLoss: result.pixelLoss, weight: result.weight)
        case .dice, .diceSquared, .iou, .tversky, .focalTversky:
            (value, gradient) = regionLoss(parameters).evaluateBinary(prepared)
        case .multiclassDice, .multiclassIoU, .multiclassTversky:
            let result = regionLoss(parameters).evaluateMulticlass(prepared)
            return LossResult(
                loss: self, parameters: parameters, value: result.value, gradient: result.gradient, pixelLoss: nil,
                weight: result.weight)
        case .lovaszHinge:
            (value, gradient) = LovaszLoss.hinge(prepared)
        case .lovaszSoftmax:
            let result = LovaszLoss.softmax(prepared)
            return LossResult(
                loss: self, parameters: parameters, value: result.value, gradient: result.gradient, pixelLoss: nil,
                weight: result.weight)
        }
        return LossResult(
            loss: self, parameters: parameters, value: value, gradient: gradient, pixelLoss: nil,
            weight: ImplicitWeight.binary(gradient: gradient, prepared: prepared))
    }

    private func regionLoss(_ parameters: LossParameters) -> RegionLoss {
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
