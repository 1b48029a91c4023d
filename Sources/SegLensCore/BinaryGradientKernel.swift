/// Value and gradient `∂L/∂z` of the binary losses straight from the logits, several pixels at a time (four
/// Doubles or eight Floats, ``KernelLanes``), in the fixed chunks of ``ParallelChunks`` on both cores: no per-pixel
/// allocation, no intermediate full-size array, every gradient value written once (0 at ignored pixels), partial
/// sums reduced in chunk and lane order, in Doubles, so that the result is the same run to run.
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
    /// ``PixelwiseBinaryLoss``'s `mean m·w·q^γ·ℓ` and its gradient (`m` the optional per-pixel weights), in the
    /// arithmetic of `L`.
    static func pixelwise<L: KernelLanes>(
        _ input: LossInput, kernel: PixelwiseBinaryLoss, lanes: L.Type, into gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        pixelwise(input, kernel: kernel, lanes: L.self, sink: GradientSink(gradient))
    }

    /// ``PixelwiseBinaryLoss``'s value through any sink (see ``BinaryLaneSink``).
    static func pixelwise<L: KernelLanes, Sink: BinaryLaneSink>(
        _ input: LossInput, kernel: PixelwiseBinaryLoss, lanes: L.Type, sink: Sink
    ) -> Double {
        let inverseCount = 1 / Double(input.keptPixels.count)
        let sum: Double
        if let weights = kernel.pixelWeights {
            sum = weights.withUnsafeBufferPointer { weights in
                sweep(input, sink: sink, FocalLanes<L>(kernel: kernel, inverseCount: inverseCount, pixelWeights: weights))
            }
        } else {
            sum = sweep(input, sink: sink, FocalLanes<L>(kernel: kernel, inverseCount: inverseCount, pixelWeights: nil))
        }
        return sum * inverseCount
    }

    /// ``RegionLoss``'s value from the soft counts of one pass (no logarithm), then a pass writing
    /// `∂L/∂z_i = (a·y_i + b·p_i + c)·σ(z_i)·σ(−z_i)`, in the arithmetic of `L`.
    static func region<L: KernelLanes>(
        _ input: LossInput, loss: RegionLoss, lanes: L.Type, into gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        region(input, loss: loss, lanes: L.self, sink: GradientSink(gradient))
    }

    /// ``RegionLoss``'s value; the gradient pass runs only for a sink that writes something.
    static func region<L: KernelLanes, Sink: BinaryLaneSink>(
        _ input: LossInput, loss: RegionLoss, lanes: L.Type, sink: Sink
    ) -> Double {
        let score = loss.score(regionCounts(input, lanes: L.self))
        if Sink.self != NoSink.self {
            func lanes(_ value: Double) -> L { L(repeating: L.Scalar(value)) }
            let inverseCount = lanes(1 / Double(input.keptPixels.count))
            _ = sweep(input, sink: sink, RegionLanes(a: lanes(score.a), b: lanes(score.b), c: lanes(score.c), inverseCount: inverseCount))
        }
        return score.value
    }

    /// The maps of a gradient computed elsewhere (the Lovász hinge's): `|∂L/∂z|` and the implicit weight
    /// `(∂L/∂z_i) / ((p_i − y_i)/N)` (see ``BinaryPixelMaps``), into `sink`.
    static func maps<Sink: BinaryLaneSink>(_ input: LossInput, gradient: UnsafeBufferPointer<Double>, sink: Sink) {
        let inverseCount = SIMD4<Double>(repeating: 1 / Double(input.keptPixels.count))
        _ = sweep(input, sink: sink, StoredGradientLanes(gradient: gradient, inverseCount: inverseCount))
    }

    /// `TP = Σ y·p`, `Σp`, `Σy`, `Σp²` over the kept pixels, `p = σ(z)`.
    private static func regionCounts<L: KernelLanes>(_ input: LossInput, lanes: L.Type) -> RegionLoss.Counts {
        accumulate(input, CountsAccumulator<L>()).reduce(RegionLoss.Counts(), +)
    }

    /// `σ(z)` and `σ(−z)`, neither as `1 − ` the other.
    @inline(__always)
    fileprivate static func sigmoids<L: KernelLanes>(_ z: L) -> (L, L) {
        let e = L.fastExp(-L.maximum(z, -z))
        let large = 1 / (1 + e), small = e * large
        let negative = L.isLess(z, .zero)
        return (L.select(negative, small, large), L.select(negative, large, small))
    }

    /// The implicit weight `slope / ((p − y)/N)`, 0 where that reference is exactly 0 (see ``BinaryPixelMaps``).
    @inline(__always)
    fileprivate static func implicitWeight<L: KernelLanes>(slope: L, p: L, y: L, inverseCount: L) -> L {
        let reference = (p - y) * inverseCount
        return L.select(L.isEqual(reference, .zero), .zero, slope / reference)
    }

    /// Hands every group of `A.Lanes.scalarCount` pixels to a copy of `start` per chunk of ``ParallelChunks`` (in
    /// parallel) and returns the chunks' totals in chunk order. Full groups are loaded straight from memory, in a
    /// loop of their own; the last, partial one (a chunk whose size is no multiple of the lane count) lane by lane,
    /// its lanes past the chunk ignored.
    @inline(__always)
    private static func accumulate<A: GroupAccumulator>(_ input: LossInput, _ start: A) -> [A.Total] {
        typealias L = A.Lanes
        let ignore = L(repeating: L.Scalar(input.ignoredLabel))
        return input.logits.values.withUnsafeBufferPointer { logits in
            input.truth.labels.withUnsafeBufferPointer { labels in
                let logits = logits.baseAddress!, labels = labels.baseAddress!
                return ParallelChunks.map(count: input.pixelCount) { range in
                    var accumulator = start
                    var pixel = range.lowerBound
                    while range.upperBound - pixel >= L.scalarCount {
                        let z = L.loadDoubles(logits + pixel), y = L.loadLabels(labels + pixel)
                        accumulator.add(z, y, L.isEqual(y, ignore), pixel: pixel, count: L.scalarCount)
                        pixel += L.scalarCount
                    }
                    if pixel < range.upperBound {
                        let count = range.upperBound - pixel
                        var z = L.zero, y = ignore
                        for lane in 0..<count {
                            z[lane] = L.Scalar(logits[pixel + lane])
                            y[lane] = L.Scalar(labels[pixel + lane])
                        }
                        accumulator.add(z, y, L.isEqual(y, ignore), pixel: pixel, count: count)
                    }
                    return accumulator.total
                }
            }
        }
    }

    /// Runs `body` on every group of `L.scalarCount` pixels, hands its lanes to `sink` and returns the sum of its
    /// value lanes (chunks in order, lanes in order).
    @inline(__always)
    private static func sweep<Body: LaneBody, Sink: BinaryLaneSink>(_ input: LossInput, sink: Sink, _ body: Body) -> Double {
        accumulate(input, SweepAccumulator(body: body, sink: sink)).reduce(0, +)
    }
}

