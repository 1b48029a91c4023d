/// The overlap losses — Dice, squared Dice, IoU, Tversky, focal Tversky — of one foreground channel.
///
/// Each is a function of the soft counts `TP = Σ y·p`, `Σp`, `Σy` and `Σp²` over kept pixels, and its derivative
/// with respect to one probability is linear in `(y_i, p_i)`: `∂L/∂p_i = a·y_i + b·p_i + c`. ``score(_:)`` gives
/// the value and `(a, b, c)` from the counts, so one reduction pass and one gradient pass serve every variant,
/// binary (`p = σ(z)`) and multi-class (`p = softmax(z)_c`, averaged over classes) alike.
///
/// With smoothing `s`, `FP = Σp − TP`, `FN = Σy − TP`:
///
/// | kind | loss | a | b | c |
/// |---|---|---|---|---|
/// | dice | `1 − (2TP+s)/D`, `D = Σy+Σp+s` | `−2/D` | 0 | `(2TP+s)/D²` |
/// | dice² | `1 − (2TP+s)/D`, `D = Σy+Σp²+s` | `−2/D` | `2(2TP+s)/D²` | 0 |
/// | iou | `1 − (TP+s)/U`, `U = Σy+Σp−TP+s` | `−(U+TP+s)/U²` | 0 | `(TP+s)/U²` |
/// | tversky | `1 − TI`, `TI = (TP+s)/D`, `D = TP+β·FP+(1−β)·FN+s` | `−1/D` | 0 | `β(TP+s)/D²` |
/// | focal tversky | `(1 − TI)^γ` | tversky's times `γ(1−TI)^(γ−1)` | | |
///
/// A denominator of exactly 0 (empty truth, every `p` exactly 0, `s = 0`) is a perfect match: loss 0, gradient 0.
/// Where `1 − TI = 0` and `γ < 1` the focal-Tversky gradient is taken as 0 (its limit along `σ`, as kornia does).
struct RegionLoss {
    enum Kind {
        case dice, diceSquared, iou, tversky(beta: Double), focalTversky(beta: Double, gamma: Double)
    }

    /// Soft counts of one channel over the kept pixels.
    struct Counts {
        var truePositive = 0.0
        var sumProbability = 0.0
        var sumTruth = 0.0
        var sumSquaredProbability = 0.0

        static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(
                truePositive: lhs.truePositive + rhs.truePositive, sumProbability: lhs.sumProbability + rhs.sumProbability,
                sumTruth: lhs.sumTruth + rhs.sumTruth,
                sumSquaredProbability: lhs.sumSquaredProbability + rhs.sumSquaredProbability)
        }

