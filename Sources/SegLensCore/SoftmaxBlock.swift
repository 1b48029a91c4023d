/// The softmax of a block of ``width`` consecutive pixels of a `C×H×W` logit tensor, four pixels per lane group,
/// in a small contiguous scratch that stays in the first-level cache: what the fused multi-class kernels
/// (``MulticlassGradientKernel``, ``LovaszLoss``) share.
///
/// ``sweep(_:from:targetTerms:partial:_:)`` runs the blocks of every ``ParallelChunks`` chunk on both cores. Per block,
/// each class plane is read once, in one contiguous run of pixels (`C` short streams instead of `C` strided reads
/// per pixel), into `exps`; then, per pixel, with `m = max_k z_k` (the first such class, `argmax`):
///
///     exps[c] = e^(z_c − m)  (FastMath.exp)      others = Σ_{k≠argmax} e^(z_k − m)      S = 1 + others
///
/// so that `p_c = exps[c]/S` and `log S = log1p(others)` keep their digits when one class dominates. With
/// `targetTerms`, also for the true class `t`: `z_t − m`, `e^(z_t − m)` and `Σ_{k≠t} e^(z_k − m)` (summed, not
/// subtracted, so that `q = 1 − p_t` keeps its digits as `p_t → 1`). Lanes of ignored pixels, and past the end of
/// the image, have the ignore label and must be written as 0. A sweep may also read probabilities stored by an
/// earlier one (``Source/probabilities(_:)``) instead of computing them again.
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
    /// Per group (``groupsPerBlock`` lanes each): the labels as Doubles, `others` and `1/S`.
    let labels: UnsafeMutablePointer<Lanes>
    let others: UnsafeMutablePointer<Lanes>
    let inverseTotal: UnsafeMutablePointer<Lanes>
    /// With target terms: `z_t − m`, `e^(z_t − m)` and `Σ_{k≠t} e^(z_k − m)` per group.
    let targetShifted: UnsafeMutablePointer<Lanes>
    let targetExp: UnsafeMutablePointer<Lanes>
    let missExp: UnsafeMutablePointer<Lanes>

    /// Lane groups of scratch a block needs besides its `C` rows.
    private static let perGroupRows = 6

    private init(classes: Int, plane: Int, ignore: Double, scratch: UnsafeMutablePointer<Lanes>) {
        self.classes = classes
        self.plane = plane
        self.ignore = ignore
        let g = Self.groupsPerBlock
        exps = scratch
        labels = scratch + classes * g
        others = labels + g
        inverseTotal = others + g
        targetShifted = inverseTotal + g
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
            lanes.store(buffer.base + pixel)
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

    /// Where a sweep's blocks come from: the logits (their softmax is computed), or probabilities a previous
    /// sweep stored in the layout of ``Logits`` (read as they are: `exps = p`, `S = 1`).
    enum Source {
        case logits
        case probabilities(UnsafePointer<Double>)
    }

    /// Reads the block of `count` pixels from `start`: each class's run of pixels into its row of `exps`, one
    /// stream at a time; then per group, in registers, the softmax over the classes.
    private mutating func fill(
        start: Int, count: Int, source: Source, logits: UnsafePointer<Double>, labels labelSource: UnsafePointer<Int32>,
        targetTerms: Bool
    ) {
        self.start = start
        self.count = count
        let g = Self.groupsPerBlock, groups = self.groups
        for j in 0..<groups {
            var y = Lanes(repeating: ignore)
            for lane in 0..<Swift.min(4, count - 4 * j) { y[lane] = Double(labelSource[start + 4 * j + lane]) }
            labels[j] = y
        }
        let values: UnsafePointer<Double>
        switch source {
        case .logits: values = logits
        case let .probabilities(stored): values = stored
        }
        for c in 0..<classes {
            let row = exps + c * g
            for j in 0..<groups { row[j] = load(class: c, group: j, from: values) }
        }
        if case .probabilities = source {
            for j in 0..<groups { inverseTotal[j] = Lanes(repeating: 1) }
            return
        }
        let one = Lanes(repeating: 1)
        for j in 0..<groups {
            // Class c of group j is at column j, row c: `column[c &* g]`.
            let column = exps + j
            var maximum = column[0], argmax = Lanes.zero, k = Lanes.zero
            for c in 1..<Swift.max(classes, 1) {
                k += one
                let z = column[c &* g], larger = z .> maximum
                maximum = maximum.replacing(with: z, where: larger)
                argmax = argmax.replacing(with: k, where: larger)
            }
            var others = Lanes.zero
            k = .zero
            if targetTerms {
                let y = labels[j]
                var shiftedTarget = Lanes.zero, expTarget = Lanes.zero, miss = Lanes.zero
                for c in 0..<classes {
                    let shifted = column[c &* g] - maximum, e = FastMath.exp(shifted)
                    column[c &* g] = e
                    others += Lanes.zero.replacing(with: e, where: argmax .!= k)
                    let target = y .== k
                    shiftedTarget += Lanes.zero.replacing(with: shifted, where: target)
                    expTarget += Lanes.zero.replacing(with: e, where: target)
                    miss += e.replacing(with: Lanes.zero, where: target)
                    k += one
                }
                targetShifted[j] = shiftedTarget
                targetExp[j] = expTarget
                missExp[j] = miss
            } else {
                for c in 0..<classes {
                    let e = FastMath.exp(column[c &* g] - maximum)
                    column[c &* g] = e
                    others += Lanes.zero.replacing(with: e, where: argmax .!= k)
                    k += one
                }
            }
            self.others[j] = others
            inverseTotal[j] = 1 / (1 + others)
        }
    }

    /// Runs `body` on every block of `input`, in the chunks of ``ParallelChunks`` on every core, each chunk with
    /// its own `partial()` accumulator; returns the accumulators in chunk order.
    static func sweep<Partial>(
        _ input: LossInput, from source: Source = .logits, targetTerms: Bool = false, partial: () -> Partial,
        _ body: (SoftmaxBlock, inout Partial) -> Void
    ) -> [Partial] {
        let classes = input.logits.classes, plane = input.pixelCount, ignore = Double(input.ignoredLabel)
        return input.logits.values.withUnsafeBufferPointer { logits in
            input.truth.labels.withUnsafeBufferPointer { labels in
                ParallelChunks.map(count: plane) { range in
                    var result = partial()
                    withUnsafeTemporaryAllocation(of: Lanes.self, capacity: (classes + perGroupRows) * groupsPerBlock) { scratch in
                        var block = SoftmaxBlock(classes: classes, plane: plane, ignore: ignore, scratch: scratch.baseAddress!)
                        var start = range.lowerBound
                        while start < range.upperBound {
                            block.fill(
                                start: start, count: Swift.min(width, range.upperBound - start), source: source,
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