/// What ``BinaryGradientKernel``'s passes do with each group of pixels of a chunk (see
/// ``BinaryGradientKernel/accumulate(_:_:)``): `count` real lanes from `pixel` on, the others ignored.
private protocol GroupAccumulator {
    associatedtype Lanes: KernelLanes
    associatedtype Total
    mutating func add(_ z: Lanes, _ y: Lanes, _ ignored: SIMDMask<Lanes.MaskStorage>, pixel: Int, count: Int)
    /// What the chunk adds up to.
    var total: Total { get }
}

/// The soft counts of ``RegionLoss`` (`Σ y·p`, `Σp`, `Σy`, `Σp²`, `p = σ(z)`), lane by lane: summed over runs of
/// ``run`` groups in the lanes' arithmetic (in Floats the rounding of a run of eight terms in [0, 1] is below 5e−7
/// of its sum), each run's sums then added in Doubles — four Double accumulators per group cost more than the
/// counts' sigmoid.
private struct CountsAccumulator<Lanes: KernelLanes>: GroupAccumulator {
    static var run: Int { 8 }
    var runTruePositive = Lanes.zero, runProbability = Lanes.zero, runTruth = Lanes.zero, runSquared = Lanes.zero
    var groupsInRun = 0
    var truePositive = Lanes.Sum.zero, sumProbability = Lanes.Sum.zero
    var sumTruth = Lanes.Sum.zero, sumSquared = Lanes.Sum.zero

    @inline(__always)
    mutating func add(_ z: Lanes, _ y: Lanes, _ ignored: SIMDMask<Lanes.MaskStorage>, pixel: Int, count: Int) {
        let (p, _) = BinaryGradientKernel.sigmoids(z)
        let keptP = Lanes.select(ignored, .zero, p)
        let keptY = Lanes.select(ignored, .zero, y)
        runTruePositive += keptY * keptP
        runProbability += keptP
        runTruth += keptY
        runSquared += keptP * keptP
        groupsInRun += 1
        if groupsInRun == Self.run { endRun() }
    }

    /// Adds the run's sums to the Double ones and starts a new run.
    @inline(__always)
    private mutating func endRun() {
        runTruePositive.accumulate(into: &truePositive)
        runProbability.accumulate(into: &sumProbability)
        runTruth.accumulate(into: &sumTruth)
        runSquared.accumulate(into: &sumSquared)
        runTruePositive = .zero
        runProbability = .zero
        runTruth = .zero
        runSquared = .zero
        groupsInRun = 0
    }

