/// The softmax of a block of ``width`` consecutive pixels of a `C×H×W` logit tensor, four pixels per lane group,
/// in a small contiguous scratch that stays in the first-level cache: what the fused multi-class kernels
/// (``MulticlassGradientKernel``, ``LovaszLoss``) share.
///
/// ``sweep(_:targetTerms:partial:_:)`` runs the blocks of every ``ParallelChunks`` chunk on both cores. Per block,
/// each class plane is read once, in one contiguous run of pixels (`C` short streams instead of `C` strided reads
/// per pixel), into `exps`; then, per pixel, with `m = max_k z_k` (the first such class, `argmax`):
///
///     exps[c] = e^(z_c − m)  (FastMath.exp)      others = Σ_{k≠argmax} e^(z_k − m)      S = 1 + others
///
/// so that `p_c = exps[c]/S` and `log S = log1p(others)` keep their digits when one class dominates. With
/// `targetTerms`, also for the true class `t`: `z_t − m`, `e^(z_t − m)` and `Σ_{k≠t} e^(z_k − m)` (summed, not
/// subtracted, so that `q = 1 − p_t` keeps its digits as `p_t → 1`). Lanes of ignored pixels, and past the end of
/// the image, have the ignore label and must be written as 0.
struct SoftmaxBlock {
    typealias Lanes = FastMath.Lanes

    /// Pixels per block, a multiple of 4 and a divisor of ``ParallelChunks/chunkSize``: 21 classes of 64 pixels are
    /// 10.5 KB of scratch.
    static let width = 64
    static let groupsPerBlock = width / 4

    let classes: Int
    let plane: Int
    /// The label of ignored lanes, as a Double (``LossInput/ignoredLabel``).
    let ignore: Double
    /// The first pixel of the block, its number of pixels (at most ``width``) and of lane groups.
    private(set) var start = 0
    private(set) var count = 0
    var groups: Int { (count + 3) / 4 }

    /// `C × groupsPerBlock` lanes: `e^(z_c − m)` of class `c`, group `j` at `c·groupsPerBlock + j`.
    let exps: UnsafeMutablePointer<Lanes>
    /// Per group (``groupsPerBlock`` lanes each): the labels as Doubles, `others`, `1/S`, `m` and `argmax`.
    let labels: UnsafeMutablePointer<Lanes>
    let others: UnsafeMutablePointer<Lanes>
    let inverseTotal: UnsafeMutablePointer<Lanes>
    private let maximum: UnsafeMutablePointer<Lanes>
    private let argmax: UnsafeMutablePointer<Lanes>
    /// With target terms: `z_t − m`, `e^(z_t − m)` and `Σ_{k≠t} e^(z_k − m)` per group.
    let targetShifted: UnsafeMutablePointer<Lanes>
    let targetExp: UnsafeMutablePointer<Lanes>
    let missExp: UnsafeMutablePointer<Lanes>

    private init(classes: Int, plane: Int, ignore: Double, scratch: UnsafeMutablePointer<Lanes>) {
        self.classes = classes
        self.plane = plane
        self.ignore = ignore
        let g = Self.groupsPerBlock
        exps = scratch
        labels = scratch + classes * g
        others = labels + g
        inverseTotal = others + g
        maximum = inverseTotal + g
        argmax = maximum + g
        targetShifted = argmax + g
        targetExp = targetShifted + g
        missExp = targetExp + g
    }

    /// The lanes of the kept pixels of group `j`.
    @inline(__always)
    func kept(_ j: Int) -> SIMDMask<SIMD4<Int64>> { labels[j] .!= Lanes(repeating: ignore) }

    /// The lanes of group `j` whose label is class `c`.
    @inline(__always)
    func isLabel(_ c: Int, _ j: Int) -> SIMDMask<SIMD4<Int64>> { labels[j] .== Lanes(repeating: Double(c)) }

    /// `p_c = e^(z_c − m)/S` of group `j`.
    @inline(__always)
    func probability(_ c: Int, _ j: Int) -> Lanes { exps[c * Self.groupsPerBlock + j] * inverseTotal[j] }

    /// Writes the lanes of class `c`, group `j` into a `C×H×W` buffer (only the block's pixels).
    @inline(__always)
    func store(_ lanes: Lanes, class c: Int, group j: Int, into buffer: DisjointWrites<Double>) {
        let pixel = c * plane + start + 4 * j, valid = count - 4 * j
        if valid >= 4 {
            buffer.storeLanes(lanes, at: pixel)
        } else {
            for lane in 0..<valid { buffer[pixel + lane] = lanes[lane] }
        }
    }

