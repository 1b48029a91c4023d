/// The implicit per-pixel weight of a region loss: how hard it pushes each pixel compared with plain mean BCE/CE.
///
/// Binary: `w_i = (∂L/∂z_i) / (∂BCE/∂z_i)` with `∂BCE/∂z_i = (p_i − y_i)/N`.
/// Multi-class: `w_i = ‖∂L/∂z_i‖ / ‖∂CE/∂z_i‖` with `∂CE/∂z_i = (p_i − onehot(y_i))/N` (norms over classes).
/// Where the reference gradient is exactly 0 (a saturated, correct pixel) the weight is 0.
enum ImplicitWeight {
    static func map(gradient: [Double], prepared: PreparedInput) -> [Double] {
        let input = prepared.input, probabilities = prepared.probabilities
        let plane = input.pixelCount, count = Double(input.keptPixels.count)
        let labels = input.truth.labels
        var weight = [Double](repeating: 0, count: plane)
        if input.mode == .binary {
            for pixel in input.keptPixels {
                let reference = (probabilities[pixel] - Double(labels[pixel])) / count
                weight[pixel] = reference == 0 ? 0 : gradient[pixel] / reference
            }
            return weight
        }
        let classes = input.logits.classes
        for pixel in input.keptPixels {
            var lossNorm = 0.0, referenceNorm = 0.0
            for c in 0..<classes {
                let index = c * plane + pixel
                let reference = (probabilities[index] - (labels[pixel] == c ? 1 : 0)) / count
                lossNorm += gradient[index] * gradient[index]
                referenceNorm += reference * reference
            }
            weight[pixel] = referenceNorm == 0 ? 0 : (lossNorm / referenceNorm).squareRoot()
        }
        return weight
    }
}
