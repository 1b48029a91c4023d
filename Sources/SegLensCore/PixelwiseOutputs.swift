/// The outputs of a pixel-wise loss, filled by parallel chunks of pixels: the sum of the per-pixel terms, the
/// gradient (unless not kept), its per-pixel norm, and the per-pixel loss and weight maps.
///
/// The arrays start uninitialised: every chunk must write every pixel of its range — ``Writers/clear(_:)`` for an
/// ignored one — which spares a zero-filling pass over maps that are written in full anyway.
struct PixelwiseOutputs {
    /// Where one chunk writes; chunks write at disjoint pixels.
    struct Writers {
        /// `nil` when the gradient is not kept.
        var gradient: DisjointWrites<Double>?
        var magnitude: DisjointWrites<Double>
        var pixelLoss: DisjointWrites<Double>
        var weight: DisjointWrites<Double>
        let channels: Int
        let plane: Int

        /// Writes 0 everywhere for an ignored pixel.
        func clear(_ pixel: Int) {
            magnitude[pixel] = 0
            pixelLoss[pixel] = 0
            weight[pixel] = 0
            if let gradient { for c in 0..<channels { gradient[c * plane + pixel] = 0 } }
        }
    }

    var sum: Double
    var gradient: [Double]
    var magnitude: [Double]
    var pixelLoss: [Double]
    var weight: [Double]

    /// Runs `chunk` over ranges of pixels; it returns the sum of its pixels' terms. The gradient has `channels`
    /// planes, or none when not `keepsGradient`; the maps one.
    init(_ input: LossInput, channels: Int, keepsGradient: Bool, chunk: (Range<Int>, Writers) -> Double) {
        let plane = input.pixelCount
        func uninitialized(_ count: Int) -> [Double] {
            [Double](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }
        var gradient = uninitialized(keepsGradient ? channels * plane : 0)
        var magnitude = uninitialized(plane), pixelLoss = uninitialized(plane), weight = uninitialized(plane)
        var sums: [Double] = []
        gradient.withUnsafeMutableBufferPointer { gradientBuffer in
            magnitude.withUnsafeMutableBufferPointer { magnitudeBuffer in
                pixelLoss.withUnsafeMutableBufferPointer { lossBuffer in
                    weight.withUnsafeMutableBufferPointer { weightBuffer in
                        let writers = Writers(
                            gradient: keepsGradient ? DisjointWrites(gradientBuffer) : nil,
                            magnitude: DisjointWrites(magnitudeBuffer), pixelLoss: DisjointWrites(lossBuffer),
                            weight: DisjointWrites(weightBuffer), channels: channels, plane: plane)
                        sums = ParallelChunks.map(count: plane) { chunk($0, writers) }
                    }
                }
            }
        }
        self.sum = sums.reduce(0, +)
        self.gradient = gradient
        self.magnitude = magnitude
        self.pixelLoss = pixelLoss
        self.weight = weight
    }
}