    /// Reads the lanes of class `c`, group `j` from a `C×H×W` buffer (0 past the block's pixels).
    @inline(__always)
    func load(class c: Int, group j: Int, from buffer: UnsafePointer<Double>) -> Lanes {
        let pixel = c * plane + start + 4 * j, valid = count - 4 * j
        if valid >= 4 { return UnsafeRawPointer(buffer + pixel).loadUnaligned(as: Lanes.self) }
        var lanes = Lanes.zero
        for lane in 0..<valid { lanes[lane] = buffer[pixel + lane] }
        return lanes
    }

    /// Reads the block of `count` pixels from `start` and computes its softmax.
    private mutating func fill(
        start: Int, count: Int, logits: UnsafePointer<Double>, labels source: UnsafePointer<Int32>, targetTerms: Bool
    ) {
        self.start = start
        self.count = count
        let g = Self.groupsPerBlock, groups = self.groups
        for j in 0..<groups {
            var y = Lanes(repeating: ignore)
            for lane in 0..<Swift.min(4, count - 4 * j) { y[lane] = Double(source[start + 4 * j + lane]) }
            labels[j] = y
            maximum[j] = Lanes(repeating: -.infinity)
            argmax[j] = .zero
            others[j] = .zero
        }
        for c in 0..<classes {
            let row = exps + c * g, classLabel = Lanes(repeating: Double(c))
            for j in 0..<groups {
                let z = load(class: c, group: j, from: logits)
                row[j] = z
                let larger = z .> maximum[j]
                maximum[j] = maximum[j].replacing(with: z, where: larger)
                argmax[j] = argmax[j].replacing(with: classLabel, where: larger)
            }
        }
        if targetTerms {
            for j in 0..<groups {
                targetShifted[j] = .zero
                targetExp[j] = .zero
                missExp[j] = .zero
            }
            for c in 0..<classes {
                let row = exps + c * g, classLabel = Lanes(repeating: Double(c))
                for j in 0..<groups {
                    let shifted = row[j] - maximum[j], e = FastMath.exp(shifted)
                    row[j] = e
                    others[j] += Lanes.zero.replacing(with: e, where: argmax[j] .!= classLabel)
                    let target = labels[j] .== classLabel
                    targetShifted[j] += Lanes.zero.replacing(with: shifted, where: target)
                    targetExp[j] += Lanes.zero.replacing(with: e, where: target)
                    missExp[j] += e.replacing(with: Lanes.zero, where: target)
                }
            }
        } else {
            for c in 0..<classes {
                let row = exps + c * g, classLabel = Lanes(repeating: Double(c))
                for j in 0..<groups {
                    let e = FastMath.exp(row[j] - maximum[j])
                    row[j] = e
                    others[j] += Lanes.zero.replacing(with: e, where: argmax[j] .!= classLabel)
                }
            }
        }
        for j in 0..<groups { inverseTotal[j] = 1 / (1 + others[j]) }
    }

    /// Runs `body` on every block of `input`, in the chunks of ``ParallelChunks`` on every core, each chunk with
    /// its own `partial()` accumulator; returns the accumulators in chunk order.
    static func sweep<Partial>(
        _ input: LossInput, targetTerms: Bool, partial: () -> Partial,
        _ body: (SoftmaxBlock, inout Partial) -> Void
    ) -> [Partial] {
        let classes = input.logits.classes, plane = input.pixelCount, ignore = Double(input.ignoredLabel)
        return input.logits.values.withUnsafeBufferPointer { logits in
            input.truth.labels.withUnsafeBufferPointer { labels in
                ParallelChunks.map(count: plane) { range in
                    var result = partial()
                    withUnsafeTemporaryAllocation(of: Lanes.self, capacity: (classes + 8) * groupsPerBlock) { scratch in
                        var block = SoftmaxBlock(classes: classes, plane: plane, ignore: ignore, scratch: scratch.baseAddress!)
                        var start = range.lowerBound
                        while start < range.upperBound {
                            block.fill(
                                start: start, count: Swift.min(width, range.upperBound - start),
                                logits: logits.baseAddress!, labels: labels.baseAddress!, targetTerms: targetTerms)
                            body(block, &result)
                            start += width
                        }
                    }
                    return result
                }
            }
        }
    }
}
