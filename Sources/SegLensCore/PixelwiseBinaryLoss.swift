/// The kernel shared by `bce`, `weighted-bce`, `balanced-bce`, binary `focal` and `border-bce`: a class-weighted
/// focal BCE, optionally times a per-pixel weight map.
///
/// With `s = z·(2y−1)`, `ℓ = softplus(−s)` (the BCE of the pixel), `q = 1 − p_t = σ(−s)`, the class weight
/// `w = w₊` for `y = 1`, `w₋` for `y = 0` and the map's weight `m_i` (1 without a map), each kept pixel contributes
/// `L_i = m_i·w·q^γ·ℓ` and the loss is their mean. `bce` is `(1, 1, 0)`, weighted BCE `(β, 1, 0)`, balanced BCE
/// `(β, 1−β, 0)`, focal `(α, 1−α, γ)` or `(1, 1, γ)` without α, `border-bce` `(1, 1, 0)` with the U-Net map
/// (``BorderWeightMap``), whose gradient is then `m_i·(p−y)/N`.
///
/// The gradient needs no negative power of `q`, so it is finite for every `γ ≥ 0`:
/// `∂L_i/∂s = −w·q^γ·(γ·(1−q)·ℓ + q)`, and `∂L/∂z_i = ∂L_i/∂s · (2y−1) / N`.
struct PixelwiseBinaryLoss {
    var positiveWeight: Double
    var negativeWeight: Double
    var gamma: Double
    /// `m_i` per pixel (`H×W`), or `nil` for 1 everywhere.
    var pixelWeights: [Double]? = nil

    func evaluate(_ prepared: PreparedInput, keepsGradient: Bool) -> PixelwiseOutputs {
        let input = prepared.input, labels = input.truth.labels, terms = prepared.terms, ignore = input.ignoredLabel
        let count = Double(input.keptPixels.count), pixelWeights = pixelWeights
        return PixelwiseOutputs(input, channels: 1, keepsGradient: keepsGradient) { range, out in
            var sum = 0.0
            for pixel in range {
                guard labels[pixel] != ignore else { out.clear(pixel); continue }
                let positive = labels[pixel] == 1, t = terms[pixel]
                let weight = (positive ? positiveWeight : negativeWeight)
                    * StableMath.power(t.miss, gamma, logBase: t.logMiss) * (pixelWeights?[pixel] ?? 1)
                let term = weight * t.crossEntropy
                sum += term
                out.pixelLoss[pixel] = term
                out.weight[pixel] = weight
                let dLds = -weight * (gamma * (1 - t.miss) * t.crossEntropy + t.miss)
                out.gradient?[pixel] = (positive ? dLds : -dLds) / count
                out.magnitude[pixel] = Swift.abs(dLds) / count
            }
            return sum
        }
    }
}
