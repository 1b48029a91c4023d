import Synchronization

/// Berman et al.'s Lovász extension of the Jaccard loss (2018): the hinge (binary) and softmax (multi-class) forms.
///
/// Both sort per-pixel errors `e` in decreasing order and weigh them with `lovasz_grad` of the foreground labels
/// `g` in that order: `inter = Σg − cumsum(g)`, `union = Σg + cumsum(1−g)`, `J = 1 − inter/union`,
/// `Δ_k = J_k − J_(k−1)`; the loss is `Σ relu(e_sorted)·Δ` and `Δ` is a constant for differentiation, so
/// `∂L/∂e_i = Δ_rank(i)` where `e_i > 0` and 0 elsewhere (PyTorch's derivative of relu and |·| at 0).
enum LovaszLoss {
    /// The Lovász extension of errors `e` over foreground flags `g`; returns the value and `∂L/∂e` per entry.
    static func jaccardExtension(errors: [Double], foreground: [Bool]) -> (value: Double, slope: [Double]) {
        var slope = [Double](repeating: 0, count: errors.count)
        guard !errors.isEmpty else { return (0, slope) }
        // Only positive errors contribute (relu(e) = 0 and ∂L/∂e = 0 elsewhere), and in decreasing order they come
        // first: sorting just them gives the same cumulative counts, value and slopes as sorting every error.
        var positiveErrors: [Double] = [], positions: [Int32] = []
        for (index, error) in errors.enumerated() where error > 0 {
            positiveErrors.append(error)
            positions.append(Int32(index))
        }
        let foregroundTotal = Double(foreground.lazy.filter { $0 }.count)
        var cumulativeForeground = 0.0, cumulativeBackground = 0.0
        var previousJaccard = 0.0, value = 0.0
        for position in RadixSort.decreasing(positiveErrors, positions: positions) {
            let index = Int(position)
            if foreground[index] { cumulativeForeground += 1 } else { cumulativeBackground += 1 }
            let intersection = foregroundTotal - cumulativeForeground
            let union = foregroundTotal + cumulativeBackground
            let jaccard = 1 - intersection / union
            let delta = jaccard - previousJaccard
            previousJaccard = jaccard
            value += errors[index] * delta
            slope[index] = delta
        }
        return (value, slope)
    }

    /// Lovász hinge on one image: `e_i = 1 − z_i·(2y_i − 1)` over kept pixels.
    static func hinge(
        _ prepared: PreparedInput, keepsGradient: Bool
    ) -> (value: Double, gradient: [Double], magnitude: [Double], weight: [Double]) {
        let plane = prepared.input.pixelCount
        var gradient = [Double](unsafeUninitializedCapacity: plane) { _, initialized in initialized = plane }
        let value = gradient.withUnsafeMutableBufferPointer { hinge(prepared.input, into: $0) }
        let maps = BinaryPixelMaps.fill(prepared, keepsGradient: keepsGradient) { gradient[$0] }
        return (value, maps.gradient, maps.magnitude, maps.weight)
    }

    /// The hinge's value, and `∂L/∂z` (`H×W`, 0 at ignored pixels) written into `gradient`: straight from the
    /// logits, without the probabilities or maps of a prepared input.
    static func hinge(_ input: LossInput, into gradient: UnsafeMutableBufferPointer<Double>) -> Double {
        LovaszHinge.evaluate(input, gradient: gradient)
    }