    var total: RegionLoss.Counts {
        var counts = self
        counts.endRun()
        return RegionLoss.Counts(
            truePositive: counts.truePositive.sum(), sumProbability: counts.sumProbability.sum(),
            sumTruth: counts.sumTruth.sum(), sumSquaredProbability: counts.sumSquared.sum())
    }
}

/// A ``LaneBody``'s lanes into a sink, its value lanes summed.
private struct SweepAccumulator<Body: LaneBody, Sink: BinaryLaneSink>: GroupAccumulator {
    typealias Lanes = Body.Lanes
    let body: Body
    let sink: Sink
    var sum = Lanes.Sum.zero

    init(body: Body, sink: Sink) {
        self.body = body
        self.sink = sink
    }

    @inline(__always)
    mutating func add(_ z: Lanes, _ y: Lanes, _ ignored: SIMDMask<Lanes.MaskStorage>, pixel: Int, count: Int) {
        let out = body(z, y, ignored, pixel: pixel, count: count)
        out.value.accumulate(into: &sum)
        sink.store(out, at: pixel, count: count)
    }

    var total: Double { sum.sum() }
}

/// What a fused kernel computes for a group of pixels, each lane 0 where the pixel is ignored: the loss term, the
/// slope `∂L/∂z`, and the per-pixel weight (explicit for a pixel-wise loss, implicit for the others).
struct BinaryLanes<L: KernelLanes> {
    var value: L
    var slope: L
    var weight: L
}

/// Where a fused kernel puts each group of pixels' lanes (`count` of them are real, from `pixel` on); the sinks
/// write disjoint pixels, so parallel chunks share one.
protocol BinaryLaneSink {
    func store<L: KernelLanes>(_ out: BinaryLanes<L>, at pixel: Int, count: Int)
}

/// Writes nothing: the kernel's value alone.
struct NoSink: BinaryLaneSink {
    @inline(__always)
    func store<L: KernelLanes>(_ out: BinaryLanes<L>, at pixel: Int, count: Int) {}
}

/// Writes `∂L/∂z` (Float64).
struct GradientSink: BinaryLaneSink {
    let gradient: DisjointWrites<Double>

    init(_ buffer: UnsafeMutableBufferPointer<Double>) { gradient = DisjointWrites(buffer) }

    @inline(__always)
    func store<L: KernelLanes>(_ out: BinaryLanes<L>, at pixel: Int, count: Int) {
        if count == L.scalarCount {
            out.slope.store(gradient.base + pixel)
        } else {
            for lane in 0..<count { gradient[pixel + lane] = Double(out.slope[lane]) }
        }
    }
}

/// Writes the drawn maps (Float32) it has buffers for: `|∂L/∂z|`, the weight, the per-pixel loss term.
struct DrawnMapsSink: BinaryLaneSink {
    let magnitude: DisjointWrites<Float>?
    let weight: DisjointWrites<Float>?
    let pixelLoss: DisjointWrites<Float>?

    @inline(__always)
    func store<L: KernelLanes>(_ out: BinaryLanes<L>, at pixel: Int, count: Int) {
        if let magnitude { Self.store(L.select(L.isLess(out.slope, .zero), -out.slope, out.slope), magnitude, pixel, count) }
        if let weight { Self.store(out.weight, weight, pixel, count) }
        if let pixelLoss { Self.store(out.value, pixelLoss, pixel, count) }
    }

    @inline(__always)
    private static func store<L: KernelLanes>(_ values: L, _ target: DisjointWrites<Float>, _ pixel: Int, _ count: Int) {
        if count == L.scalarCount {
            values.storeFloats(target.base + pixel)
        } else {
            for lane in 0..<count { target[pixel + lane] = Float(values[lane]) }
        }
    }
}

/// One group of pixels of a fused kernel. A protocol, not a closure, so that the sweep is specialised and the body
/// inlined.
private protocol LaneBody {
    associatedtype Lanes: KernelLanes
    func callAsFunction(_ z: Lanes, _ y: Lanes, _ ignored: SIMDMask<Lanes.MaskStorage>, pixel: Int, count: Int)
        -> BinaryLanes<Lanes>
}

/// ``PixelwiseBinaryLoss``'s term `m·w·q^γ·ℓ`, weight `m·w·q^γ` and `∂L/∂z = ±(−m·w·q^γ·(γ·(1−q)·ℓ + q))/N`.
private struct FocalLanes<Lanes: KernelLanes>: LaneBody {
    let positiveWeight: Lanes, negativeWeight: Lanes, gamma: Lanes.Scalar, inverseCount: Lanes.Scalar
    /// `m_i`, or `nil` for 1 everywhere.
    let pixelWeights: UnsafeBufferPointer<Double>?

