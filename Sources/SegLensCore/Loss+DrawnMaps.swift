extension Loss {
    /// The value of this loss on `input` alone, with no per-pixel map and no gradient kept: the fused kernels of
    /// ``BinaryGradientKernel`` for the binary pixel-wise and region losses (one pass; the region losses their
    /// counts pass only), the Lovász hinge's sort from the logits; the multi-class losses evaluate `prepared`
    /// (prepared here when `nil`) and keep the value.
    ///
    /// Equal to ``evaluate(_:parameters:)``'s value within 1e−12 relative (the fused kernels' polynomial `exp` and
    /// `log1p`, see ``FastMath``).
    public func value(_ input: LossInput, parameters: LossParameters? = nil, prepared: PreparedInput? = nil) -> Double {
        compute(input, parameters: parameters, prepared: prepared, drawsMaps: false).value
    }

    /// The value and the ``DrawnMaps`` of this loss on `input`, from the same kernels as ``value(_:parameters:prepared:)``
    /// (the maps written by the pass that sums the value; the C×H×W gradient is never stored for them).
    public func valueAndDrawnMaps(
        _ input: LossInput, parameters: LossParameters? = nil, prepared: PreparedInput? = nil
    ) -> (value: Double, maps: DrawnMaps) {
        let result = compute(input, parameters: parameters, prepared: prepared, drawsMaps: true)
        return (result.value, result.maps!)
    }

    private func compute(
        _ input: LossInput, parameters: LossParameters?, prepared: PreparedInput?, drawsMaps: Bool
    ) -> (value: Double, maps: DrawnMaps?) {
        precondition(input.mode == mode, "\(name) is a \(mode.rawValue) loss but the input is \(input.mode.rawValue)")
        let parameters = parameters ?? defaultParameters
        switch self {
        case .bce, .weightedBCE, .balancedBCE, .binaryFocal, .borderBCE:
            var kernel = pixelwiseBinaryKernel(parameters)
            if self == .borderBCE {
                kernel = PixelwiseBinaryLoss(
                    positiveWeight: 1, negativeWeight: 1, gamma: 0,
                    pixelWeights: BorderWeightMap.cached(for: input).weights(w0: parameters.w0, sigma: parameters.sigma))
            }
            guard drawsMaps else { return (BinaryGradientKernel.pixelwise(input, kernel: kernel, sink: NoSink()), nil) }
            return Self.drawing(input, pixelLoss: true) { BinaryGradientKernel.pixelwise(input, kernel: kernel, sink: $0) }
        case .dice, .diceSquared, .iou, .tversky, .focalTversky:
            let loss = regionLoss(parameters)
            guard drawsMaps else { return (BinaryGradientKernel.region(input, loss: loss, sink: NoSink()), nil) }
            return Self.drawing(input, pixelLoss: false) { BinaryGradientKernel.region(input, loss: loss, sink: $0) }
        case .lovaszHinge:
            guard drawsMaps else { return (LovaszHinge.evaluate(input, gradient: nil), nil) }
            let plane = input.pixelCount
            var gradient = [Double](unsafeUninitializedCapacity: plane) { _, initialized in initialized = plane }
            let value = gradient.withUnsafeMutableBufferPointer { LovaszHinge.evaluate(input, gradient: $0) }
            return Self.drawing(input, pixelLoss: false) { sink in
                gradient.withUnsafeBufferPointer { BinaryGradientKernel.maps(input, gradient: $0, sink: sink) }
                return value
            }
        default:
            let result = evaluate(prepared ?? PreparedInput(input), parameters: parameters, keepsGradient: false)
            return (result.value, drawsMaps ? DrawnMaps(result) : nil)
        }
    }

    /// Runs `kernel` into fresh Float32 maps (every pixel written by the kernel) and returns its value with them.
    private static func drawing(
        _ input: LossInput, pixelLoss: Bool, _ kernel: (DrawnMapsSink) -> Double
    ) -> (value: Double, maps: DrawnMaps?) {
        let plane = input.pixelCount
        func uninitialized(_ count: Int) -> [Float] {
            [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }
        var magnitude = uninitialized(plane), weight = uninitialized(plane), loss = uninitialized(pixelLoss ? plane : 0)
        let value = magnitude.withUnsafeMutableBufferPointer { magnitudeBuffer in
            weight.withUnsafeMutableBufferPointer { weightBuffer in
                loss.withUnsafeMutableBufferPointer { lossBuffer in
                    kernel(DrawnMapsSink(
                        magnitude: DisjointWrites(magnitudeBuffer), weight: DisjointWrites(weightBuffer),
                        pixelLoss: pixelLoss ? DisjointWrites(lossBuffer) : nil))
                }
            }
        }
        return (value, DrawnMaps(gradientMagnitude: magnitude, weight: weight, pixelLoss: pixelLoss ? loss : nil))
    }
}
