/// The backward pass through the softmax, fused with the implicit weight map of multi-class region losses.
enum Softmax {
    /// Pixels per chunk: a chunk's probabilities and gradient (C × 1024 doubles each) stay in cache from the
    /// slopes through the weight, so each is read from memory once.
    static let chunkSize = 1024

    /// `∂L/∂z` (`C×H×W`) and the implicit weight (`H×W`) of a multi-class loss whose `∂L/∂p` `slopes` writes.
    ///
    /// Chunk by chunk, `slopes(range, g)` writes `∂L/∂p_c` of every class at the kept pixels of `range` into `g`
    /// (the array starts uninitialised); then each kept
    /// pixel gets `∂L/∂z_k = p_k·(∂L/∂p_k − Σ_j p_j·∂L/∂p_j)` and the weight `‖∂L/∂z_i‖ / ‖∂CE/∂z_i‖` with
    /// `∂CE/∂z_i = (p_i − onehot(y_i))/N` (0 where that is 0).
    static func backward(
        _ prepared: PreparedInput, slopes: (Range<Int>, DisjointWrites<Double>) -> Void
    ) -> (gradient: [Double], weight: [Double]) {
        let input = prepared.input
        let classes = input.logits.classes, plane = input.pixelCount
        let ignore = input.ignoredLabel, inverseCount = 1 / Double(input.keptPixels.count)
        var weight = [Double](repeating: 0, count: plane)
        // Every entry is written below (ignored pixels get 0), so the gradient skips a zero-filling pass.
        var gradient = [Double](unsafeUninitializedCapacity: classes * plane) { _, initialized in
            initialized = classes * plane
        }
        prepared.probabilities.withUnsafeBufferPointer { probabilities in
        input.truth.labels.withUnsafeBufferPointer { labels in
        gradient.withUnsafeMutableBufferPointer { gradientBuffer in
            weight.withUnsafeMutableBufferPointer { weightBuffer in
                let g = DisjointWrites(gradientBuffer), w = DisjointWrites(weightBuffer)
                ParallelChunks.forEach(count: plane, chunkSize: chunkSize) { range in
                    slopes(range, g)
                    // The chunk is in cache now: walk it pixel by pixel, sums in registers.
                    for pixel in range {
                        guard labels[pixel] != ignore else {
                            for c in 0..<classes { g[c * plane + pixel] = 0 }
                            continue
                        }
                        let label = Int(labels[pixel])
                        var dot = 0.0
                        for c in 0..<classes { dot += probabilities[c * plane + pixel] * g[c * plane + pixel] }
                        var lossNorm = 0.0, referenceNorm = 0.0
                        for c in 0..<classes {
                            let i = c * plane + pixel, p = probabilities[i]
                            let z = p * (g[i] - dot)
                            g[i] = z
                            lossNorm += z * z
                            let reference = (c == label ? p - 1 : p) * inverseCount
                            referenceNorm += reference * reference
                        }
                        w[pixel] = referenceNorm == 0 ? 0 : (lossNorm / referenceNorm).squareRoot()
                    }
                }
            }
        }
        }
        }
        return (gradient, weight)
    }
}
