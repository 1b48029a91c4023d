import RealModule

/// Binary and multi-class focal loss as smp, MONAI, kornia, Keras, torchvision and the reference article compute
/// them. The sigmoid libraries share ``ConventionTerms/sigmoidFocal(z:positive:alpha:gamma:)``; they differ in
/// what they average over (pixels, pixels × classes, ignored pixels in or out), in softmax vs one-vs-rest
/// sigmoid for multi-class, and in where α goes.
enum FocalConventions {
    static func evaluate(_ call: ConventionCall) -> ConventionResult? {
        call.isBinary ? binary(call) : multiclass(call)
    }

    private static func binary(_ call: ConventionCall) -> ConventionResult {
        let alpha = call.parameters.alpha, gamma = call.parameters.gamma, batch = call.batch
        // Σ over kept pixels of the sigmoid focal term; computed only by the libraries that use it.
        var keptSum: Double {
            batch.sumOverKeptLogits { z, y in ConventionTerms.sigmoidFocal(z: z(0), positive: y == 1, alpha: alpha, gamma: gamma) }
        }
        let kept = Double(batch.keptCount), all = Double(batch.pixelCount)
        let g = call.py(gamma)
        switch call.library {
        case .smp:
            return call.result(
                keptSum / kept, call: "smp.losses.FocalLoss(\"binary\", alpha=\(call.py(alpha)), gamma=\(g)\(call.ignoreArgument))",
                why: "as seglens: sigmoid focal, mean over kept pixels; its default alpha is None (seglens 0.25)")
        case .monai:
            return call.result(
                keptSum / kept, call: "monai.losses.FocalLoss(alpha=\(call.py(alpha)), gamma=\(g)\(call.ignoreArgument))",
                why: "as seglens for one channel: logits in, sigmoid focal, mean over kept pixels; default alpha None")
        case .kornia:
            return call.result(
                keptSum / all,
                call: "kornia.losses.binary_focal_loss_with_logits(alpha=\(call.py(alpha)), gamma=\(g), reduction=\"mean\"\(call.ignoreArgument))",
                why: call.ignoresPixels
                    ? "ignored pixels count 0 but stay in the mean's denominator"
                    : "as seglens (default reduction is 'none': a per-pixel map)")
        case .torchvision:
            let code = "torchvision.ops.sigmoid_focal_loss(z, y, alpha=\(alpha.map(call.py) ?? "-1"), gamma=\(g), reduction=\"mean\")"
            if call.ignoresPixels { return call.noIgnoreOption(call: code) }
            return call.result(keptSum / all, call: code, why: "seglens's binary focal is this one (alpha < 0 means none)")
        case .keras:
            let code = "keras.losses.BinaryFocalCrossentropy(apply_class_balancing=\(alpha == nil ? "False" : "True"), alpha=\(call.py(alpha ?? 0.25)), gamma=\(g), from_logits=True)"
            if call.ignoresPixels { return call.noIgnoreOption(call: code) }
            let sum = batch.sumOverKeptLogits { z, y in
                // σ(z) as Keras computes it, 1/(1 + e^(−z)) in float32: past z ≈ 8 the sum 1 + e^(−z) keeps few
                // digits of e^(−z), so 1 − σ and log(1 − σ) are off by up to a few % (capped by the clip at 16).
                let p = Double(Float(1) / (Float(1) + Float.exp(Float(-z(0))))), positive = y == 1
                let bce = -Double.log(positive ? ConventionTerms.clipped(p) : 1 - ConventionTerms.clipped(p))
                let weight = alpha.map { positive ? $0 : 1 - $0 } ?? 1
                return weight * StableMath.power(positive ? 1 - p : p, gamma) * bce
            }
            return call.result(
                sum / all, call: code,
                why: "σ = 1/(1+e^−z) in float32, clipped to [1e-7, 1−1e-7] (not TF): off past |z|≈8; α only if balancing")
        case .article:
            let a = alpha ?? 0.25
            let code = "focal_loss(alpha=\(call.py(a)), gamma=\(g))(y, sigmoid(z))"
            if call.ignoresPixels { return call.noIgnoreOption(call: code) }
            let sum = batch.sumOverKeptLogits { z, y in
                let p = ConventionTerms.clipped(ConventionTerms.sigmoid(z(0)))
                let x = Double.log(p / (1 - p))
                // focal_loss_with_logits as printed: weight_a = α(1−p)^γ·y, weight_b = (1−α)p^γ(1−y).
                let t = y == 1 ? 1.0 : 0.0
                let weightA = a * StableMath.power(1 - p, gamma) * t, weightB = (1 - a) * StableMath.power(p, gamma) * (1 - t)
                return (Double.log(onePlus: Double.exp(-Swift.abs(x))) + max(-x, 0)) * (weightA + weightB) + x * weightB
            }
            return call.result(
                sum / all, call: code,
                why: "p clipped to [1e-7, 1−1e-7] and turned back into logits: differs past |z|≈16"
                    + (alpha == nil ? "; always α-weighted (α=none → its 0.25)" : ""))
        }
    }

