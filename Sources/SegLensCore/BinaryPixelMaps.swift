/// The per-pixel maps of a binary loss from its gradient: the gradient itself (if kept), its magnitude, and the
/// implicit weight — how hard the loss pushes each pixel compared with plain mean BCE,
/// `w_i = (∂L/∂z_i) / (∂BCE/∂z_i)` with `∂BCE/∂z_i = (p_i − y_i)/N`; 0 where that is exactly 0 (a saturated,
/// correct pixel). The multi-class weight, `‖∂L/∂z_i‖ / ‖∂CE/∂z_i‖`, comes out of
/// ``Softmax/backward(_:keepsGradient:slopes:)``.
enum BinaryPixelMaps {
    /// Calls `gradientAt` once per kept pixel, in parallel chunks; ignored pixels get 0 in every map.
    static func fill(
        _ prepared: PreparedInput, keepsGradient: Bool, gradientAt: (Int) -> Double
    ) -> (gradient: [Double], magnitude: [Double], weight: [Double]) {
        let input = prepared.input, probabilities = prepared.probabilities, kept = input.keptPixels
        let inverseCount = 1 / Double(kept.count), labels = input.truth.labels, plane = input.pixelCount
        var gradient = [Double](repeating: 0, count: keepsGradient ? plane : 0)
        var magnitude = [Double](repeating: 0, count: plane), weight = [Double](repeating: 0, count: plane)
        gradient.withUnsafeMutableBufferPointer { gradientBuffer in
            magnitude.withUnsafeMutableBufferPointer { magnitudeBuffer in
                weight.withUnsafeMutableBufferPointer { weightBuffer in
                    let g = keepsGradient ? DisjointWrites(gradientBuffer) : nil
                    let m = DisjointWrites(magnitudeBuffer), w = DisjointWrites(weightBuffer)
                    ParallelChunks.forEach(count: kept.count) { range in
                        for index in range {
                            let pixel = kept[index], slope = gradientAt(pixel)
                            g?[pixel] = slope
                            m[pixel] = Swift.abs(slope)
                            let reference = (probabilities[pixel] - Double(labels[pixel])) * inverseCount
                            w[pixel] = reference == 0 ? 0 : slope / reference
                        }
                    }
                }
            }
        }
        return (gradient, magnitude, weight)
    }
}
