/// Dilation and erosion of a predicted region by a disc of radius r pixels (`dy² + dx² ≤ r²`).
///
/// The region is where a margin is non-negative: `z` itself for a binary prediction (`p ≥ ½`), and
/// `m_c = z_c − max_{k≠c} z_k` for class c of a multi-class one (c is the argmax). Dilation replaces the margin by
/// its maximum over the disc around each pixel, erosion by its minimum (pixels outside the image take no part), so
/// the region grows or shrinks by exactly the disc while the logits stay soft: the binary logit becomes the new
/// margin, and a multi-class `z_c` moves by the margin's change (`z'_c = z_c + m'_c − m_c`; other classes keep
/// their logits).
public enum MorphologyEdit {
    /// `radius > 0` dilates, `radius < 0` erodes by `|radius|`, 0 is the identity. `selectedClass` is read for
    /// multi-class logits only.
    public static func applied(to logits: Logits, radius: Int, selectedClass: Int) -> Logits {
        guard radius != 0 else { return logits }
        let height = logits.height, width = logits.width, plane = logits.pixelCount
        var values = logits.values
        if logits.isBinary {
            values = filtered(values, height: height, width: width, radius: abs(radius), dilates: radius > 0)
        } else {
            precondition((0..<logits.classes).contains(selectedClass), "the selected class must exist")
            let base = selectedClass * plane
            var margins = [Double](repeating: 0, count: plane)
            for pixel in 0..<plane {
                var others = -Double.infinity
                for c in 0..<logits.classes where c != selectedClass { others = max(others, values[c * plane + pixel]) }
                margins[pixel] = values[base + pixel] - others
            }
            let moved = filtered(margins, height: height, width: width, radius: abs(radius), dilates: radius > 0)
            for pixel in 0..<plane where moved[pixel] != margins[pixel] {
                values[base + pixel] += moved[pixel] - margins[pixel]
            }
        }
        return Logits(classes: logits.classes, height: height, width: width, values: values)
    }

    /// The maximum (`dilates`) or minimum of `values` over the disc of `radius` around each pixel.
    ///
    /// The disc is a stack of rows: row offset `dy` spans `|dx| ≤ ⌊√(r² − dy²)⌋`, so each output row is the
    /// extreme of `2r+1` sliding-window extremes, each computed in O(width) (van Herk / Gil–Werman).
    public static func filtered(_ values: [Double], height: Int, width: Int, radius: Int, dilates: Bool) -> [Double] {
        precondition(values.count == height * width && radius >= 0, "values must hold height × width elements")
        guard radius > 0, height > 0, width > 0 else { return values }
        let halfWidths = (-radius...radius).map { dy in isqrt(radius * radius - dy * dy) }
        var result = values
        result.withUnsafeMutableBufferPointer { output in
            let writes = DisjointWrites(output)
            ParallelChunks.forEach(count: height, chunkSize: 16) { rows in
                var window = SlidingExtreme(width: width, maximum: dilates)
                var line = [Double](repeating: 0, count: width)
                for row in rows {
                    for column in 0..<width { line[column] = window.identity }
                    for (index, halfWidth) in halfWidths.enumerated() {
                        let sourceRow = row + index - radius
                        guard sourceRow >= 0, sourceRow < height else { continue }
                        window.fold(values, start: sourceRow * width, halfWidth: halfWidth, into: &line)
                    }
                    for column in 0..<width { writes[row * width + column] = line[column] }
                }
            }
        }
        return result
    }

    /// `⌊√n⌋` for `n ≥ 0`, exactly.
    static func isqrt(_ n: Int) -> Int {
        var root = Int(Double(n).squareRoot())
        while root * root > n { root -= 1 }
        while (root + 1) * (root + 1) <= n { root += 1 }
        return root
    }
}

/// Sliding-window maxima (or minima) of one row: van Herk / Gil–Werman with blocks of the window's length, the
/// row padded with the identity (−∞ for maxima) so that windows are cut at the image's edges.
private struct SlidingExtreme {
    let width: Int
    let maximum: Bool
    private var prefix: [Double]
    private var suffix: [Double]

    init(width: Int, maximum: Bool) {
        self.width = width
        self.maximum = maximum
        prefix = []
        suffix = []
    }

    var identity: Double { maximum ? -.infinity : .infinity }

    @inline(__always)
    private func better(_ a: Double, _ b: Double) -> Double { maximum ? Swift.max(a, b) : Swift.min(a, b) }

    /// `line[c] = better(line[c], extreme of values[start + c − w … start + c + w] within the row)`.
    mutating func fold(_ values: [Double], start: Int, halfWidth w: Int, into line: inout [Double]) {
        let length = 2 * w + 1
        // Padded row: w identities, the row, w identities; then whole blocks of `length`.
        let padded = width + 2 * w
        let total = (padded + length - 1) / length * length
        if prefix.count < total {
            prefix = [Double](repeating: 0, count: total)
            suffix = [Double](repeating: 0, count: total)
        }
        let identity = self.identity
        func element(_ index: Int) -> Double {
            let column = index - w
            return column >= 0 && column < width ? values[start + column] : identity
        }
        var blockStart = 0
        while blockStart < total {
            var running = identity
            for index in blockStart..<(blockStart + length) {
                running = better(running, element(index))
                prefix[index] = running
            }
            running = identity
            for index in stride(from: blockStart + length - 1, through: blockStart, by: -1) {
                running = better(running, element(index))
                suffix[index] = running
            }
            blockStart += length
        }
        // The window of output column c is padded[c … c + 2w].
        for column in 0..<width {
            line[column] = better(line[column], better(suffix[column], prefix[column + length - 1]))
        }
    }
}
