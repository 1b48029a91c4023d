/// The kernel shared by multi-class `ce` and `focal`: `L_i = −α_t·(1−p_t)^γ·log p_t`, averaged over kept pixels.
///
/// `α_t = 1−α` for class 0 and `α` for the other classes (kornia's convention); without α, `α_t = 1`.
/// `ce` is the case `α = nil, γ = 0`. With `ℓ = −log p_t` from a max-shifted log-sum-exp,
/// `q = 1 − p_t = Σ_{k≠t} p_k` (summed, not subtracted, so it keeps its digits near `p_t = 1`) and `r = ℓ/q`:
///
///     ∂L_i/∂z_t = −α_t·q^γ·(γ·p_t·ℓ + q)
///     ∂L_i/∂z_k =  α_t·q^γ·(γ·p_t·r + 1)·p_k      (k ≠ t)
///
/// each divided by N; `r → 1` as `q → 0`, so every term stays finite for `γ ≥ 0`.
struct PixelwiseMulticlassLoss {
    var alpha: Double?
    var gamma: Double

    func evaluate(_ prepared: PreparedInput, keepsGradient: Bool) -> PixelwiseOutputs {
        let input = prepared.input, labels = input.truth.labels, ignore = input.ignoredLabel
        let terms = prepared.terms, probabilities = prepared.probabilities
        let classes = input.logits.classes, plane = input.pixelCount, count = Double(input.keptPixels.count)
        return PixelwiseOutputs(input, channels: classes, keepsGradient: keepsGradient) { range, out in
            // Per pixel of the chunk: ∂L/∂z_t and the factor of p_k in ∂L/∂z_k; then the gradient is written one
            // class plane at a time, so that every write streams through contiguous memory.
            var targetSlope = [Double](repeating: 0, count: range.count)
            var offTargetScale = [Double](repeating: 0, count: range.count)
            var sum = 0.0
            for pixel in range {
                guard labels[pixel] != ignore else { out.clear(pixel); continue }
                let target = Int(labels[pixel]), t = terms[pixel]
                let alphaT = alpha.map { target == 0 ? 1 - $0 : $0 } ?? 1
                let weight = alphaT * StableMath.power(t.miss, gamma, logBase: t.logMiss)
                let term = weight * t.crossEntropy
                sum += term
                out.pixelLoss[pixel] = term
                out.weight[pixel] = weight
                let pTarget = probabilities[target * plane + pixel]
                let ratio = t.miss > 0 ? t.crossEntropy / t.miss : 1
                targetSlope[pixel - range.lowerBound] = -weight * (gamma * pTarget * t.crossEntropy + t.miss) / count
                offTargetScale[pixel - range.lowerBound] = weight * (gamma * pTarget * ratio + 1) / count
            }
            var squaredNorm = [Double](repeating: 0, count: range.count)
            for c in 0..<classes {
                let base = c * plane
                for pixel in range where labels[pixel] != ignore {
                    let k = pixel - range.lowerBound
                    let slope = labels[pixel] == c ? targetSlope[k] : offTargetScale[k] * probabilities[base + pixel]
                    out.gradient?[base + pixel] = slope
                    squaredNorm[k] += slope * slope
                }
            }
            for pixel in range where labels[pixel] != ignore {
                out.magnitude[pixel] = squaredNorm[pixel - range.lowerBound].squareRoot()
            }
            return sum
        }
    }
}
