import RealModule

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

    func evaluate(_ input: LossInput) -> (value: Double, gradient: [Double], pixelLoss: [Double], weight: [Double]) {
        let classes = input.logits.classes, plane = input.pixelCount
        var gradient = [Double](repeating: 0, count: classes * plane)
        var pixelLoss = [Double](repeating: 0, count: plane)
        var weight = [Double](repeating: 0, count: plane)
        let count = Double(input.keptPixels.count)
        var sum = 0.0
        var exponentials = [Double](repeating: 0, count: classes)
        input.truth.labels.withUnsafeBufferPointer { labels in
            input.logits.values.withUnsafeBufferPointer { z in
                for pixel in input.keptPixels {
                    let target = Int(labels[pixel])
                    var maximum = -Double.infinity, argmax = 0
                    for c in 0..<classes where z[c * plane + pixel] > maximum {
                        maximum = z[c * plane + pixel]
                        argmax = c
                    }
                    var others = 0.0  // Σ_{c ≠ argmax} exp(z_c − max)
                    for c in 0..<classes {
                        let e = Double.exp(z[c * plane + pixel] - maximum)
                        exponentials[c] = e
                        if c != argmax { others += e }
                    }
                    let total = 1 + others
                    let crossEntropy = Double.log(onePlus: others) + maximum - z[target * plane + pixel]
                    let pTarget = exponentials[target] / total
                    var q = 0.0
                    for c in 0..<classes where c != target { q += exponentials[c] / total }
                    let alphaT = alpha.map { target == 0 ? 1 - $0 : $0 } ?? 1
                    let w = alphaT * StableMath.power(q, gamma)
                    let term = w * crossEntropy
                    sum += term
                    pixelLoss[pixel] = term
                    weight[pixel] = w
                    let ratio = q > 0 ? crossEntropy / q : 1
                    let offTargetScale = w * (gamma * pTarget * ratio + 1) / count
                    for c in 0..<classes {
                        gradient[c * plane + pixel] = c == target
                            ? -w * (gamma * pTarget * crossEntropy + q) / count
                            : offTargetScale * exponentials[c] / total
                    }
                }
            }
        }
        return (sum / count, gradient, pixelLoss, weight)
    }
}
