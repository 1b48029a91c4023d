/// Berman et al.'s Lovász extension of the Jaccard loss (2018): the hinge (binary) and softmax (multi-class) forms.
///
/// Both sort per-pixel errors `e` in decreasing order and weigh them with `lovasz_grad` of the foreground labels
/// `g` in that order: `inter = Σg − cumsum(g)`, `union = Σg + cumsum(1−g)`, `J = 1 − inter/union`,
/// `Δ_k = J_k − J_(k−1)`; the loss is `Σ relu(e_sorted)·Δ` and `Δ` is a constant for differentiation, so
/// `∂L/∂e_i = Δ_rank(i)` where `e_i > 0` and 0 elsewhere (PyTorch's derivative of relu and |·| at 0).
enum LovaszLoss {
    /// The Lovász extension of errors `e` over foreground flags `g`; returns the value and `∂L/∂e` per entry.
    static func jaccardExtension(errors: [Double], foreground: [Bool]) -> (value: Double, slope: [Double]) {
        var slope = [Double](repeating: 0, count: errors.count)
        guard !errors.isEmpty else { return (0, slope) }
        // Only positive errors contribute (relu(e) = 0 and ∂L/∂e = 0 elsewhere), and in decreasing order they come
        // first: sorting just them gives the same cumulative counts, value and slopes as sorting every error.
        var positiveErrors: [Double] = [], positions: [Int32] = []
        for (index, error) in errors.enumerated() where error > 0 {
            positiveErrors.append(error)
            positions.append(Int32(index))
        }
        let foregroundTotal = Double(foreground.lazy.filter { $0 }.count)
        var cumulativeForeground = 0.0, cumulativeBackground = 0.0
        var previousJaccard = 0.0, value = 0.0
        for position in RadixSort.decreasing(positiveErrors, positions: positions) {
            let index = Int(position)
            if foreground[index] { cumulativeForeground += 1 } else { cumulativeBackground += 1 }
            let intersection = foregroundTotal - cumulativeForeground
            let union = foregroundTotal + cumulativeBackground
            let jaccard = 1 - intersection / union
            let delta = jaccard - previousJaccard
            previousJaccard = jaccard
            value += errors[index] * delta
            slope[index] = delta
        }
        return (value, slope)
    }

    /// Lovász hinge on one image: `e_i = 1 − z_i·(2y_i − 1)` over kept pixels.
    static func hinge(
        _ prepared: PreparedInput, keepsGradient: Bool
    ) -> (value: Double, gradient: [Double], magnitude: [Double], weight: [Double]) {
        let plane = prepared.input.pixelCount
        var gradient = [Double](unsafeUninitializedCapacity: plane) { _, initialized in initialized = plane }
        let value = gradient.withUnsafeMutableBufferPointer { hinge(prepared.input, into: $0) }
        let maps = BinaryPixelMaps.fill(prepared, keepsGradient: keepsGradient) { gradient[$0] }
        return (value, maps.gradient, maps.magnitude, maps.weight)
    }

    /// The hinge's value, and `∂L/∂z` (`H×W`, 0 at ignored pixels) written into `gradient`: straight from the
    /// logits, without the probabilities or maps of a prepared input.
    static func hinge(_ input: LossInput, into gradient: UnsafeMutableBufferPointer<Double>) -> Double {
        let kept = input.keptPixels
        let (errors, foreground) = hingeErrors(input)
        let (value, slope) = jaccardExtension(errors: errors, foreground: foreground)
        if input.ignoredCount > 0 { gradient.initialize(repeating: 0) }
        for (k, pixel) in kept.enumerated() {
            gradient[pixel] = foreground[k] ? -slope[k] : slope[k]
        }
        return value
    }

    /// The hinge's errors `e = 1 − z·(2y−1)` and foreground flags over the kept pixels, in their order.
    static func hingeErrors(_ input: LossInput) -> (errors: [Double], foreground: [Bool]) {
        let labels = input.truth.labels, logits = input.logits.values, kept = input.keptPixels
        let foreground = kept.map { labels[$0] == 1 }
        return (kept.indices.map { 1 - logits[kept[$0]] * (foreground[$0] ? 1 : -1) }, foreground)
    }

    /// Lovász-softmax: for each class c present among the kept labels, `e_i = |1[y_i = c] − p_c,i|`;
    /// the loss is the mean over those classes (0 when there is none). Also gives the implicit weight map.
    static func softmax(
        _ prepared: PreparedInput, keepsGradient: Bool
    ) -> (value: Double, gradient: [Double], magnitude: [Double], weight: [Double]) {
        let input = prepared.input, probabilities = prepared.probabilities
        let classes = input.logits.classes, plane = input.pixelCount
        let labels = input.truth.labels, kept = input.keptPixels
        var slopes = [Double](repeating: 0, count: classes * plane)  // ∂L/∂p
        var present = [Bool](repeating: false, count: classes)
        for pixel in kept { present[Int(labels[pixel])] = true }
        let presentCount = present.lazy.filter { $0 }.count
        guard presentCount > 0 else {
            let zero = [Double](repeating: 0, count: plane)
            return (0, keepsGradient ? slopes : [], zero, zero)
        }
        // The classes are independent: one task each, their values summed in class order.
        let presentClasses = (0..<classes).filter { present[$0] }
        var values: [Double] = []
        slopes.withUnsafeMutableBufferPointer { buffer in
            let g = DisjointWrites(buffer)
            values = ParallelChunks.map(count: presentClasses.count, chunkSize: 1) { range in
                let c = presentClasses[range.lowerBound]
                let foreground = kept.map { labels[$0] == c }
                let errors = kept.indices.map { Swift.abs((foreground[$0] ? 1 : 0) - probabilities[c * plane + kept[$0]]) }
                let (classValue, slope) = jaccardExtension(errors: errors, foreground: foreground)
                for (k, pixel) in kept.enumerated() {
                    // d|g − p|/dp = sign(p − g); slope is already 0 where the error is 0.
                    g[c * plane + pixel] = (foreground[k] ? -slope[k] : slope[k]) / Double(presentCount)
                }
                return classValue
            }
        }
        let (gradient, magnitude, weight) = Softmax.backward(
            prepared, keepsGradient: keepsGradient, slopes: StoredSlopes(values: slopes, plane: plane))
        return (values.reduce(0, +) / Double(presentCount), gradient, magnitude, weight)
    }
}

/// Slopes `∂L/∂p` computed beforehand, in the layout of ``Logits``.
private struct StoredSlopes: ProbabilitySlopes {
    let values: [Double]
    let plane: Int

    @inline(__always)
    func slope(class c: Int, pixel: Int, probability: Double, isLabel: Bool) -> Double {
        values[c * plane + pixel]
    }
}
