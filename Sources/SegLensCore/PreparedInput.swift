import RealModule

/// The per-pixel quantities every loss reads, computed once per prediction: the probabilities, and for the true
/// class the cross-entropy `ℓ = −log p_t`, the miss `q = 1 − p_t` and `log q`.
///
/// A loss evaluation on a prepared input needs no exponential or logarithm except for a non-integer focal γ
/// (`q^γ = exp(γ·log q)`), so the explorer re-evaluates a loss after a parameter step from these arrays alone.
///
/// Binary, with `e = exp(−|z|)`: `σ(z)` and `σ(−z)` are `1/(1+e)` and `e/(1+e)` in the order of the sign of `z`
/// (neither is computed as `1 − ` the other), `ℓ = softplus(−s) = max(−s, 0) + log1p(e)` and
/// `log q = −softplus(s)` with `s = z·(2y−1)`. Multi-class: a max-shifted softmax,
/// `ℓ = log1p(Σ_{k≠m} e^(z_k−z_m)) + z_m − z_t` (m the argmax) and `q = Σ_{k≠t} p_k`, summed so that it keeps its
/// digits as `p_t → 1`.
public struct PreparedInput: Sendable {
    /// What a loss needs of one kept pixel beyond its probabilities.
    struct PixelTerms {
        /// `ℓ = −log p_t`.
        var crossEntropy = 0.0
        /// `q = 1 − p_t`.
        var miss = 0.0
        /// `log q`.
        var logMiss = 0.0
        /// Binary: `σ(−z) = 1 − σ(z)`, so that `σ'(z) = σ(z)·σ(−z)` keeps its digits; unused for multi-class.
        var complement = 0.0
    }

    public let input: LossInput
    /// `σ(z)` (binary, `H×W`) or `softmax(z)` (`C×H×W`) of every pixel, ignored ones included.
    public let probabilities: [Double]
    /// Per pixel (`H×W`); zero at ignored pixels except for the binary complement.
    let terms: [PixelTerms]

    /// The bytes of its per-pixel arrays (the input's not counted): 8 per probability and 32 per pixel's terms.
    public var byteCount: Int {
        MemoryLayout<Double>.stride * probabilities.count + MemoryLayout<PixelTerms>.stride * terms.count
    }

    public init(_ input: LossInput) {
        self.input = input
        let plane = input.pixelCount, classes = input.logits.classes
        let labels = input.truth.labels, logits = input.logits.values, ignore = input.ignoredLabel
        var probabilities = [Double](repeating: 0, count: classes * plane)
        var terms = [PixelTerms](repeating: PixelTerms(), count: plane)
        probabilities.withUnsafeMutableBufferPointer { probabilityBuffer in
            terms.withUnsafeMutableBufferPointer { termBuffer in
                let p = DisjointWrites(probabilityBuffer)
                let t = DisjointWrites(termBuffer)
                ParallelChunks.forEach(count: plane) { range in
                    for pixel in range {
                        if classes == 1 {
                            PreparedInput.prepareBinary(
                                z: logits[pixel], label: labels[pixel], ignore: ignore, probability: &p[pixel], terms: &t[pixel])
                        } else {
                            PreparedInput.prepareMulticlass(
                                pixel: pixel, plane: plane, classes: classes, logits: logits,
                                label: labels[pixel] == ignore ? nil : Int(labels[pixel]), probabilities: p, terms: &t[pixel])
                        }
                    }
                }
            }
        }
        self.probabilities = probabilities
        self.terms = terms
    }

    @inline(__always)
    private static func prepareBinary(z: Double, label: Int32, ignore: Int32, probability: inout Double, terms: inout PixelTerms) {
        let e = Double.exp(-Swift.abs(z)), logOnePlusE = Double.log(onePlus: e)
        let large = 1 / (1 + e), small = e / (1 + e)
        probability = z >= 0 ? large : small
        terms.complement = z >= 0 ? small : large
        guard label != ignore else { return }
        let s = label == 1 ? z : -z
        terms.crossEntropy = Swift.max(-s, 0) + logOnePlusE
        terms.miss = s >= 0 ? small : large
        terms.logMiss = -(Swift.max(s, 0) + logOnePlusE)
    }

    @inline(__always)
    private static func prepareMulticlass(
        pixel: Int, plane: Int, classes: Int, logits: [Double], label: Int?, probabilities p: DisjointWrites<Double>,
        terms: inout PixelTerms
    ) {
        var maximum = -Double.infinity, argmax = 0
        for c in 0..<classes where logits[c * plane + pixel] > maximum {
            maximum = logits[c * plane + pixel]
            argmax = c
        }
        var others = 0.0
        for c in 0..<classes {
            let e = Double.exp(logits[c * plane + pixel] - maximum)
            p[c * plane + pixel] = e
            if c != argmax { others += e }
        }
        let total = 1 + others
        for c in 0..<classes { p[c * plane + pixel] /= total }
        guard let target = label else { return }
        terms.crossEntropy = Double.log(onePlus: others) + maximum - logits[target * plane + pixel]
        var miss = 0.0
        for c in 0..<classes where c != target { miss += p[c * plane + pixel] }
        terms.miss = miss
        terms.logMiss = Double.log(miss)
    }
}
