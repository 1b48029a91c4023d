import RealModule

/// BCE (plain, positive-weighted, class-balanced) and multi-class cross-entropy as smp, Keras, torch and the
/// reference article compute them. They agree on the per-pixel terms and differ in the mean's denominator
/// (ignored pixels dropped or kept), in the ignore option itself, and, for the article, in clipping p.
enum CrossEntropyConventions {
    static func evaluate(_ call: ConventionCall) -> ConventionResult? {
        call.loss == .crossEntropy ? crossEntropy(call) : binary(call)
    }

    /// TensorFlow's `weighted_cross_entropy_with_logits(y, x, q)` as written there:
    /// `(1 − y)·x + (1 + (q − 1)·y)·(log1p(e^(−|x|)) + max(−x, 0))`; `q = 1` is the plain BCE.
    @inline(__always)
    private static func weightedCrossEntropy(x: Double, positive: Bool, positiveWeight q: Double) -> Double {
        let y = positive ? 1.0 : 0.0
        return (1 - y) * x + (1 + (q - 1) * y) * (Double.log(onePlus: Double.exp(-Swift.abs(x))) + max(-x, 0))
    }

    private static func binary(_ call: ConventionCall) -> ConventionResult? {
        let beta = call.parameters.beta, batch = call.batch
        // The per-pixel weights of the seglens loss: (positive, negative).
        let (positiveWeight, negativeWeight): (Double, Double) = switch call.loss {
        case .weightedBCE: (beta, 1)
        case .balancedBCE: (beta, 1 - beta)
        default: (1, 1)
        }
        // Σ over kept pixels of seglens's term; computed only by the libraries that use it.
        var exactSum: Double {
            batch.sumOverKeptLogits { z, y in
                y == 1 ? positiveWeight * ConventionTerms.softplus(-z(0)) : negativeWeight * ConventionTerms.softplus(z(0))
            }
        }
        let all = Double(batch.pixelCount)
        switch call.library {
        case .torchvision:
            let arguments = switch call.loss {
            case .weightedBCE: ", pos_weight=torch.tensor(\(call.py(beta)))"
            case .balancedBCE: ", weight=\(call.py(beta))*y + \(call.py(1 - beta))*(1-y)"
            default: ""
            }
            let code = "torch.nn.functional.binary_cross_entropy_with_logits(z, y\(arguments))"
            if call.ignoresPixels { return call.noIgnoreOption(call: code) }
            return call.result(exactSum / all, call: code, why: "seglens's \(call.loss.name) is this one")
        case .smp:
            guard call.loss != .balancedBCE else { return nil }
            let arguments = [call.loss == .weightedBCE ? "pos_weight=torch.tensor(\(call.py(beta)))" : nil, batch.ignoreIndex.map { "ignore_index=\($0)" }]
            return call.result(
                exactSum / all,
                call: "smp.losses.SoftBCEWithLogitsLoss(\(arguments.compactMap { $0 }.joined(separator: ", ")))",
                why: call.ignoresPixels
                    ? "ignored pixels count 0 but stay in the mean's denominator"
                    : "as seglens (its ignore_index keeps ignored pixels in the mean)")
        case .keras:
            guard call.loss == .bce else { return nil }
            let code = "keras.losses.BinaryCrossentropy(from_logits=True)"
            if call.ignoresPixels { return call.noIgnoreOption(call: code) }
            return call.result(exactSum / all, call: code, why: "as seglens (from logits: no clipping on the torch and TF backends)")
        case .article:
            let code: String, positiveWeightArgument: Double, scale: Double
            switch call.loss {
            case .weightedBCE: (code, positiveWeightArgument, scale) = ("weighted_cross_entropy(beta=\(call.py(beta)))", beta, 1)
            case .balancedBCE: (code, positiveWeightArgument, scale) = ("balanced_cross_entropy(beta=\(call.py(beta)))", beta / (1 - beta), 1 - beta)
            default: (code, positiveWeightArgument, scale) = ("weighted_cross_entropy(beta=1)", 1, 1)
            }
            if call.ignoresPixels { return call.noIgnoreOption(call: code + "(y, sigmoid(z))") }
            let sum = batch.sumOverKeptLogits { z, y in
                let p = ConventionTerms.clipped(ConventionTerms.sigmoid(z(0)))
                return scale * weightedCrossEntropy(x: Double.log(p / (1 - p)), positive: y == 1, positiveWeight: positiveWeightArgument)
            }
            var why = "p clipped to [1e-7, 1−1e-7] and turned back into logits: differs past |z|≈16"
            if call.loss == .balancedBCE { why += beta == 1 ? "; β=1 divides by zero: NaN" : "; pos_weight β/(1−β) then ×(1−β)" }
            return call.result(sum / all, call: code + "(y, sigmoid(z))", why: why)
        case .monai, .kornia:
            return nil
        }
    }

    private static func crossEntropy(_ call: ConventionCall) -> ConventionResult? {
        let batch = call.batch, classes = batch.channels
        let sum = batch.sumOverKeptLogits { z, y in
            var maximum = -Double.infinity
            for c in 0..<classes { maximum = max(maximum, z(c)) }
            var total = 0.0
            for c in 0..<classes { total += Double.exp(z(c) - maximum) }
            return Double.log(total) + maximum - z(y)
        }
        let kept = Double(batch.keptCount), all = Double(batch.pixelCount)
        switch call.library {
        case .torchvision:
            return call.result(
                sum / kept, call: "torch.nn.functional.cross_entropy(logits, labels\(call.ignoreArgument))",
                why: "seglens's ce is this one: ignored pixels leave the mean")
        case .smp:
            return call.result(
                sum / all, call: "smp.losses.SoftCrossEntropyLoss(smooth_factor=0.0\(call.ignoreArgument))",
                why: "the default smooth_factor=None crashes (TypeError, smp #372), so 0.0; ignored pixels stay in the mean")
        case .keras:
            let code = "keras.losses.SparseCategoricalCrossentropy(from_logits=True\(batch.ignoreIndex.map { ", ignore_class=\($0)" } ?? ""))"
            return call.result(sum / kept, call: code, why: "as seglens: ignore_class leaves ignored pixels out of the mean")
        case .monai, .kornia, .article:
            return nil
        }
    }
}
