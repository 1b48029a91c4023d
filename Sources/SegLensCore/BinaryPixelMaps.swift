/// The per-pixel maps of a binary loss from its gradient: the gradient itself (if kept), its magnitude, and the
/// implicit weight — how hard the loss pushes each pixel compared with plain mean BCE,
/// `w_i = (∂L/∂z_i) / (∂BCE/∂z_i)` with `∂BCE/∂z_i = (p_i − y_i)/N`; 0 where that is exactly 0 (a saturated,
/// correct pixel). The multi-class weight, `‖∂L/∂z_i‖ / ‖∂CE/∂z_i‖`, comes out of
/// ``Softmax/backward(_:keepsGradient:slopes:)``.
enum BinaryPixelMaps {
    /// Calls `gradientAt` once per kept pixel, in parallel chunks of the whole plane (no list of kept pixels is
    /// walked); ignored pixels get 0 in every map. Every map is written once, without zero-filling it first.
    static func fill(
        _ prepared: PreparedInput, keepsGradient: Bool, gradientAt: (Int) -> Double
    ) -> (gradient: [Double], magnitude: [Double], weight: [Double]) {
        let input = prepared.input, probabilities = prepared.probabilities, ignore = input.ignoredLabel
        let inverseCount = 1 / Double(input.keptPixels.count), labels = input.truth.labels, plane = input.pixelCount
        func uninitialized(_ count: Int) -> [Double] {
            [Double](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }
        var gradient = uninitialized(keepsGradient ? plane : 0)
        var magnitude = uninitialized(plane), weight = uninitialized(plane)
        gradient.withUnsafeMutableBufferPointer { gradientBuffer in
            magnitude.withUnsafeMutableBufferPointer { magnitudeBuffer in
                weight.withUnsafeMutableBufferPointer { weightBuffer in
                    let g = keepsGradient ? DisjointWrites(gradientBuffer) : nil
                    let m = DisjointWrites(magnitudeBuffer), w = DisjointWrites(weightBuffer)
                    ParallelChunks.forEach(count: plane) { range in
                        for pixel in range {
                            guard labels[pixel] != ignore else {
                                g?[pixel] = 0
                                m[pixel] = 0
                                w[pixel] = 0
                                continue
                            }
                            let slope = gradientAt(pixel)
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
