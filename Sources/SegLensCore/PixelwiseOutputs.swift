/// The outputs of a pixel-wise loss, filled by parallel chunks of pixels: the sum of the per-pixel terms, and the
/// gradient, per-pixel loss and weight maps.
///
/// The arrays start uninitialised: every chunk must write every pixel of its range — ``Writers/clear(_:)`` for an
/// ignored one — which spares a zero-filling pass over maps that are written in full anyway.
struct PixelwiseOutputs {
    /// Where one chunk writes; chunks write at disjoint pixels.
    struct Writers {
        var gradient: DisjointWrites<Double>
        var pixelLoss: DisjointWrites<Double>
        var weight: DisjointWrites<Double>
        let channels: Int
        let plane: Int

        /// Writes 0 everywhere for an ignored pixel.
        func clear(_ pixel: Int) {
            pixelLoss[pixel] = 0
            weight[pixel] = 0
            for c in 0..<channels { gradient[c * plane + pixel] = 0 }
        }
    }

    var sum: Double
    var gradient: [Double]
    var pixelLoss: [Double]
    var weight: [Double]

    /// Runs `chunk` over ranges of pixels; it returns the sum of its pixels' terms. The gradient has `channels`
    /// planes; the maps one.
    init(_ input: LossInput, channels: Int, chunk: (Range<Int>, Writers) -> Double) {
        let plane = input.pixelCount
        var sums: [Double] = []
        var pixelLoss: [Double] = [], weight: [Double] = []
        let gradient = [Double](unsafeUninitializedCapacity: channels * plane) { gradientBuffer, gradientCount in
            pixelLoss = [Double](unsafeUninitializedCapacity: plane) { lossBuffer, lossCount in
                weight = [Double](unsafeUninitializedCapacity: plane) { weightBuffer, weightCount in
                    let writers = Writers(
                        gradient: DisjointWrites(gradientBuffer), pixelLoss: DisjointWrites(lossBuffer),
                        weight: DisjointWrites(weightBuffer), channels: channels, plane: plane)
                    sums = ParallelChunks.map(count: plane) { chunk($0, writers) }
                    weightCount = plane
                }
                lossCount = plane
            }
            gradientCount = channels * plane
        }
        self.sum = sums.reduce(0, +)
        self.gradient = gradient
        self.pixelLoss = pixelLoss
        self.weight = weight
    }
}
