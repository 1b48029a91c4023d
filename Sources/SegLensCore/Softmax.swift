/// The backward pass through the softmax, fused with the implicit weight map of multi-class region losses.
enum Softmax {
    /// `∂L/∂z` (`C×H×W`, empty unless `keepsGradient`), its per-pixel norm and the implicit weight (`H×W`) of a
    /// multi-class loss whose `∂L/∂p` `slopes` gives.
    ///
    /// Each kept pixel gets `∂L/∂z_k = p_k·(∂L/∂p_k − Σ_j p_j·∂L/∂p_j)` and the weight `‖∂L/∂z_i‖ / ‖∂CE/∂z_i‖` with
    /// `∂CE/∂z_i = (p_i − onehot(y_i))/N` (0 where that is 0); ignored pixels get 0 everywhere. Generic over the
    /// slopes so that they are inlined: nothing is stored between the two sweeps over a pixel's classes.
    static func backward<Slopes: ProbabilitySlopes>(
        _ prepared: PreparedInput, keepsGradient: Bool, slopes: Slopes
    ) -> (gradient: [Double], magnitude: [Double], weight: [Double]) {
        let input = prepared.input
        let classes = input.logits.classes, plane = input.pixelCount
        let ignore = input.ignoredLabel, inverseCount = 1 / Double(input.keptPixels.count)
        var magnitude = [Double](repeating: 0, count: plane)
        var weight = [Double](repeating: 0, count: plane)
        var gradient = [Double](repeating: 0, count: keepsGradient ? classes * plane : 0)
        prepared.probabilities.withUnsafeBufferPointer { probabilities in
        input.truth.labels.withUnsafeBufferPointer { labels in
        gradient.withUnsafeMutableBufferPointer { gradientBuffer in
        magnitude.withUnsafeMutableBufferPointer { magnitudeBuffer in
        weight.withUnsafeMutableBufferPointer { weightBuffer in
            let g = keepsGradient ? DisjointWrites(gradientBuffer) : nil
            let m = DisjointWrites(magnitudeBuffer), w = DisjointWrites(weightBuffer)
            ParallelChunks.forEach(count: plane) { range in
                for pixel in range where labels[pixel] != ignore {
                    let label = Int(labels[pixel])
                    var dot = 0.0
                    for c in 0..<classes {
                        let p = probabilities[c * plane + pixel]
                        dot += p * slopes.slope(class: c, pixel: pixel, probability: p, isLabel: c == label)
                    }
                    var lossNorm = 0.0, referenceNorm = 0.0
                    for c in 0..<classes {
                        let p = probabilities[c * plane + pixel]
                        let z = p * (slopes.slope(class: c, pixel: pixel, probability: p, isLabel: c == label) - dot)
                        g?[c * plane + pixel] = z
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
        return (gradient, magnitude, weight)
    }
}
