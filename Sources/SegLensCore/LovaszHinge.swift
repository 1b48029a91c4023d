/// The Lovász hinge of one binary image (``LovaszLoss``) straight from the logits, in the least memory: only the
/// pixels with a positive error `e_i = 1 − z_i·(2y_i − 1)` are sorted (relu(e) = 0 and ∂L/∂e = 0 elsewhere), as
/// one 64-bit ``RadixSort`` item each (the top half of `e`'s bit pattern and the pixel index) — 8 bytes per such
/// pixel, twice while the sort runs — and `e` and the label are computed again from the logits and the truth
/// rather than stored.
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
        var workspace = RadixSort.Workspace(capacity: positive)
        var count = 0
        for pixel in 0..<plane where labels[pixel] != ignore {
            let e = error(pixel)
            if e > 0 {
                workspace.items[count] = RadixSort.item(e, payload: UInt32(pixel))
                count += 1
            }
        }
        gradient?.initialize(repeating: 0)
        workspace.sortDecreasing(count: count) { error(Int($0)) }
        let total = Double(foregroundTotal)
        var cumulativeForeground = 0.0, cumulativeBackground = 0.0
        var previousJaccard = 0.0, value = 0.0
        for item in workspace.items.prefix(count) {
            let pixel = Int(RadixSort.payload(item)), foreground = labels[pixel] == 1
            if foreground { cumulativeForeground += 1 } else { cumulativeBackground += 1 }
            let jaccard = 1 - (total - cumulativeForeground) / (total + cumulativeBackground)
            let delta = jaccard - previousJaccard
            previousJaccard = jaccard
            value += error(pixel) * delta
            gradient?[pixel] = foreground ? -delta : delta
        }
        return value
    }
}
