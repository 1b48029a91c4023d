/// The kept pixels of a prediction from hardest to easiest, and how much of a gradient the hardest carry.
///
/// A pixel is harder the larger its cross-entropy `−log p_t` (the smaller the probability of its true class);
/// ties go to the lower pixel index. The ranking depends on the prediction only, never on a loss or its
/// parameters, so the share of one loss's gradient can be compared across parameter values and losses.
public struct HardPixelRanking: Sendable {
    /// Kept pixel indices, hardest first.
    public let order: [Int]

    public init(_ prepared: PreparedInput) {
        let terms = prepared.terms
        order = prepared.input.keptPixels.sorted { a, b in
            let ha = terms[a].crossEntropy, hb = terms[b].crossEntropy
            return ha != hb ? ha > hb : a < b
        }
    }

    /// How many pixels the hardest `fraction` is: `⌈fraction · kept⌉`, at least 1.
    public func hardestCount(fraction: Double) -> Int {
        min(order.count, max(1, Int((fraction * Double(order.count)).rounded(.up))))
    }

    /// `Σ_{hardest} ‖g_i‖₁ / Σ_{kept} ‖g_i‖₁`, with `‖g_i‖₁ = Σ_c |∂L/∂z_{c,i}|` over the `C×H×W` gradient; `nil`
    /// when the gradient is 0 everywhere (no share to speak of).
    public func share(of gradient: [Double], classes: Int, fraction: Double = 0.1) -> Double? {
        let plane = gradient.count / classes
        func norm(_ pixel: Int) -> Double {
            var sum = 0.0
            for c in 0..<classes { sum += Swift.abs(gradient[c * plane + pixel]) }
            return sum
        }
        let count = hardestCount(fraction: fraction)
        var hardest = 0.0, total = 0.0
        for (rank, pixel) in order.enumerated() {
            let value = norm(pixel)
            total += value
            if rank < count { hardest += value }
        }
        return total > 0 ? hardest / total : nil
    }
}
