/// The Lovász hinge of one binary image (``LovaszLoss``) straight from the logits, in the least memory: only the
/// pixels with a positive error `e_i = 1 − z_i·(2y_i − 1)` are sorted (relu(e) = 0 and ∂L/∂e = 0 elsewhere), as
/// 64-bit keys `~bits(e)` with their 32-bit pixel index — 12 bytes per such pixel, twice while the radix sort
/// runs — and `e` and the label are read back from the key and the truth rather than stored.
///
/// The order is that of ``LovaszLoss/jaccardExtension(errors:foreground:)`` (decreasing error, ties in pixel
/// order) and so are the sums, so value and gradient are the same to the last bit.
enum LovaszHinge {
    /// The value; with `gradient` (`H×W`), also `∂L/∂z` there: `∓Δ_rank(i)` where `e_i > 0`, 0 elsewhere and at
    /// ignored pixels.
    static func evaluate(_ input: LossInput, gradient: UnsafeMutableBufferPointer<Double>?) -> Double {
        let labels = input.truth.labels, logits = input.logits.values, ignore = input.ignoredLabel
        let plane = input.pixelCount
        @inline(__always) func error(_ pixel: Int) -> Double { 1 - logits[pixel] * (labels[pixel] == 1 ? 1 : -1) }
        var positive = 0, foregroundTotal = 0
        for pixel in 0..<plane where labels[pixel] != ignore {
            if labels[pixel] == 1 { foregroundTotal += 1 }
            if error(pixel) > 0 { positive += 1 }
        }
        var keys = [UInt64](), positions = [Int32]()
        keys.reserveCapacity(positive)
        positions.reserveCapacity(positive)
        for pixel in 0..<plane where labels[pixel] != ignore {
            let e = error(pixel)
            if e > 0 {
                keys.append(~e.bitPattern)
                positions.append(Int32(pixel))
            }
        }
        gradient?.initialize(repeating: 0)
        RadixSort.sortIncreasing(keys: &keys, positions: &positions)
        let total = Double(foregroundTotal)
        var cumulativeForeground = 0.0, cumulativeBackground = 0.0
        var previousJaccard = 0.0, value = 0.0
        for k in keys.indices {
            let pixel = Int(positions[k]), foreground = labels[pixel] == 1
            if foreground { cumulativeForeground += 1 } else { cumulativeBackground += 1 }
            let jaccard = 1 - (total - cumulativeForeground) / (total + cumulativeBackground)
            let delta = jaccard - previousJaccard
            previousJaccard = jaccard
            value += Double(bitPattern: ~keys[k]) * delta
            gradient?[pixel] = foreground ? -delta : delta
        }
        return value
    }
}