        mutating func add(truth y: Double, probability p: Double) {
            truePositive += y * p
            sumProbability += p
            sumTruth += y
            sumSquaredProbability += p * p
        }
    }

    /// Value and gradient coefficients: `∂L/∂p_i = a·y_i + b·p_i + c`.
    struct Score {
        var value: Double
        var a: Double
        var b: Double
        var c: Double
    }

    var kind: Kind
    var smooth: Double

    func score(_ n: Counts) -> Score {
        let s = smooth
        switch kind {
        case .dice:
            let numerator = 2 * n.truePositive + s, d = n.sumTruth + n.sumProbability + s
            guard d != 0 else { return Score(value: 0, a: 0, b: 0, c: 0) }
            return Score(value: 1 - numerator / d, a: -2 / d, b: 0, c: numerator / (d * d))
        case .diceSquared:
            let numerator = 2 * n.truePositive + s, d = n.sumTruth + n.sumSquaredProbability + s
            guard d != 0 else { return Score(value: 0, a: 0, b: 0, c: 0) }
            return Score(value: 1 - numerator / d, a: -2 / d, b: 2 * numerator / (d * d), c: 0)
        case .iou:
            let numerator = n.truePositive + s, u = n.sumTruth + n.sumProbability - n.truePositive + s
            guard u != 0 else { return Score(value: 0, a: 0, b: 0, c: 0) }
            return Score(value: 1 - numerator / u, a: -(u + numerator) / (u * u), b: 0, c: numerator / (u * u))
        case let .tversky(beta):
            return tversky(n, beta: beta)
        case let .focalTversky(beta, gamma):
            let plain = tversky(n, beta: beta)
            let distance = plain.value  // 1 − TI
            let slope: Double
            if distance > 0 {
                slope = gamma * StableMath.power(distance, gamma - 1)
            } else {
                slope = gamma == 1 ? 1 : 0
            }
            return Score(
                value: StableMath.power(distance, gamma),
                a: slope * plain.a, b: slope * plain.b, c: slope * plain.c)
        }
    }

    private func tversky(_ n: Counts, beta: Double) -> Score {
        let falsePositive = n.sumProbability - n.truePositive, falseNegative = n.sumTruth - n.truePositive
        let numerator = n.truePositive + smooth
        let d = n.truePositive + beta * falsePositive + (1 - beta) * falseNegative + smooth
        guard d != 0 else { return Score(value: 0, a: 0, b: 0, c: 0) }
        return Score(value: 1 - numerator / d, a: -1 / d, b: 0, c: beta * numerator / (d * d))
    }

    /// Binary: `p = σ(z)`, `∂L/∂z_i = (a·y_i + b·p_i + c)·σ(z_i)·σ(−z_i)`, with its magnitude and the implicit weight
    /// (see ``BinaryPixelMaps``) written in the same pass.
    func evaluateBinary(
        _ prepared: PreparedInput, keepsGradient: Bool
    ) -> (value: Double, gradient: [Double], magnitude: [Double], weight: [Double]) {
        let labels = prepared.input.truth.labels, probabilities = prepared.probabilities, terms = prepared.terms
        let score = score(RegionLoss.binaryCounts(prepared))
        let maps = BinaryPixelMaps.fill(prepared, keepsGradient: keepsGradient) { pixel in
            let p = probabilities[pixel]
            return (score.a * Double(labels[pixel]) + score.b * p + score.c) * p * terms[pixel].complement
        }
        return (score.value, maps.gradient, maps.magnitude, maps.weight)
    }

    /// The soft counts of the foreground over the kept pixels of a binary input, `p = σ(z)`.
    static func binaryCounts(_ prepared: PreparedInput) -> Counts {
        let labels = prepared.input.truth.labels, ignore = prepared.input.ignoredLabel
        let probabilities = prepared.probabilities
        return ParallelChunks.map(count: prepared.input.pixelCount) { range in
            var counts = Counts()
            for pixel in range where labels[pixel] != ignore {
                counts.add(truth: Double(labels[pixel]), probability: probabilities[pixel])
            }
            return counts
        }.reduce(Counts(), +)
    }

    /// Multi-class: the mean over all C classes of the loss of one-hot(y)_c against `p_c = softmax(z)_c`, with
    /// the gradient's per-pixel norm and the implicit weight map (see ``Softmax/backward(_:keepsGradient:slopes:)``).
    func evaluateMulticlass(
        _ prepared: PreparedInput, keepsGradient: Bool
    ) -> (value: Double, gradient: [Double], magnitude: [Double], weight: [Double]) {
        let input = prepared.input, labels = input.truth.labels, ignore = input.ignoredLabel
        let probabilities = prepared.probabilities
        let classes = input.logits.classes, plane = input.pixelCount
        // One class plane at a time, so that reads stream through contiguous memory.
        let counts = ParallelChunks.map(count: plane) { range in
            (0..<classes).map { c in
                var counts = Counts()
                for pixel in range where labels[pixel] != ignore {
                    counts.add(truth: labels[pixel] == c ? 1 : 0, probability: probabilities[c * plane + pixel])
                }
                return counts
            }
        }.reduce([Counts](repeating: Counts(), count: classes)) { zip($0, $1).map(+) }
        let scores = counts.map(score)
        let slopes = AffineSlopes(scores: scores, share: 1 / Double(classes))
        let (gradient, magnitude, weight) = Softmax.backward(prepared, keepsGradient: keepsGradient, slopes: slopes)
        return (scores.map(\.value).reduce(0, +) / Double(classes), gradient, magnitude, weight)
    }
}

/// The multi-class overlap slopes: `∂L/∂p_c = (a_c·y_c + b_c·p_c + c_c)/C` from each class's score.
private struct AffineSlopes: ProbabilitySlopes {
    let scores: [RegionLoss.Score]
    let share: Double

    @inline(__always)
    func slope(class c: Int, pixel: Int, probability: Double, isLabel: Bool) -> Double {
        let score = scores[c]
        return (score.a * (isLabel ? 1 : 0) + score.b * probability + score.c) * share
    }
}