    init(kernel: PixelwiseBinaryLoss, inverseCount: Double, pixelWeights: UnsafeBufferPointer<Double>?) {
        positiveWeight = Lanes(repeating: Lanes.Scalar(kernel.positiveWeight))
        negativeWeight = Lanes(repeating: Lanes.Scalar(kernel.negativeWeight))
        gamma = Lanes.Scalar(kernel.gamma)
        self.inverseCount = Lanes.Scalar(inverseCount)
        self.pixelWeights = pixelWeights
    }

    @inline(__always)
    func callAsFunction(
        _ z: Lanes, _ y: Lanes, _ ignored: SIMDMask<Lanes.MaskStorage>, pixel: Int, count: Int
    ) -> BinaryLanes<Lanes> {
        let positive = Lanes.isEqual(y, Lanes(repeating: 1))
        let s = Lanes.select(positive, z, -z)
        let e = Lanes.fastExp(-Lanes.maximum(z, -z))
        let large = 1 / (1 + e), small = e * large
        let miss = Lanes.select(Lanes.isLess(s, .zero), large, small)
        let softplusOfE = Lanes.fastLog1p(e)
        let crossEntropy = Lanes.maximum(-s, .zero) + softplusOfE
        let power: Lanes
        switch gamma {
        case 0: power = Lanes(repeating: 1)
        case 1: power = miss
        case 2: power = miss * miss
        default: power = Lanes.fastExp(-gamma * (Lanes.maximum(s, .zero) + softplusOfE))
        }
        var weight = Lanes.select(positive, positiveWeight, negativeWeight) * power
        if let pixelWeights {
            var m = Lanes(repeating: 1)
            if count == Lanes.scalarCount {
                m = Lanes.loadDoubles(pixelWeights.baseAddress! + pixel)
            } else {
                for lane in 0..<count { m[lane] = Lanes.Scalar(pixelWeights[pixel + lane]) }
            }
            weight *= m
        }
        let term = weight * crossEntropy
        let dLds = -weight * (gamma * (1 - miss) * crossEntropy + miss)
        let slope = Lanes.select(positive, dLds, -dLds) * inverseCount
        return BinaryLanes(
            value: Lanes.select(ignored, .zero, term), slope: Lanes.select(ignored, .zero, slope),
            weight: Lanes.select(ignored, .zero, weight))
    }
}

/// ``RegionLoss``'s `∂L/∂z_i = (a·y_i + b·p_i + c)·σ(z_i)·σ(−z_i)` and its implicit weight; no value term.
private struct RegionLanes<Lanes: KernelLanes>: LaneBody {
    let a: Lanes, b: Lanes, c: Lanes, inverseCount: Lanes

    @inline(__always)
    func callAsFunction(
        _ z: Lanes, _ y: Lanes, _ ignored: SIMDMask<Lanes.MaskStorage>, pixel: Int, count: Int
    ) -> BinaryLanes<Lanes> {
        let (p, complement) = BinaryGradientKernel.sigmoids(z)
        let slope = Lanes.select(ignored, .zero, (a * y + b * p + c) * p * complement)
        let weight = BinaryGradientKernel.implicitWeight(slope: slope, p: p, y: y, inverseCount: inverseCount)
        return BinaryLanes(value: .zero, slope: slope, weight: Lanes.select(ignored, .zero, weight))
    }
}

/// A gradient computed beforehand, read back with its implicit weight; no value term.
private struct StoredGradientLanes: LaneBody {
    typealias Lanes = SIMD4<Double>
    let gradient: UnsafeBufferPointer<Double>
    let inverseCount: Lanes

    @inline(__always)
    func callAsFunction(
        _ z: Lanes, _ y: Lanes, _ ignored: SIMDMask<Lanes.MaskStorage>, pixel: Int, count: Int
    ) -> BinaryLanes<Lanes> {
        var slope = Lanes.zero
        if count == Lanes.scalarCount {
            slope = Lanes.loadDoubles(gradient.baseAddress! + pixel)
        } else {
            for lane in 0..<count { slope[lane] = gradient[pixel + lane] }
        }
        slope = Lanes.select(ignored, .zero, slope)
        let (p, _) = BinaryGradientKernel.sigmoids(z)
        let weight = BinaryGradientKernel.implicitWeight(slope: slope, p: p, y: y, inverseCount: inverseCount)
        return BinaryLanes(value: .zero, slope: slope, weight: Lanes.select(ignored, .zero, weight))
    }
}
