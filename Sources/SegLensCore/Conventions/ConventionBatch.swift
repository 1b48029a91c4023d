import RealModule

/// B images of one mode and class count, as a library receives them in one call (`(B, C, H, W)` logits and
/// `(B, H, W)` labels; seglens's own input is a batch of one).
///
/// Holds what every convention reads: each image prepared once (probabilities `σ(z)` or `softmax(z)`), and the
/// soft counts per image and channel over kept pixels — ignored pixels have both `p` and `t` zeroed, which is how
/// smp, MONAI and kornia mask them, so for sums they are simply left out.
public struct ConventionBatch: Sendable {
    public let images: [PreparedInput]
    public let mode: SegmentationMode
    /// Prediction channels: 1 for binary (the foreground), C for multi-class.
    let channels: Int
    /// `counts[b][c]`: TP = Σ t·p, Σp, Σt and Σp² of channel c in image b (binary: t = 1[y = 1]).
    let counts: [[RegionLoss.Counts]]

    /// The images must be non-empty, of one mode and (multi-class) one class count.
    public init(_ images: [LossInput]) {
        self.init(prepared: images.map(PreparedInput.init))
    }

    /// A batch of images already prepared (the explorer's current prediction).
    public init(prepared images: [PreparedInput]) {
        precondition(!images.isEmpty, "a batch needs at least one image")
        let channels = images[0].input.logits.classes
        precondition(images.allSatisfy { $0.input.logits.classes == channels }, "every image of a batch has the same channels")
        self.images = images
        self.mode = images[0].input.mode
        self.channels = channels
        counts = self.images.map { prepared in
            (0..<channels).map { channel in
                let input = prepared.input, plane = input.pixelCount, labels = input.truth.labels
                let label = Int32(channels == 1 ? 1 : channel)
                var counts = RegionLoss.Counts()
                for pixel in input.keptPixels {
                    counts.add(truth: labels[pixel] == label ? 1 : 0, probability: prepared.probabilities[channel * plane + pixel])
                }
                return counts
            }
        }
    }

    /// A batch of one image: what `seglens eval` and the explorer pass.
    public init(_ input: LossInput) {
        self.init([input])
    }

    /// Counts of channel c summed over the batch (the libraries that reduce over batch and pixels together).
    func batchCounts(_ channel: Int) -> RegionLoss.Counts {
        counts.map { $0[channel] }.reduce(RegionLoss.Counts(), +)
    }

    /// True when the input names an ignore index: seglens passes it on as the library's `ignore_index`.
    var ignoreIndex: Int32? { images[0].input.ignoreIndex }
    /// Pixels that are ignored, over the batch.
    var ignoredCount: Int { images.map(\.input.ignoredCount).reduce(0, +) }
    /// Pixels over the batch, ignored ones included.
    var pixelCount: Int { images.map(\.input.pixelCount).reduce(0, +) }
    /// Pixels that are not ignored, over the batch.
    var keptCount: Int { pixelCount - ignoredCount }

    /// `Σ_b Σ_kept term(z, y)` over every kept pixel of the batch, with the pixel's logits (by channel) and label.
    func sumOverKeptLogits(_ term: (_ logits: (Int) -> Double, _ label: Int) -> Double) -> Double {
        sumOverKept(values: { $0.input.logits.values }, term)
    }

    /// `Σ_b Σ_kept term(p, y)` with the pixel's probabilities (by channel) and label.
    func sumOverKeptProbabilities(_ term: (_ probabilities: (Int) -> Double, _ label: Int) -> Double) -> Double {
        sumOverKept(values: \.probabilities, term)
    }

    /// The sum in fixed parallel chunks (the same result on any number of cores), image by image.
    private func sumOverKept(
        values: (PreparedInput) -> [Double], _ term: (_ channel: (Int) -> Double, _ label: Int) -> Double
    ) -> Double {
        images.map { prepared in
            let input = prepared.input, plane = input.pixelCount, values = values(prepared)
            let labels = input.truth.labels, kept = input.keptPixels
            return ParallelChunks.map(count: kept.count) { range in
                var sum = 0.0
                for index in range {
                    let pixel = kept[index]
                    sum += term({ values[$0 * plane + pixel] }, Int(labels[pixel]))
                }
                return sum
            }.reduce(0, +)
        }.reduce(0, +)
    }
}

/// The per-element formulas that several libraries share, in the stable forms of ``PreparedInput``.
enum ConventionTerms {
    /// `softplus(x) = max(x, 0) + log1p(e^(−|x|))`.
    @inline(__always)
    static func softplus(_ x: Double) -> Double {
        Swift.max(x, 0) + Double.log(onePlus: Double.exp(-Swift.abs(x)))
    }

    /// The sigmoid focal term of one element with logit `z` and a 0/1 target, as smp, MONAI, kornia and
    /// torchvision compute it: `w·q^γ·ℓ` with `s = ±z`, `ℓ = softplus(−s)`, `q = σ(−s) = 1 − p_t` and
    /// `w = α` (target 1) or `1 − α` (target 0), `w = 1` without α.
    @inline(__always)
    static func sigmoidFocal(z: Double, positive: Bool, alpha: Double?, gamma: Double) -> Double {
        let s = positive ? z : -z
        let e = Double.exp(-Swift.abs(s))
        let miss = s >= 0 ? e / (1 + e) : 1 / (1 + e)
        let weight = alpha.map { positive ? $0 : 1 - $0 } ?? 1
        return weight * StableMath.power(miss, gamma) * softplus(-s)
    }

    /// Keras's and TensorFlow's float32 `epsilon()` clip of probabilities: `[1e−7, 1 − 1e−7]` rounded to float32, so
    /// that `−log` of a clipped value is what those libraries print (`1 − 1e−7` is `0.99999988` in float32).
    static let clipLow = Double(Float(1e-7))
    static let clipHigh = Double(Float(1 - 1e-7))

    @inline(__always)
    static func clipped(_ p: Double) -> Double {
        Swift.min(Swift.max(p, clipLow), clipHigh)
    }

    /// `σ(z)` without cancellation.
    @inline(__always)
    static func sigmoid(_ z: Double) -> Double {
        let e = Double.exp(-Swift.abs(z))
        return z >= 0 ? 1 / (1 + e) : e / (1 + e)
    }
}
