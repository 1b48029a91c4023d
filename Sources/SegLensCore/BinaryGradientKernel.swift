/// Value and gradient `∂L/∂z` of the binary losses straight from the logits, four pixels at a time
/// (``FastMath``), in the fixed chunks of ``ParallelChunks`` on both cores: no per-pixel allocation, no
/// intermediate full-size array, every gradient value written once (0 at ignored pixels), partial sums reduced in
/// chunk and lane order so that the result is the same run to run.
///
/// Every pixel shares one `e = exp(−|z|)`: `σ(z)`, `σ(−z)` are `1/(1+e)`, `e/(1+e)` in the order of the sign of `z`,
/// and with `s = z·(2y−1)`: `ℓ = softplus(−s) = max(−s, 0) + log1p(e)`, `q = 1 − p_t = σ(−s)` and the focal factor
/// `q^γ = exp(−γ·softplus(s))` (`1`, `q`, `q²` for γ = 0, 1, 2). The formulas are those of
/// ``PixelwiseBinaryLoss`` and ``RegionLoss``, which this kernel matches within rounding.
enum BinaryGradientKernel {
    typealias Lanes = FastMath.Lanes

    /// ``PixelwiseBinaryLoss``'s `mean w·q^γ·ℓ` and its gradient.
    static func pixelwise(
        _ input: LossInput, kernel: PixelwiseBinaryLoss, into gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let inverseCount = 1 / Double(input.keptPixels.count)
        let sum = sweep(input, into: gradient, FocalLanes(kernel: kernel, inverseCount: inverseCount))
        return sum * inverseCount
    }

    /// ``RegionLoss``'s value from the soft counts of one pass (no logarithm), then a pass writing
    /// `∂L/∂z_i = (a·y_i + b·p_i + c)·σ(z_i)·σ(−z_i)`.
    static func region(
        _ input: LossInput, loss: RegionLoss, into gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let ignore = Double(input.ignoredLabel), plane = input.pixelCount
        let counts = input.logits.values.withUnsafeBufferPointer { logits in
            input.truth.labels.withUnsafeBufferPointer { labels in
                ParallelChunks.map(count: plane) { range in
                    var truePositive = Lanes.zero, sumProbability = Lanes.zero
                    var sumTruth = Lanes.zero, sumSquared = Lanes.zero
                    var pixel = range.lowerBound
                    while pixel < range.upperBound {
                        let lanes = Swift.min(4, range.upperBound - pixel)
                        let (z, y, kept) = load(logits, labels, at: pixel, lanes: lanes, ignore: ignore)
                        let (p, _) = sigmoids(z)
                        let keptP = Lanes.zero.replacing(with: p, where: kept)
                        let keptY = Lanes.zero.replacing(with: y, where: kept)
                        truePositive += keptY * keptP
                        sumProbability += keptP
                        sumTruth += keptY
                        sumSquared += keptP * keptP
                        pixel += 4
                    }
                    return RegionLoss.Counts(
                        truePositive: truePositive.sum(), sumProbability: sumProbability.sum(),
                        sumTruth: sumTruth.sum(), sumSquaredProbability: sumSquared.sum())
                }.reduce(RegionLoss.Counts(), +)
            }
        }
        let score = loss.score(counts)
        let a = Lanes(repeating: score.a), b = Lanes(repeating: score.b), c = Lanes(repeating: score.c)
        _ = sweep(input, into: gradient, RegionLanes(a: a, b: b, c: c))
        return score.value
    }

    /// `σ(z)` and `σ(−z)`, neither as `1 − ` the other.
    @inline(__always)
    fileprivate static func sigmoids(_ z: Lanes) -> (Lanes, Lanes) {
        let e = FastMath.exp(-FastMath.maximum(z, -z))
        let large = 1 / (1 + e), small = e * large
        let negative = z .< 0
        return (large.replacing(with: small, where: negative), small.replacing(with: large, where: negative))
    }

    /// Four logits, labels (as Doubles) and the mask of kept pixels from `pixel`; lanes past `lanes` are not kept.
    @inline(__always)
    private static func load(
        _ logits: UnsafeBufferPointer<Double>, _ labels: UnsafeBufferPointer<Int32>, at pixel: Int, lanes: Int,
        ignore: Double
    ) -> (Lanes, Lanes, SIMDMask<SIMD4<Int64>>) {
        var z = Lanes.zero, y = Lanes(repeating: ignore)
        if lanes == 4 {
            z = UnsafeRawPointer(logits.baseAddress! + pixel).loadUnaligned(as: Lanes.self)
            y = Lanes(Double(labels[pixel]), Double(labels[pixel + 1]), Double(labels[pixel + 2]), Double(labels[pixel + 3]))
        } else {
            for lane in 0..<lanes {
                z[lane] = logits[pixel + lane]
                y[lane] = Double(labels[pixel + lane])
            }
        }
        return (z, y, y .!= ignore)
    }

