/// The backward pass through the softmax of every kept pixel.
enum Softmax {
    /// Turns `∂L/∂p` into `∂L/∂z` in place: `∂L/∂z_k = p_k·(∂L/∂p_k − Σ_j p_j·∂L/∂p_j)` for each kept pixel.
    static func backward(probabilities: [Double], gradient: inout [Double], input: LossInput) {
        let classes = input.logits.classes, plane = input.pixelCount, kept = input.keptPixels
        gradient.withUnsafeMutableBufferPointer { buffer in
            let g = DisjointWrites(buffer)
            ParallelChunks.forEach(count: kept.count) { range in
                for index in range {
                    let pixel = kept[index]
                    var dot = 0.0
                    for c in 0..<classes { dot += probabilities[c * plane + pixel] * g[c * plane + pixel] }
                    for c in 0..<classes {
                        g[c * plane + pixel] = probabilities[c * plane + pixel] * (g[c * plane + pixel] - dot)
                    }
                }
            }
        }
    }
}
