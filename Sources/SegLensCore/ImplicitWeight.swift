/// The implicit per-pixel weight of a binary region loss: how hard it pushes each pixel compared with plain mean
/// BCE, `w_i = (∂L/∂z_i) / (∂BCE/∂z_i)` with `∂BCE/∂z_i = (p_i − y_i)/N`; 0 where that is exactly 0 (a
/// saturated, correct pixel). The multi-class weight, `‖∂L/∂z_i‖ / ‖∂CE/∂z_i‖`, comes out of
/// ``Softmax/backward(_:slopes:)``.
enum ImplicitWeight {
    static func binary(gradient: [Double], prepared: PreparedInput) -> [Double] {
        let input = prepared.input, probabilities = prepared.probabilities, kept = input.keptPixels
        let count = Double(kept.count), labels = input.truth.labels
        var weight = [Double](repeating: 0, count: input.pixelCount)
        weight.withUnsafeMutableBufferPointer { buffer in
            let w = DisjointWrites(buffer)
            ParallelChunks.forEach(count: kept.count) { range in
                for index in range {
                    let pixel = kept[index]
                    let reference = (probabilities[pixel] - Double(labels[pixel])) / count
                    w[pixel] = reference == 0 ? 0 : gradient[pixel] / reference
                }
            }
        }
        return weight
    }
}