    /// Runs `body` on every group of four pixels, writes its gradient lanes and returns the sum of its value lanes
    /// (chunks in order, lanes in order).
    @inline(__always)
    private static func sweep<Body: LaneBody>(
        _ input: LossInput, into gradient: UnsafeMutableBufferPointer<Double>, _ body: Body
    ) -> Double {
        let ignore = Double(input.ignoredLabel), plane = input.pixelCount
        let g = DisjointWrites(gradient)
        return input.logits.values.withUnsafeBufferPointer { logits in
            input.truth.labels.withUnsafeBufferPointer { labels in
                ParallelChunks.map(count: plane) { range in
                    var sum = Lanes.zero
                    var pixel = range.lowerBound
                    while pixel < range.upperBound {
                        let lanes = Swift.min(4, range.upperBound - pixel)
                        let (z, y, kept) = load(logits, labels, at: pixel, lanes: lanes, ignore: ignore)
                        let (value, slope) = body(z, y, kept)
                        sum += value
                        if lanes == 4 {
                            g.storeLanes(slope, at: pixel)
                        } else {
                            for lane in 0..<lanes { g[pixel + lane] = slope[lane] }
                        }
                        pixel += 4
                    }
                    return sum.sum()
                }.reduce(0, +)
            }
        }
    }
}

/// One group of four pixels of a fused kernel: its value terms and gradient lanes (0 where not `kept`). A protocol,
/// not a closure, so that the sweep is specialised and the body inlined.
private protocol LaneBody {
    func callAsFunction(_ z: FastMath.Lanes, _ y: FastMath.Lanes, _ kept: SIMDMask<SIMD4<Int64>>)
        -> (value: FastMath.Lanes, gradient: FastMath.Lanes)
}

/// ``PixelwiseBinaryLoss``'s term `w·q^γ·ℓ` and `∂L/∂z = ±(−w·q^γ·(γ·(1−q)·ℓ + q))/N`.
private struct FocalLanes: LaneBody {
    typealias Lanes = FastMath.Lanes
    let positiveWeight: Lanes, negativeWeight: Lanes, gamma: Double, inverseCount: Double

    init(kernel: PixelwiseBinaryLoss, inverseCount: Double) {
        positiveWeight = Lanes(repeating: kernel.positiveWeight)
        negativeWeight = Lanes(repeating: kernel.negativeWeight)
        gamma = kernel.gamma
        self.inverseCount = inverseCount
    }

    @inline(__always)
    func callAsFunction(_ z: Lanes, _ y: Lanes, _ kept: SIMDMask<SIMD4<Int64>>) -> (value: Lanes, gradient: Lanes) {
        let positive = y .== 1
        let s = z.replacing(with: -z, where: .!positive)
        let e = FastMath.exp(-FastMath.maximum(z, -z))
        let large = 1 / (1 + e), small = e * large
        let miss = small.replacing(with: large, where: s .< 0)
        let softplusOfE = FastMath.log1p(e)
        let crossEntropy = FastMath.maximum(-s, .zero) + softplusOfE
        let power: Lanes
        switch gamma {
        case 0: power = Lanes(repeating: 1)
        case 1: power = miss
        case 2: power = miss * miss
        default: power = FastMath.exp(-gamma * (FastMath.maximum(s, .zero) + softplusOfE))
        }
        let weight = positiveWeight.replacing(with: negativeWeight, where: .!positive) * power
        let term = weight * crossEntropy
        let dLds = -weight * (gamma * (1 - miss) * crossEntropy + miss)
        let slope = dLds.replacing(with: -dLds, where: .!positive) * inverseCount
        return (Lanes.zero.replacing(with: term, where: kept), Lanes.zero.replacing(with: slope, where: kept))
    }
}

/// ``RegionLoss``'s `∂L/∂z_i = (a·y_i + b·p_i + c)·σ(z_i)·σ(−z_i)`.
private struct RegionLanes: LaneBody {
    typealias Lanes = FastMath.Lanes
    let a: Lanes, b: Lanes, c: Lanes

    @inline(__always)
    func callAsFunction(_ z: Lanes, _ y: Lanes, _ kept: SIMDMask<SIMD4<Int64>>) -> (value: Lanes, gradient: Lanes) {
        let (p, complement) = BinaryGradientKernel.sigmoids(z)
        return (.zero, Lanes.zero.replacing(with: (a * y + b * p + c) * p * complement, where: kept))
    }
}