    /// Lovász-softmax: for each class c present among the kept labels, `e_i = |1[y_i = c] − p_c,i|`;
    /// the loss is the mean over those classes (0 when there is none). Also gives the implicit weight map.
    static func softmax(
        _ prepared: PreparedInput, keepsGradient: Bool
    ) -> (value: Double, gradient: [Double], magnitude: [Double], weight: [Double]) {
        let input = prepared.input, probabilities = prepared.probabilities
        let classes = input.logits.classes, plane = input.pixelCount
        let labels = input.truth.labels, kept = input.keptPixels
        var slopes = [Double](repeating: 0, count: classes * plane)  // ∂L/∂p
        var present = [Bool](repeating: false, count: classes)
        for pixel in kept { present[Int(labels[pixel])] = true }
        let presentCount = present.lazy.filter { $0 }.count
        guard presentCount > 0 else {
            let zero = [Double](repeating: 0, count: plane)
            return (0, keepsGradient ? slopes : [], zero, zero)
        }
        // The classes are independent: one task each, their values summed in class order.
        let presentClasses = (0..<classes).filter { present[$0] }
        var values: [Double] = []
        slopes.withUnsafeMutableBufferPointer { buffer in
            let g = DisjointWrites(buffer)
            values = ParallelChunks.map(count: presentClasses.count, chunkSize: 1) { range in
                let c = presentClasses[range.lowerBound]
                let foreground = kept.map { labels[$0] == c }
                let errors = kept.indices.map { Swift.abs((foreground[$0] ? 1 : 0) - probabilities[c * plane + kept[$0]]) }
                let (classValue, slope) = jaccardExtension(errors: errors, foreground: foreground)
                for (k, pixel) in kept.enumerated() {
                    // d|g − p|/dp = sign(p − g); slope is already 0 where the error is 0.
                    g[c * plane + pixel] = (foreground[k] ? -slope[k] : slope[k]) / Double(presentCount)
                }
                return classValue
            }
        }
        let (gradient, magnitude, weight) = Softmax.backward(
            prepared, keepsGradient: keepsGradient, slopes: StoredSlopes(values: slopes, plane: plane))
        return (values.reduce(0, +) / Double(presentCount), gradient, magnitude, weight)
    }
}

extension LovaszLoss {
    /// Lovász-softmax's value, and `∂L/∂z` (`C×H×W`, 0 at ignored pixels) written into `gradient`: the warm path,
    /// straight from the logits, with no full-size array besides `gradient`.
    ///
    /// 1. `p = softmax(z)` of every pixel into `gradient` (``SoftmaxBlock``).
    /// 2. One task per class, run on every core; each takes a ``RadixSort/Workspace`` from a pool and puts it back,
    ///    so that a workspace serves many classes. A present class collects its positive errors `|1[y=c] − p_c|`
    ///    (with the foreground flag in the top bit of the pixel index), sorts them, walks them as
    ///    ``jaccardExtension(errors:foreground:)`` does and overwrites plane c with `u_c = p_c·∂L/∂p_c`
    ///    (`∂L/∂p_c = ±Δ/P`, P present classes; 0 where the error is 0, at ignored pixels and for absent classes).
    /// 3. `∂L/∂z_k = p_k·(∂L/∂p_k − Σ_j p_j·∂L/∂p_j) = u_k − p_k·Σ_j u_j`, with the softmax computed again.
    static func softmax(_ input: LossInput, into gradient: UnsafeMutableBufferPointer<Double>) -> Double {
        let classes = input.logits.classes, plane = input.pixelCount, ignore = input.ignoredLabel
        var foregroundCounts = [Int](repeating: 0, count: classes)
        for label in input.truth.labels where label != ignore { foregroundCounts[Int(label)] += 1 }
        let presentCount = Double(foregroundCounts.lazy.filter { $0 > 0 }.count)
        guard presentCount > 0 else {
            gradient.update(repeating: 0)
            return 0
        }
        let g = DisjointWrites(gradient)
        _ = SoftmaxBlock.sweep(input, partial: {}) { block, _ in
            for c in 0..<block.classes {
                for j in 0..<block.groups { block.store(block.probability(c, j), class: c, group: j, into: g) }
            }
        }
        let pool = Mutex<[RadixSort.Workspace]>([])
        let values = input.truth.labels.withUnsafeBufferPointer { labels in
            ParallelChunks.map(count: classes, chunkSize: 1) { range -> Double in
                let c = range.lowerBound, classPlane = DisjointWrites(gradient, offset: c * plane, count: plane)
                guard foregroundCounts[c] > 0 else {
                    for pixel in 0..<plane { classPlane[pixel] = 0 }
                    return 0
                }
                var workspace = pool.withLock { $0.popLast() } ?? RadixSort.Workspace(capacity: plane)
                defer { pool.withLock { $0.append(workspace) } }
                return classSlopes(
                    class: Int32(c), foreground: Double(foregroundCounts[c]), share: presentCount, labels: labels,
                    ignore: ignore, plane: classPlane, workspace: &workspace)
            }
        }
        _ = SoftmaxBlock.sweep(input, partial: {}) { block, _ in
            let groups = SoftmaxBlock.groupsPerBlock
            withUnsafeTemporaryAllocation(of: FastMath.Lanes.self, capacity: (block.classes + 1) * groups) { scratch in
                let sum = scratch.baseAddress!, products = sum + groups
                sum.initialize(repeating: .zero, count: block.groups)
                for c in 0..<block.classes {
                    for j in 0..<block.groups {
                        let u = block.load(class: c, group: j, from: gradient.baseAddress!)
                        products[c * groups + j] = u
                        sum[j] += u
                    }
                }
                for c in 0..<block.classes {
                    for j in 0..<block.groups {
                        let value = products[c * groups + j] - block.probability(c, j) * sum[j]
                        block.store(FastMath.Lanes.zero.replacing(with: value, where: block.kept(j)), class: c, group: j, into: g)
                    }
                }
            }
        }
        return values.reduce(0, +) / presentCount
    }