    private static func multiclass(_ call: ConventionCall) -> ConventionResult? {
        let alpha = call.parameters.alpha, gamma = call.parameters.gamma, batch = call.batch
        let classes = batch.channels, g = call.py(gamma)
        let kept = Double(batch.keptCount), all = Double(batch.pixelCount)
        /// One-vs-rest: a sigmoid focal per channel with target 1[y = c], summed over channels and kept pixels.
        func oneVersusRest() -> Double {
            batch.sumOverKeptLogits { z, y in
                (0..<classes).reduce(0.0) { $0 + ConventionTerms.sigmoidFocal(z: z($1), positive: y == $1, alpha: alpha, gamma: gamma) }
            }
        }
        switch call.library {
        case .smp:
            return call.result(
                oneVersusRest() / (kept * Double(classes)),
                call: "smp.losses.FocalLoss(\"multiclass\", alpha=\(call.py(alpha)), gamma=\(g)\(call.ignoreArgument))",
                why: "no softmax: a sigmoid focal per class (one-vs-rest), mean over classes (≤0.5.0 summed: ×C)")
        case .monai:
            // With an ignore_index the sum is divided by the valid pixels, not pixels × C (mask is B×1×H×W).
            let denominator = batch.ignoreIndex == nil ? all * Double(classes) : kept
            return call.result(
                oneVersusRest() / denominator,
                call: "monai.losses.FocalLoss(to_onehot_y=True, alpha=\(call.py(alpha)), gamma=\(g)\(call.ignoreArgument))",
                why: batch.ignoreIndex == nil
                    ? "default use_softmax=False: a sigmoid focal per channel, mean over pixels × classes"
                    : "sigmoid per channel; with ignore_index the sum is divided by pixels, not pixels × C: ×\(classes) its value without")
        case .kornia:
            let softmaxSum = softmaxFocalSum(call)
            return call.result(
                softmaxSum / (all * Double(classes)),
                call: "kornia.losses.focal_loss(logits, labels, alpha=\(call.py(alpha)), gamma=\(g), reduction=\"mean\"\(call.ignoreArgument))",
                why: "seglens's terms, but 'mean' divides by pixels × C (γ=0 gives CE/C)"
                    + (call.ignoresPixels ? "; ignored pixels stay in it" : ""))
        case .keras:
            let a = alpha ?? 1
            let code = "keras.losses.CategoricalFocalCrossentropy(alpha=\(call.py(a)), gamma=\(g), from_logits=True)"
            if call.ignoresPixels { return call.noIgnoreOption(call: code) }
            let sum = batch.sumOverKeptProbabilities({ p, y in
                let pt = ConventionTerms.clipped(p(y))
                return a * StableMath.power(1 - pt, gamma) * -Double.log(pt)
            })
            return call.result(
                sum / all, call: code,
                why: "alpha multiplies every class (seglens: 1−α for class 0); p clipped to [1e-7, 1−1e-7]")
        case .torchvision:
            let code = "torchvision.ops.sigmoid_focal_loss(z, one_hot(y), alpha=\(alpha.map(call.py) ?? "-1"), gamma=\(g), reduction=\"mean\")"
            if call.ignoresPixels { return call.noIgnoreOption(call: code) }
            return call.result(
                oneVersusRest() / (all * Double(classes)), call: code,
                why: "one-vs-rest sigmoid on one-hot targets, mean over pixels × classes; not a softmax focal")
        case .article:
            return nil
        }
    }

    /// MONAI's `FocalLoss(use_softmax=True)` beside its sigmoid default: seglens's softmax terms (scalar α becomes
    /// `[1−α, α, …]`), mean over pixels × C; with an `ignore_index` divided by the valid pixels only (×C).
    static func variants(_ call: ConventionCall) -> [ConventionResult] {
        guard call.library == .monai, !call.isBinary else { return [] }
        let batch = call.batch, classes = Double(batch.channels)
        let denominator = batch.ignoreIndex == nil ? Double(batch.pixelCount) * classes : Double(batch.keptCount)
        return [ConventionResult(
            library: .monai, variant: "softmax", loss: call.loss, outcome: .value(softmaxFocalSum(call) / denominator),
            call: "monai.losses.FocalLoss(to_onehot_y=True, use_softmax=True, alpha=\(call.py(call.parameters.alpha)), gamma=\(call.py(call.parameters.gamma))\(call.ignoreArgument))",
            why: batch.ignoreIndex == nil
                ? "seglens's terms, but the mean is over pixels × C (γ=0 gives CE/C)"
                : "with ignore_index the sum is divided by pixels, not pixels × C (= seglens): ×\(batch.channels) its value without")]
    }

    /// `Σ_kept α_t·(1 − p_t)^γ·(−log p_t)` with seglens's softmax focal (``Loss/multiclassFocal``), recovered from
    /// its mean over kept pixels.
    private static func softmaxFocalSum(_ call: ConventionCall) -> Double {
        call.batch.images.map { prepared in
            Loss.multiclassFocal.evaluate(prepared, parameters: call.parameters, keepsGradient: false).value
                * Double(prepared.input.keptPixels.count)
        }.reduce(0, +)
    }
}
