/// Value and gradient `∂L/∂z` of the binary losses straight from the logits, four pixels at a time
/// (``FastMath``), in the fixed chunks of ``ParallelChunks`` on both cores: no per-pixel allocation, no
/// intermediate full-size array, every gradient value written once (0 at ignored pixels), partial sums reduced in
/// chunk and lane order so that the result is the same run to run.
///
/// Every pixel shares one `e = exp(−|z|)`: `σ(z)`, `σ(−z)` are `1/(1+e)`, `e/(1+e)` in the order of the sign of `z`,
/// and with `s = z·(2y−1)`: `ℓ = softplus(−s) = max(−s, 0) + log1p(e)`, `q = 1 − p_t = σ(−s)` and the focal factor
/// `q^γ = exp(−γ·softplus(s))` (`1`, `q`, `q²` for γ = 0, 1, 2). The formulas are those of
/// ``PixelwiseBinaryLoss`` and ``RegionLoss``, which this kernel matches within rounding.
///
/// What a sweep writes is its sink's choice: the gradient (Float64, a training step), nothing (the value alone, for
/// the explorer's loss table), or the per-pixel maps the explorer draws (Float32 magnitude, weight and loss,
/// ``DrawnMaps``) — one kernel for the three, the unused lanes removed by specialisation.
enum BinaryGradientKernel {
    typealias Lanes = FastMath.Lanes

    /// ``PixelwiseBinaryLoss``'s `mean m·w·q^γ·ℓ` and its gradient (`m` the optional per-pixel weights).
    static func pixelwise(
        _ input: LossInput, kernel: PixelwiseBinaryLoss, into gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        pixelwise(input, kernel: kernel, sink: GradientSink(gradient))
    }

    /// ``PixelwiseBinaryLoss``'s value through any sink (see ``BinaryLaneSink``).
    static func pixelwise<Sink: BinaryLaneSink>(_ input: LossInput, kernel: PixelwiseBinaryLoss, sink: Sink) -> Double {
        let inverseCount = 1 / Double(input.keptPixels.count)
        let sum: Double
        if let weights = kernel.pixelWeights {
            sum = weights.withUnsafeBufferPointer { weights in
                sweep(input, sink: sink, FocalLanes(kernel: kernel, inverseCount: inverseCount, pixelWeights: weights))
            }
        } else {
            sum = sweep(input, sink: sink, FocalLanes(kernel: kernel, inverseCount: inverseCount, pixelWeights: nil))
        }
        return sum * inverseCount
    }

    /// ``RegionLoss``'s value from the soft counts of one pass (no logarithm), then a pass writing
    /// `∂L/∂z_i = (a·y_i + b·p_i + c)·σ(z_i)·σ(−z_i)`.
    static func region(
        _ input: LossInput, loss: RegionLoss, into gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        region(input, loss: loss, sink: GradientSink(gradient))
    }

    /// ``RegionLoss``'s value; the gradient pass runs only for a sink that writes something.
    static func region<Sink: BinaryLaneSink>(_ input: LossInput, loss: RegionLoss, sink: Sink) -> Double {
        let score = loss.score(regionCounts(input))
        if Sink.self != NoSink.self {
            let a = Lanes(repeating: score.a), b = Lanes(repeating: score.b), c = Lanes(repeating: score.c)
            let inverseCount = Lanes(repeating: 1 / Double(input.keptPixels.count))
            _ = sweep(input, sink: sink, RegionLanes(a: a, b: b, c: c, inverseCount: inverseCount))
        }
        return score.value
    }

    /// The maps of a gradient computed elsewhere (the Lovász hinge's): `|∂L/∂z|` and the implicit weight
    /// `(∂L/∂z_i) / ((p_i − y_i)/N)` (see ``BinaryPixelMaps``), into `sink`.
    static func maps<Sink: BinaryLaneSink>(_ input: LossInput, gradient: UnsafeBufferPointer<Double>, sink: Sink) {
        let inverseCount = Lanes(repeating: 1 / Double(input.keptPixels.count))
        _ = sweep(input, sink: sink, StoredGradientLanes(gradient: gradient, inverseCount: inverseCount))
    }

