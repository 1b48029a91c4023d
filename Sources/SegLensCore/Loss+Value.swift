extension Loss {
    /// The value of this loss on `input` and nothing else: the result's gradient and per-pixel maps are empty.
    ///
    /// The binary losses that are sums over pixels are evaluated in bands of whole rows of about `bandPixels`
    /// pixels, each prepared and evaluated on its own, so that the memory beyond the input is that of one band
    /// whatever the input's size: `bce`, `weighted-bce`, `balanced-bce`, `focal` and `border-bce` (over the weight
    /// map of the whole truth) sum their per-pixel terms `L_i` (`L = Σ L_i / N`), the overlap losses their soft
    /// counts (`TP`, `Σp`, `Σy`, `Σp²`). An input of at most `bandPixels` pixels is one band and gets exactly the
    /// value of ``evaluate(_:parameters:)``; with more bands the sums are grouped differently, which changes the
    /// last digits at most. `lovasz-hinge` is evaluated from the logits alone, as its evaluation is; the
    /// multi-class losses are evaluated whole without keeping the gradient.
    public func value(of input: LossInput, parameters: LossParameters? = nil, bandPixels: Int = 1 << 17) -> LossResult {
        let parameters = parameters ?? defaultParameters
        func result(_ value: Double) -> LossResult {
            LossResult(
                loss: self, parameters: parameters, value: value, gradient: [], gradientMagnitude: [], pixelLoss: nil,
                weight: [])
        }
        switch self {
        case .bce, .weightedBCE, .balancedBCE, .binaryFocal:
            let kernel = pixelwiseBinaryKernel(parameters)
            var sum = 0.0
            LossInput.forEachBand(of: input, pixels: bandPixels) { band, _ in
                sum += kernel.evaluate(PreparedInput(band), keepsGradient: false).sum
            }
            return result(sum / Double(input.keptPixels.count))
        case .borderBCE:
            // The weight map is of the whole truth; each band reads its rows of it.
            let kernel = BorderBCELoss(parameters).kernel(for: input)
            var sum = 0.0
            LossInput.forEachBand(of: input, pixels: bandPixels) { band, pixels in
                var bandKernel = kernel
                if band.pixelCount < input.pixelCount { bandKernel.pixelWeights = kernel.pixelWeights.map { Array($0[pixels]) } }
                sum += bandKernel.evaluate(PreparedInput(band), keepsGradient: false).sum
            }
            return result(sum / Double(input.keptPixels.count))
        case .dice, .diceSquared, .iou, .tversky, .focalTversky:
            var counts = RegionLoss.Counts()
            LossInput.forEachBand(of: input, pixels: bandPixels) { band, _ in
                counts = counts + RegionLoss.binaryCounts(PreparedInput(band))
            }
            return result(regionLoss(parameters).score(counts).value)
        case .lovaszHinge:
            // Straight from the logits, as the hinge's evaluation does, without a prepared input, maps or gradient.
            let (errors, foreground) = LovaszLoss.hingeErrors(input)
            return result(LovaszLoss.jaccardExtension(errors: errors, foreground: foreground).value)
        default:
            var whole = evaluate(PreparedInput(input), parameters: parameters, keepsGradient: false)
            whole.gradientMagnitude = []
            whole.pixelLoss = nil
            whole.weight = []
            return whole
        }
    }
}

extension LossInput {
    /// Calls `body` with each band, top to bottom, of `input` (binary) cut into whole rows of about `pixels` pixels
    /// (at least one row), and the band's pixels in the input: its truth, logits and kept pixels, made only when its
    /// turn comes so that one band is held at a time. Bands whose every pixel is ignored are left out; an input of
    /// at most `pixels` pixels is one band, the input itself.
    static func forEachBand(of input: LossInput, pixels: Int, _ body: (LossInput, Range<Int>) -> Void) {
        precondition(input.logits.isBinary, "bands of a binary input")
        guard input.pixelCount > pixels else { return body(input, 0..<input.pixelCount) }
        let rows = Swift.max(1, pixels / input.width), width = input.width
        for start in stride(from: 0, to: input.height, by: rows) {
            let end = Swift.min(start + rows, input.height), range = (start * width)..<(end * width)
            let truth = LabelMap(height: end - start, width: width, labels: Array(input.truth.labels[range]))
            let logits = Logits(classes: 1, height: end - start, width: width, values: Array(input.logits.values[range]))
            let ignore = input.ignoredLabel
            let kept = truth.labels.indices.filter { truth.labels[$0] != ignore }
            if !kept.isEmpty { body(LossInput(band: truth, logits: logits, ignoreIndex: input.ignoreIndex, keptPixels: kept), range) }
        }
    }

    /// A band of a validated input: its labels and logits are already checked.
    private init(band truth: LabelMap, logits: Logits, ignoreIndex: Int32?, keptPixels: [Int]) {
        self.truth = truth
        self.logits = logits
        self.ignoreIndex = ignoreIndex
        self.keptPixels = keptPixels
    }
}