    /// One present class of ``softmax(_:into:)``'s step 2: `plane` holds `p_c` and is overwritten with `u_c`;
    /// returns the class's Lovász value `Σ e_sorted·Δ`.
    private static func classSlopes(
        class c: Int32, foreground: Double, share: Double, labels: UnsafeBufferPointer<Int32>, ignore: Int32,
        plane: DisjointWrites<Double>, workspace: inout RadixSort.Workspace
    ) -> Double {
        // The error of a kept pixel from its payload (pixel index, foreground flag in the top bit) and plane c.
        func error(_ payload: UInt32) -> Double {
            Swift.abs((payload >> 31 == 1 ? 1 : 0) - plane[Int(payload & 0x7FFF_FFFF)])
        }
        var count = 0
        workspace.items.withUnsafeMutableBufferPointer { items in
            for pixel in 0..<plane.count {
                let label = labels[pixel]
                let payload = UInt32(pixel) | (label == c ? 1 << 31 : 0), error = error(payload)
                if label == ignore || !(error > 0) {
                    plane[pixel] = 0
                    continue
                }
                items[count] = RadixSort.item(error, payload: payload)
                count += 1
            }
        }
        workspace.sortDecreasing(count: count, value: error)
        var cumulativeForeground = 0.0, cumulativeBackground = 0.0
        var previousJaccard = 0.0, value = 0.0
        let inverseShare = 1 / share
        workspace.items.withUnsafeBufferPointer { items in
            for k in 0..<count {
                let payload = RadixSort.payload(items[k]), isForeground = payload >> 31 == 1
                if isForeground { cumulativeForeground += 1 } else { cumulativeBackground += 1 }
                let jaccard = 1 - (foreground - cumulativeForeground) / (foreground + cumulativeBackground)
                let delta = jaccard - previousJaccard
                previousJaccard = jaccard
                value += error(payload) * delta
                // d|g − p|/dp = sign(p − g).
                plane[Int(payload & 0x7FFF_FFFF)] *= (isForeground ? -delta : delta) * inverseShare
            }
        }
        return value
    }
}

/// Slopes `∂L/∂p` computed beforehand, in the layout of ``Logits``.
private struct StoredSlopes: ProbabilitySlopes {
    let values: [Double]
    let plane: Int

    @inline(__always)
    func slope(class c: Int, pixel: Int, probability: Double, isLabel: Bool) -> Double {
        values[c * plane + pixel]
    }
}