    /// `TP = Σ y·p`, `Σp`, `Σy`, `Σp²` over the kept pixels, `p = σ(z)`.
    private static func regionCounts(_ input: LossInput) -> RegionLoss.Counts {
        let ignore = Double(input.ignoredLabel), plane = input.pixelCount
        return input.logits.values.withUnsafeBufferPointer { logits in
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
    }

    /// `σ(z)` and `σ(−z)`, neither as `1 − ` the other.
    @inline(__always)
    fileprivate static func sigmoids(_ z: Lanes) -> (Lanes, Lanes) {
        let e = FastMath.exp(-FastMath.maximum(z, -z))
        let large = 1 / (1 + e), small = e * large
        let negative = z .< 0
        return (large.replacing(with: small, where: negative), small.replacing(with: large, where: negative))
    }

    /// The implicit weight `slope / ((p − y)/N)`, 0 where that reference is exactly 0 (see ``BinaryPixelMaps``).
    @inline(__always)
    fileprivate static func implicitWeight(slope: Lanes, p: Lanes, y: Lanes, inverseCount: Lanes) -> Lanes {
        let reference = (p - y) * inverseCount
        return (slope / reference).replacing(with: Lanes.zero, where: reference .== Lanes.zero)
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

    /// Runs `body` on every group of four pixels, hands its lanes to `sink` and returns the sum of its value lanes
    /// (chunks in order, lanes in order).
    @inline(__always)
    private static func sweep<Body: LaneBody, Sink: BinaryLaneSink>(_ input: LossInput, sink: Sink, _ body: Body) -> Double {
        let ignore = Double(input.ignoredLabel), plane = input.pixelCount
        return input.logits.values.withUnsafeBufferPointer { logits in
            input.truth.labels.withUnsafeBufferPointer { labels in
                ParallelChunks.map(count: plane) { range in
                    var sum = Lanes.zero
                    var pixel = range.lowerBound
                    while pixel < range.upperBound {
                        let lanes = Swift.min(4, range.upperBound - pixel)
                        let (z, y, kept) = load(logits, labels, at: pixel, lanes: lanes, ignore: ignore)
                        let out = body(z, y, kept, pixel: pixel, lanes: lanes)
                        sum += out.value
                        sink.store(out, at: pixel, lanes: lanes)
                        pixel += 4
                    }
                    return sum.sum()
                }.reduce(0, +)
            }
        }
    }
}

/// What a fused kernel computes for four pixels, each lane 0 where the pixel is not kept: the loss term, the slope
/// `∂L/∂z`, and the per-pixel weight (explicit for a pixel-wise loss, implicit for the others).
struct BinaryLanes {
    var value: FastMath.Lanes
    var slope: FastMath.Lanes
    var weight: FastMath.Lanes
}

/// Where a fused kernel puts each group of four pixels' lanes (`lanes` of them are real, from `pixel` on); the
/// sinks write disjoint pixels, so parallel chunks share one.
protocol BinaryLaneSink {
    func store(_ out: BinaryLanes, at pixel: Int, lanes: Int)
}

/// Writes nothing: the kernel's value alone.
struct NoSink: BinaryLaneSink {
    @inline(__always)
    func store(_ out: BinaryLanes, at pixel: Int, lanes: Int) {}
}

/// Writes `∂L/∂z` (Float64).
struct GradientSink: BinaryLaneSink {
    let gradient: DisjointWrites<Double>

    init(_ buffer: UnsafeMutableBufferPointer<Double>) { gradient = DisjointWrites(buffer) }

    @inline(__always)
    func store(_ out: BinaryLanes, at pixel: Int, lanes: Int) {
        if lanes == 4 {
            gradient.storeLanes(out.slope, at: pixel)
        } else {
            for lane in 0..<lanes { gradient[pixel + lane] = out.slope[lane] }
        }
    }
}

/// Writes the drawn maps (Float32) it has buffers for: `|∂L/∂z|`, the weight, the per-pixel loss term.
struct DrawnMapsSink: BinaryLaneSink {
    let magnitude: DisjointWrites<Float>?
    let weight: DisjointWrites<Float>?
    let pixelLoss: DisjointWrites<Float>?

    @inline(__always)
    func store(_ out: BinaryLanes, at pixel: Int, lanes: Int) {
        if let magnitude { Self.store(out.slope.replacing(with: -out.slope, where: out.slope .< 0), magnitude, pixel, lanes) }
        if let weight { Self.store(out.weight, weight, pixel, lanes) }
        if let pixelLoss { Self.store(out.value, pixelLoss, pixel, lanes) }
    }

    @inline(__always)
    private static func store(_ values: FastMath.Lanes, _ target: DisjointWrites<Float>, _ pixel: Int, _ lanes: Int) {
        let rounded = SIMD4<Float>(values)
        if lanes == 4 {
            target.storeLanes(rounded, at: pixel)
        } else {
            for lane in 0..<lanes { target[pixel + lane] = rounded[lane] }
        }
    }
}

/// One group of four pixels of a fused kernel. A protocol, not a closure, so that the sweep is specialised and the
/// body inlined.
private protocol LaneBody {
    func callAsFunction(_ z: FastMath.Lanes, _ y: FastMath.Lanes, _ kept: SIMDMask<SIMD4<Int64>>, pixel: Int, lanes: Int)
        -> BinaryLanes
}

/// ``PixelwiseBinaryLoss``'s term `m·w·q^γ·ℓ`, weight `m·w·q^γ` and `∂L/∂z = ±(−m·w·q^γ·(γ·(1−q)·ℓ + q))/N`.
private struct FocalLanes: LaneBody {
    typealias Lanes = FastMath.Lanes
    let positiveWeight: Lanes, negativeWeight: Lanes, gamma: Double, inverseCount: Double
    /// `m_i`, or `nil` for 1 everywhere.
    let pixelWeights: UnsafeBufferPointer<Double>?

    init(kernel: PixelwiseBinaryLoss, inverseCount: Double, pixelWeights: UnsafeBufferPointer<Double>?) {
        positiveWeight = Lanes(repeating: kernel.positiveWeight)
        negativeWeight = Lanes(repeating: kernel.negativeWeight)
        gamma = kernel.gamma
        self.inverseCount = inverseCount
        self.pixelWeights = pixelWeights
    }

    @inline(__always)
    func callAsFunction(_ z: Lanes, _ y: Lanes, _ kept: SIMDMask<SIMD4<Int64>>, pixel: Int, lanes: Int) -> BinaryLanes {
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
        var weight = positiveWeight.replacing(with: negativeWeight, where: .!positive) * power
        if let pixelWeights {
            var m = Lanes(repeating: 1)
            if lanes == 4 {
                m = UnsafeRawPointer(pixelWeights.baseAddress! + pixel).loadUnaligned(as: Lanes.self)
            } else {
                for lane in 0..<lanes { m[lane] = pixelWeights[pixel + lane] }
            }
            weight *= m
        }
        let term = weight * crossEntropy
        let dLds = -weight * (gamma * (1 - miss) * crossEntropy + miss)
        let slope = dLds.replacing(with: -dLds, where: .!positive) * inverseCount
        return BinaryLanes(
            value: Lanes.zero.replacing(with: term, where: kept), slope: Lanes.zero.replacing(with: slope, where: kept),
            weight: Lanes.zero.replacing(with: weight, where: kept))
    }
}

/// ``RegionLoss``'s `∂L/∂z_i = (a·y_i + b·p_i + c)·σ(z_i)·σ(−z_i)` and its implicit weight; no value term.
private struct RegionLanes: LaneBody {
    typealias Lanes = FastMath.Lanes
    let a: Lanes, b: Lanes, c: Lanes, inverseCount: Lanes

    @inline(__always)
    func callAsFunction(_ z: Lanes, _ y: Lanes, _ kept: SIMDMask<SIMD4<Int64>>, pixel: Int, lanes: Int) -> BinaryLanes {
        let (p, complement) = BinaryGradientKernel.sigmoids(z)
        let slope = Lanes.zero.replacing(with: (a * y + b * p + c) * p * complement, where: kept)
        let weight = BinaryGradientKernel.implicitWeight(slope: slope, p: p, y: y, inverseCount: inverseCount)
        return BinaryLanes(value: .zero, slope: slope, weight: Lanes.zero.replacing(with: weight, where: kept))
    }
}

/// A gradient computed beforehand, read back with its implicit weight; no value term.
private struct StoredGradientLanes: LaneBody {
    typealias Lanes = FastMath.Lanes
    let gradient: UnsafeBufferPointer<Double>
    let inverseCount: Lanes

    @inline(__always)
    func callAsFunction(_ z: Lanes, _ y: Lanes, _ kept: SIMDMask<SIMD4<Int64>>, pixel: Int, lanes: Int) -> BinaryLanes {
        var slope = Lanes.zero
        if lanes == 4 {
            slope = UnsafeRawPointer(gradient.baseAddress! + pixel).loadUnaligned(as: Lanes.self)
        } else {
            for lane in 0..<lanes { slope[lane] = gradient[pixel + lane] }
        }
        slope = Lanes.zero.replacing(with: slope, where: kept)
        let (p, _) = BinaryGradientKernel.sigmoids(z)
        let weight = BinaryGradientKernel.implicitWeight(slope: slope, p: p, y: y, inverseCount: inverseCount)
        return BinaryLanes(value: .zero, slope: slope, weight: Lanes.zero.replacing(with: weight, where: kept))
    }
}
