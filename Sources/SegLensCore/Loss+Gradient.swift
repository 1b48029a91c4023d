extension Loss {
    /// Whether ``valueAndGradient(_:parameters:precision:into:)`` has a Float kernel for this loss (with
    /// `precision: .float` the others compute in Doubles).
    public var hasFloatKernel: Bool {
        switch self {
        case .bce, .weightedBCE, .balancedBCE, .binaryFocal, .dice, .diceSquared, .iou, .tversky, .focalTversky: true
        default: false
        }
    }

    /// The value of this loss on `input` and its gradient `∂L/∂z` written into `gradient` (layout of ``Logits``,
    /// resized to `C×H×W` if it has another size, its memory reused otherwise): what a training step needs, with
    /// none of the per-pixel maps of ``evaluate(_:parameters:)``.
    ///
    /// Equal to ``evaluate(_:parameters:)``'s value and gradient within rounding, or within 1e−5 with
    /// `precision: .float` (see ``GradientPrecision``). The binary pixel-wise and region losses run a fused kernel
    /// from the logits (``BinaryGradientKernel``), in Doubles or Floats; the multi-class ones theirs
    /// (``MulticlassGradientKernel``, in Doubles); the Lovász hinge and softmax their sorts without preparing the
    /// input; border-bce evaluates and copies.
    public func valueAndGradient(
        _ input: LossInput, parameters: LossParameters? = nil, precision: GradientPrecision = .double,
        into gradient: inout [Double]
    ) -> Double {
        precondition(input.mode == mode, "\(name) is a \(mode.rawValue) loss but the input is \(input.mode.rawValue)")
        let parameters = parameters ?? defaultParameters
        let count = input.logits.values.count
        if gradient.count != count {
            gradient = [Double](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }
        switch self {
        case .bce, .weightedBCE, .balancedBCE, .binaryFocal:
            let kernel = pixelwiseBinaryKernel(parameters)
            return gradient.withUnsafeMutableBufferPointer { target in
                switch precision {
                case .double: BinaryGradientKernel.pixelwise(input, kernel: kernel, lanes: SIMD4<Double>.self, into: target)
                case .float: BinaryGradientKernel.pixelwise(input, kernel: kernel, lanes: SIMD8<Float>.self, into: target)
                }
            }
        case .dice, .diceSquared, .iou, .tversky, .focalTversky:
            let loss = regionLoss(parameters)
            return gradient.withUnsafeMutableBufferPointer { target in
                switch precision {
                case .double: BinaryGradientKernel.region(input, loss: loss, lanes: SIMD4<Double>.self, into: target)
                case .float: BinaryGradientKernel.region(input, loss: loss, lanes: SIMD8<Float>.self, into: target)
                }
            }
        case .lovaszHinge:
            return gradient.withUnsafeMutableBufferPointer { LovaszLoss.hinge(input, into: $0) }
        case .crossEntropy, .multiclassFocal:
            let loss = pixelwiseMulticlassKernel(parameters)
            return gradient.withUnsafeMutableBufferPointer { MulticlassGradientKernel.pixelwise(input, loss: loss, into: $0) }
        case .multiclassDice, .multiclassIoU, .multiclassTversky:
            let loss = regionLoss(parameters)
            return gradient.withUnsafeMutableBufferPointer { MulticlassGradientKernel.region(input, loss: loss, into: $0) }
        case .lovaszSoftmax:
            return gradient.withUnsafeMutableBufferPointer { LovaszLoss.softmax(input, into: $0) }
        default:
            let result = evaluate(input, parameters: parameters)
            gradient.withUnsafeMutableBufferPointer { target in
                result.gradient.withUnsafeBufferPointer { source in
                    target.baseAddress!.update(from: source.baseAddress!, count: count)
                }
            }
            return result.value
        }
    }
}
