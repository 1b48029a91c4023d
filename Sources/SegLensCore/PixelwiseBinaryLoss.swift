/// The kernel shared by `bce`, `weighted-bce`, `balanced-bce` and binary `focal`: a class-weighted focal BCE.
///
/// With `s = z·(2y−1)`, `ℓ = softplus(−s)` (the BCE of the pixel), `q = 1 − p_t = σ(−s)` and the class weight
/// `w = w₊` for `y = 1`, `w₋` for `y = 0`, each kept pixel contributes `L_i = w·q^γ·ℓ` and the loss is their mean.
/// `bce` is `(1, 1, 0)`, weighted BCE `(β, 1, 0)`, balanced BCE `(β, 1−β, 0)`, focal `(α, 1−α, γ)` or `(1, 1, γ)`
/// without α.
///
/// The gradient needs no negative power of `q`, so it is finite for every `γ ≥ 0`:
/// `∂L_i/∂s = −w·q^γ·(γ·(1−q)·ℓ + q)`, and `∂L/∂z_i = ∂L_i/∂s · (2y−1) / N`.
struct PixelwiseBinaryLoss {
    var positiveWeight: Double
    var negativeWeight: Double
    var gamma: Double

    func evaluate(_ input: LossInput) -> (value: Double, gradient: [Double], pixelLoss: [Double], weight: [Double]) {
        let pixels = input.pixelCount
        var gradient = [Double](repeating: 0, count: pixels)
        var pixelLoss = [Double](repeating: 0, count: pixels)
        var weight = [Double](repeating: 0, count: pixels)
        let count = Double(input.keptPixels.count)
        var sum = 0.0
        input.truth.labels.withUnsafeBufferPointer { labels in
            input.logits.values.withUnsafeBufferPointer { logits in
                for pixel in input.keptPixels {
                    let positive = labels[pixel] == 1
                    let s = positive ? logits[pixel] : -logits[pixel]
                    let (bce, q) = StableMath.crossEntropyAndMiss(signedLogit: s)
                    let modulation = StableMath.power(q, gamma)
                    let w = (positive ? positiveWeight : negativeWeight) * modulation
                    let term = w * bce
                    sum += term
                    pixelLoss[pixel] = term
                    weight[pixel] = w
                    let dLds = gamma == 0 ? -w * q : -w * (gamma * (1 - q) * bce + q)
                    gradient[pixel] = (positive ? dLds : -dLds) / count
                }
            }
        }
        return (sum / count, gradient, pixelLoss, weight)
    }
}
