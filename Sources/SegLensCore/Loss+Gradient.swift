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
    /// (``MulticlassGradientKernel``, in Doubles); border-bce the pixel-wise kernel with its weight map (in
    /// Doubles); the Lovász hinge and softmax their sorts without preparing the input.
    public func valueAndGradient(
        _ input: LossInput, parameters: LossParameters? = nil, precision: GradientPrecision = .double,
        into gradient: inout [Double]
    ) -> Double {
        precondition(input.mode == mode, "\(name) is a \(mode.rawValue) loss but the input is \(input.mode.rawValue)")
        let parameters = parameters ?? defaultParameters
        // The buffer is sized only once the kernel is built, so that border-bce's weight map is made before it.
        func written(_ kernel: (UnsafeMutableBufferPointer<Double>) -> Double) -> Double {
            let count = input.logits.values.count
            if gradient.count != count {
                gradient = [Double](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
            }
            return gradient.withUnsafeMutableBufferPointer { kernel($0) }
        }
        switch self {
        case .bce, .weightedBCE, .balancedBCE, .binaryFocal, .borderBCE:
            let kernel = self == .borderBCE
                ? BorderBCELoss(parameters).kernel(for: input) : pixelwiseBinaryKernel(parameters)
            return written { target in
                switch hasFloatKernel ? precision : .double {
                case .double: BinaryGradientKernel.pixelwise(input, kernel: kernel, lanes: SIMD4<Double>.self, into: target)
                case .float: BinaryGradientKernel.pixelwise(input, kernel: kernel, lanes: SIMD8<Float>.self, into: target)
                }
            }
        case .dice, .diceSquared, .iou, .tversky, .focalTversky:
            let loss = regionLoss(parameters)
            return written { target in
                switch precision {
                case .double: BinaryGradientKernel.region(input, loss: loss, lanes: SIMD4<Double>.self, into: target)
                case .float: BinaryGradientKernel.region(input, loss: loss, lanes: SIMD8<Float>.self, into: target)
                }
            }
        case .lovaszHinge:
            return written { LovaszLoss.hinge(input, into: $0) }
        case .crossEntropy, .multiclassFocal:
            let loss = pixelwiseMulticlassKernel(parameters)
            return written { MulticlassGradientKernel.pixelwise(input, loss: loss, into: $0) }
        case .multiclassDice, .multiclassIoU, .multiclassTversky:
            let loss = regionLoss(parameters)
            return written { MulticlassGradientKernel.region(input, loss: loss, into: $0) }
        case .lovaszSoftmax:
            return written { LovaszLoss.softmax(input, into: $0) }
        }
    }
}
