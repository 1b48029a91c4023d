/// Value and gradient `∂L/∂z` of the multi-class pixel-wise and region losses straight from the logits: the
/// softmax of each block of pixels in the first-level cache (``SoftmaxBlock``, four pixels per lane, the class loop
/// inside), then the loss's gradient written once into the `C×H×W` buffer (0 at ignored pixels), in the fixed chunks
/// of ``ParallelChunks`` on both cores, partial sums reduced in chunk and lane order so that the result is the same
/// run to run. No per-pixel allocation, no intermediate full-size array. The formulas are those of
/// ``PixelwiseMulticlassLoss`` and ``RegionLoss``, which this kernel matches within rounding.
enum MulticlassGradientKernel {
    typealias Lanes = FastMath.Lanes

    /// ``PixelwiseMulticlassLoss``'s `mean −α_t·q^γ·log p_t` (ce: `α = nil, γ = 0`) and its gradient, one pass:
    /// per pixel `ℓ = log1p(others) − (z_t − m)`, `q = Σ_{k≠t} e_k / S`, `w = α_t·q^γ` (`q^γ = exp(γ·log q)` unless
    /// γ is 0, 1 or 2), then `∂L/∂z_t = −w·(γ·p_t·ℓ + q)/N` and `∂L/∂z_k = w·(γ·p_t·ℓ/q + 1)·p_k/N`.
    static func pixelwise(
        _ input: LossInput, loss: PixelwiseMulticlassLoss, into gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let inverseCount = 1 / Double(input.keptPixels.count), gamma = loss.gamma
        let backgroundAlpha = Lanes(repeating: loss.alpha.map { 1 - $0 } ?? 1)
        let foregroundAlpha = Lanes(repeating: loss.alpha ?? 1)
        let g = DisjointWrites(gradient)
        let sums = SoftmaxBlock.sweep(input, targetTerms: true, partial: { Lanes.zero }) { block, sum in
            withUnsafeTemporaryAllocation(of: Lanes.self, capacity: 2 * SoftmaxBlock.groupsPerBlock) { slopes in
                let target = slopes.baseAddress!, offTarget = target + SoftmaxBlock.groupsPerBlock
                for j in 0..<block.groups {
                    let kept = block.kept(j), inverseTotal = block.inverseTotal[j]
                    let crossEntropy = FastMath.log(onePlus: block.others[j]) - block.targetShifted[j]
                    let miss = block.missExp[j] * inverseTotal, pTarget = block.targetExp[j] * inverseTotal
                    let power: Lanes
                    switch gamma {
                    case 0: power = Lanes(repeating: 1)
                    case 1: power = miss
                    case 2: power = miss * miss
                    default: power = FastMath.exp(gamma * FastMath.log(miss))
                    }
                    let weight = foregroundAlpha.replacing(with: backgroundAlpha, where: block.isLabel(0, j)) * power
                    sum += Lanes.zero.replacing(with: weight * crossEntropy, where: kept)
                    let ratio = Lanes(repeating: 1).replacing(with: crossEntropy / miss, where: miss .> 0)
                    // 0 at ignored lanes, so that every slope there is 0. The off-target factor is scaled by 1/S
                    // so that it multiplies e^(z_k − m) rather than p_k.
                    target[j] = Lanes.zero.replacing(
                        with: -weight * (gamma * pTarget * crossEntropy + miss) * inverseCount, where: kept)
                    offTarget[j] = Lanes.zero.replacing(
                        with: weight * (gamma * pTarget * ratio + 1) * inverseCount * inverseTotal, where: kept)
                }
                var k = Lanes.zero
                for c in 0..<block.classes {
                    let row = block.exps + c &* SoftmaxBlock.groupsPerBlock
                    for j in 0..<block.groups {
                        let slope = (offTarget[j] * row[j]).replacing(with: target[j], where: block.labels[j] .== k)
                        block.store(slope, class: c, group: j, into: g)
                    }
                    k += 1
                }
            }
        }
        return sums.reduce(0) { $0 + $1.sum() } * inverseCount
    }

    /// ``RegionLoss``'s mean over the C classes of one-hot(y)_c against `p_c`: the soft counts of every class in a
    /// sums pass that also stores `p` in `gradient`, each class's score `∂L/∂p_c = (a_c·y_c + b_c·p_c + c_c)/C`,
    /// then a gradient pass over the stored `p`, `∂L/∂z_k = p_k·(∂L/∂p_k − Σ_j p_j·∂L/∂p_j)`, written over it (a
    /// write and a read of `C×H×W` values cost less than a second softmax).
    static func region(
        _ input: LossInput, loss: RegionLoss, into gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let classes = input.logits.classes
        // Per chunk and class: TP, Σp, Σy, Σp² in lanes.
        let g = DisjointWrites(gradient)
        let partials = SoftmaxBlock.sweep(input, partial: { [Lanes](repeating: .zero, count: 4 * classes) }) { block, counts in
            counts.withUnsafeMutableBufferPointer { counts in
                for c in 0..<block.classes {
                    var truePositive = counts[4 * c], sumProbability = counts[4 * c + 1]
                    var sumTruth = counts[4 * c + 2], sumSquared = counts[4 * c + 3]
                    for j in 0..<block.groups {
                        let kept = block.kept(j), probability = block.probability(c, j)
                        block.store(probability, class: c, group: j, into: g)
                        let p = Lanes.zero.replacing(with: probability, where: kept)
                        let y = Lanes.zero.replacing(with: 1, where: block.isLabel(c, j) .& kept)
                        truePositive += y * p
                        sumProbability += p
                        sumTruth += y
                        sumSquared += p * p
                    }
                    counts[4 * c] = truePositive
                    counts[4 * c + 1] = sumProbability
                    counts[4 * c + 2] = sumTruth
                    counts[4 * c + 3] = sumSquared
                }
            }
        }
        let scores = (0..<classes).map { c in
            loss.score(partials.reduce(RegionLoss.Counts()) { total, lanes in
                total + RegionLoss.Counts(
                    truePositive: lanes[4 * c].sum(), sumProbability: lanes[4 * c + 1].sum(),
                    sumTruth: lanes[4 * c + 2].sum(), sumSquaredProbability: lanes[4 * c + 3].sum())
            })
        }
        let share = 1 / Double(classes)
        let coefficients = scores.map { (a: Lanes(repeating: $0.a * share), b: Lanes(repeating: $0.b * share),
                                         c: Lanes(repeating: $0.c * share)) }
        _ = SoftmaxBlock.sweep(input, from: .probabilities(UnsafePointer(gradient.baseAddress!)), partial: {}) { block, _ in
            withUnsafeTemporaryAllocation(of: Lanes.self, capacity: SoftmaxBlock.groupsPerBlock) { dots in
                let dot = dots.baseAddress!
                dot.initialize(repeating: .zero, count: block.groups)
                func slope(_ c: Int, _ j: Int, _ p: Lanes) -> Lanes {
                    let k = coefficients[c]
                    return Lanes.zero.replacing(with: k.a, where: block.isLabel(c, j)) + k.b * p + k.c
                }
                for c in 0..<block.classes {
                    for j in 0..<block.groups {
                        let p = block.probability(c, j)
                        dot[j] += p * slope(c, j, p)
                    }
                }
                for c in 0..<block.classes {
                    for j in 0..<block.groups {
                        let p = block.probability(c, j)
                        let value = Lanes.zero.replacing(with: p * (slope(c, j, p) - dot[j]), where: block.kept(j))
                        block.store(value, class: c, group: j, into: g)
                    }
                }
            }
        }
        return scores.map(\.value).reduce(0, +) / Double(classes)
    }
}
