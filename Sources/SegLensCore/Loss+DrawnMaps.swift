extension Loss {
    /// The value of this loss on `input` alone, with no per-pixel map and no gradient kept: the fused kernels of
    /// ``BinaryGradientKernel`` for the binary pixel-wise and region losses (one pass; the region losses their
    /// counts pass only), the Lovász hinge's sort from the logits; the multi-class losses evaluate `prepared`
    /// (prepared here when `nil`) and keep the value.
    ///
    /// Equal to ``evaluate(_:parameters:)``'s value within 1e−12 relative (the fused kernels' polynomial `exp` and
    /// `log1p`, see ``FastMath``).
    public func value(_ input: LossInput, parameters: LossParameters? = nil, prepared: PreparedInput? = nil) -> Double {
        compute(input, parameters: parameters, prepared: prepared).value
    }

    /// The value and the ``DrawnMaps`` of `kinds` of this loss on `input`, from the same kernels as
    /// ``value(_:parameters:prepared:)`` (the maps written by the pass that sums the value; the C×H×W gradient is
    /// never stored for them). A per-pixel loss map is drawn for the pixel-wise losses only.
    public func valueAndDrawnMaps(
        _ input: LossInput, parameters: LossParameters? = nil, prepared: PreparedInput? = nil,
        kinds: Set<DrawnMaps.Kind> = Set(DrawnMaps.Kind.allCases)
    ) -> (value: Double, maps: DrawnMaps) {
        var kinds = kinds
        if !isPixelwise { kinds.remove(.pixelLoss) }
        guard !kinds.isEmpty else { return (value(input, parameters: parameters, prepared: prepared), .none) }
        let result = compute(input, parameters: parameters, prepared: prepared, drawing: kinds)
        return (result.value, result.maps!)
    }

    private func compute(
        _ input: LossInput, parameters: LossParameters?, prepared: PreparedInput?, drawing kinds: Set<DrawnMaps.Kind>? = nil
    ) -> (value: Double, maps: DrawnMaps?) {
        precondition(input.mode == mode, "\(name) is a \(mode.rawValue) loss but the input is \(input.mode.rawValue)")
        let parameters = parameters ?? defaultParameters
        switch self {
        case .bce, .weightedBCE, .balancedBCE, .binaryFocal, .borderBCE:
            let kernel = self == .borderBCE
                ? BorderBCELoss(parameters).kernel(for: input) : pixelwiseBinaryKernel(parameters)
            guard let kinds else {
                return (BinaryGradientKernel.pixelwise(input, kernel: kernel, lanes: SIMD4<Double>.self, sink: NoSink()), nil)
            }
            return Self.drawing(input, kinds) {
                BinaryGradientKernel.pixelwise(input, kernel: kernel, lanes: SIMD4<Double>.self, sink: $0)
            }
        case .dice, .diceSquared, .iou, .tversky, .focalTversky:
            let loss = regionLoss(parameters)
            guard let kinds else {
                return (BinaryGradientKernel.region(input, loss: loss, lanes: SIMD4<Double>.self, sink: NoSink()), nil)
            }
            return Self.drawing(input, kinds) {
                BinaryGradientKernel.region(input, loss: loss, lanes: SIMD4<Double>.self, sink: $0)
            }
        case .lovaszHinge:
            guard let kinds else { return (LovaszHinge.evaluate(input, gradient: nil), nil) }
            let plane = input.pixelCount
            var gradient = [Double](unsafeUninitializedCapacity: plane) { _, initialized in initialized = plane }
            let value = gradient.withUnsafeMutableBufferPointer { LovaszHinge.evaluate(input, gradient: $0) }
            return Self.drawing(input, kinds) { sink in
                gradient.withUnsafeBufferPointer { BinaryGradientKernel.maps(input, gradient: $0, sink: sink) }
                return value
            }
        default:
            let result = evaluate(prepared ?? PreparedInput(input), parameters: parameters, keepsGradient: false)
            return (result.value, kinds.map { DrawnMaps(result, kinds: $0) })
        }
    }

    /// Runs `kernel` into fresh Float32 maps of `kinds` (every pixel written by the kernel) and returns its value
    /// with them.
    private static func drawing(
        _ input: LossInput, _ kinds: Set<DrawnMaps.Kind>, _ kernel: (DrawnMapsSink) -> Double
    ) -> (value: Double, maps: DrawnMaps?) {
        let plane = input.pixelCount
        func uninitialized(_ kind: DrawnMaps.Kind) -> [Float] {
            let count = kinds.contains(kind) ? plane : 0
            return [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }
        var magnitude = uninitialized(.gradientMagnitude), weight = uninitialized(.weight)
        var loss = uninitialized(.pixelLoss)
        func writer(_ buffer: UnsafeMutableBufferPointer<Float>, _ kind: DrawnMaps.Kind) -> DisjointWrites<Float>? {
            kinds.contains(kind) ? DisjointWrites(buffer) : nil
        }
        let value = magnitude.withUnsafeMutableBufferPointer { magnitudeBuffer in
            weight.withUnsafeMutableBufferPointer { weightBuffer in
                loss.withUnsafeMutableBufferPointer { lossBuffer in
                    kernel(DrawnMapsSink(
                        magnitude: writer(magnitudeBuffer, .gradientMagnitude), weight: writer(weightBuffer, .weight),
                        pixelLoss: writer(lossBuffer, .pixelLoss)))
                }
            }
        }
        return (value, DrawnMaps(
            gradientMagnitude: kinds.contains(.gradientMagnitude) ? magnitude : nil,
            weight: kinds.contains(.weight) ? weight : nil, pixelLoss: kinds.contains(.pixelLoss) ? loss : nil))
    }
}
