/// The backward pass through the softmax, fused with the implicit weight map of multi-class region losses.
enum Softmax {
    /// Pixels per chunk: a chunk's probabilities and gradient (C × 1024 doubles each) stay in cache from the
    /// slopes through the weight, so each is read from memory once.
    static let chunkSize = 1024

    /// Where `slopes` writes `∂L/∂p_c` of one chunk: the gradient array itself, or a chunk-sized scratch when the
    /// gradient is not kept.
    struct ChannelWrites {
        fileprivate let base: UnsafeMutablePointer<Double>
        fileprivate let classStride: Int
        fileprivate let firstPixel: Int

        subscript(c: Int, pixel: Int) -> Double {
            get { base[c * classStride + pixel - firstPixel] }
            nonmutating set { base[c * classStride + pixel - firstPixel] = newValue }
        }
    }

    /// `∂L/∂z` (`C×H×W`, empty unless `keepsGradient`), its per-pixel norm and the implicit weight (`H×W`) of a
    /// multi-class loss whose `∂L/∂p` `slopes` writes.
    ///
    /// Chunk by chunk, `slopes(range, g)` writes `∂L/∂p_c` of every class at the kept pixels of `range`; then each
    /// kept pixel gets `∂L/∂z_k = p_k·(∂L/∂p_k − Σ_j p_j·∂L/∂p_j)` and the weight `‖∂L/∂z_i‖ / ‖∂CE/∂z_i‖` with
    /// `∂CE/∂z_i = (p_i − onehot(y_i))/N` (0 where that is 0). Ignored pixels get 0 everywhere.
    static func backward(
        _ prepared: PreparedInput, keepsGradient: Bool, slopes: (Range<Int>, ChannelWrites) -> Void
    ) -> (gradient: [Double], magnitude: [Double], weight: [Double]) {
        let input = prepared.input
        let classes = input.logits.classes, plane = input.pixelCount
        let ignore = input.ignoredLabel, inverseCount = 1 / Double(input.keptPixels.count)
        var magnitude = [Double](repeating: 0, count: plane)
        var weight = [Double](repeating: 0, count: plane)
        // Every entry is written below (ignored pixels get 0), so the gradient skips a zero-filling pass.
        var gradient = [Double](unsafeUninitializedCapacity: keepsGradient ? classes * plane : 0) { buffer, initialized in
            initialized = buffer.count
        }
        prepared.probabilities.withUnsafeBufferPointer { probabilities in
        input.truth.labels.withUnsafeBufferPointer { labels in
        gradient.withUnsafeMutableBufferPointer { gradientBuffer in
        magnitude.withUnsafeMutableBufferPointer { magnitudeBuffer in
        weight.withUnsafeMutableBufferPointer { weightBuffer in
            let whole = gradientBuffer.baseAddress
            let m = DisjointWrites(magnitudeBuffer), w = DisjointWrites(weightBuffer)
            ParallelChunks.forEach(count: plane, chunkSize: chunkSize) { range in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: keepsGradient ? 0 : classes * range.count) { scratch in
                    let g = keepsGradient
                        ? ChannelWrites(base: whole!, classStride: plane, firstPixel: 0)
                        : ChannelWrites(base: scratch.baseAddress!, classStride: range.count, firstPixel: range.lowerBound)
                    slopes(range, g)
                    for pixel in range {
                        guard labels[pixel] != ignore else {
                            if keepsGradient { for c in 0..<classes { g[c, pixel] = 0 } }
                            continue
                        }
                        let label = Int(labels[pixel])
                        var dot = 0.0
                        for c in 0..<classes { dot += probabilities[c * plane + pixel] * g[c, pixel] }
                        var lossNorm = 0.0, referenceNorm = 0.0
                        for c in 0..<classes {
                            let p = probabilities[c * plane + pixel]
                            let z = p * (g[c, pixel] - dot)
                            g[c, pixel] = z
                            lossNorm += z * z
                            let reference = (c == label ? p - 1 : p) * inverseCount
                            referenceNorm += reference * reference
                        }
                        m[pixel] = lossNorm.squareRoot()
                        w[pixel] = referenceNorm == 0 ? 0 : (lossNorm / referenceNorm).squareRoot()
                    }
                }
            }
        }
        }
        }
        }
        }
        return (gradient, magnitude, weight)
    }
}
