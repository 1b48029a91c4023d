/// Dice, IoU, Tversky and focal Tversky as smp, MONAI, kornia, Keras and the reference article compute them, from
/// the soft counts of ``ConventionBatch`` (`I = TP = Σ t·p`, `FP = Σp − I`, `FN = Σt − I`; hard labels, so smp's
/// `Σ min(p, t)` and MONAI's `Σ p·t` agree).
enum RegionConventions {
    static func evaluate(_ call: ConventionCall) -> ConventionResult? {
        switch call.library {
        case .smp: smp(call)
        case .monai: monai(call)
        case .kornia: kornia(call)
        case .keras: keras(call)
        case .article: article(call)
        case .torchvision: nil
        }
    }

    /// The FP and FN weights of the Tversky index that a seglens region loss is: Dice ½ ½, IoU 1 1, Tversky β 1−β.
    private static func weights(_ call: ConventionCall) -> (fp: Double, fn: Double)? {
        switch call.loss {
        case .dice, .multiclassDice: (0.5, 0.5)
        case .iou, .multiclassIoU: (1, 1)
        case .tversky, .multiclassTversky, .focalTversky: (call.parameters.beta, 1 - call.parameters.beta)
        default: nil
        }
    }

    /// smp ≥ 0.4 `soft_tversky_score` over batch and pixels per class (`dims=(0, 2)`):
    /// `1 − (I + s)/max(I + α·FP + β·FN + s, 1e−7)`, zero for a class absent from the whole batch, mean over all
    /// classes, then `^γ` (TverskyLoss's `gamma`, 1 except for focal Tversky).
    private static func smp(_ call: ConventionCall) -> ConventionResult? {
        guard let (fp, fn) = weights(call) else { return nil }
        let s = call.parameters.smooth
        let gamma = call.loss == .focalTversky ? call.parameters.gamma : 1
        let perClass = (0..<call.batch.channels).map { c -> Double in
            let n = call.batch.batchCounts(c)
            guard n.sumTruth > 0 else { return 0 }
            let i = n.truePositive
            return 1 - (i + s) / max(i + fp * (n.sumProbability - i) + fn * (n.sumTruth - i) + s, 1e-7)
        }
        let value = StableMath.power(perClass.reduce(0, +) / Double(perClass.count), gamma)
        let name: String, arguments: String
        switch call.loss {
        case .dice, .multiclassDice: (name, arguments) = ("DiceLoss", "")
        case .iou, .multiclassIoU: (name, arguments) = ("JaccardLoss", "")
        case .focalTversky: (name, arguments) = ("TverskyLoss", ", alpha=\(call.py(fp)), beta=\(call.py(fn)), gamma=\(call.py(gamma))")
        default: (name, arguments) = ("TverskyLoss", ", alpha=\(call.py(fp)), beta=\(call.py(fn))")
        }
        var why = call.loss == .dice || call.loss == .multiclassDice
            ? "smooth on both sides of I/(I+½FP+½FN): 2s for Dice; one score per class over the whole batch"
            : "smooth s on both sides, one score per class over the whole batch"
        if call.loss == .focalTversky { why += "; γ applied to the class mean" }
        let absent = call.absentChannels
        why += absent.isEmpty
            ? "; a class absent from the batch would score 0 and still count"
            : "; absent class \(absent.map(String.init).joined(separator: ",")) scores 0 and still counts"
        return call.result(
            value, call: "smp.losses.\(name)(\(call.smpMode)\(arguments), smooth=\(call.py(s))\(call.ignoreArgument))", why: why)
    }

    /// MONAI `DiceLoss` / `TverskyLoss`: one score per image and class, then the mean over both.
    /// Dice `1 − (2I + s_nr)/(Σt + Σp + s_dr)` (`squared_pred`: `Σt + Σp²`), Jaccard `1 − (2I + s_nr)/(2(Σt + Σp − I) + s_dr)`,
    /// Tversky `1 − (I + s_nr)/(I + α·FP + β·FN + s_dr)`, with `s_nr = s_dr = s`.
    private static func monai(_ call: ConventionCall) -> ConventionResult? {
        let s = call.parameters.smooth
        let score: (RegionLoss.Counts) -> Double
        let name: String, why: String
        switch call.loss {
        case .dice, .multiclassDice:
            score = { 1 - (2 * $0.truePositive + s) / ($0.sumTruth + $0.sumProbability + s) }
            (name, why) = ("DiceLoss", "a score per image and class, then their mean; an empty class scores 1 − s/(Σp+s) ≈ 1")
        case .diceSquared:
            score = { 1 - (2 * $0.truePositive + s) / ($0.sumTruth + $0.sumSquaredProbability + s) }
            (name, why) = ("DiceLoss", "squared_pred: Σp² + Σy² below, as seglens; per image, then the mean")
        case .iou, .multiclassIoU:
            score = { 1 - (2 * $0.truePositive + s) / (2 * ($0.sumTruth + $0.sumProbability - $0.truePositive) + s) }
            (name, why) = ("DiceLoss", "jaccard=True is 1 − (2I+s)/(2U+s): half of seglens's smoothing; per image")
        case .tversky, .multiclassTversky:
            let (fp, fn) = weights(call)!
            score = { 1 - ($0.truePositive + s) / ($0.truePositive + fp * ($0.sumProbability - $0.truePositive) + fn * ($0.sumTruth - $0.truePositive) + s) }
            (name, why) = ("TverskyLoss", "alpha weighs FP as seglens's β; a score per image and class, then their mean")
        default:
            return nil
        }
        let scores = call.batch.counts.flatMap { $0.map(score) }
        var arguments = call.isBinary ? "sigmoid=True" : "softmax=True, to_onehot_y=True"
        if call.loss == .diceSquared { arguments += ", squared_pred=True" }
        if call.loss == .iou || call.loss == .multiclassIoU { arguments += ", jaccard=True" }
        if let (fp, fn) = weights(call), name == "TverskyLoss" { arguments += ", alpha=\(call.py(fp)), beta=\(call.py(fn))" }
        arguments += ", smooth_nr=\(call.py(s)), smooth_dr=\(call.py(s))\(call.ignoreArgument)"
        return call.result(scores.reduce(0, +) / Double(scores.count), call: "monai.losses.\(name)(\(arguments))", why: why)
    }

    /// kornia (multi-class, softmax of logits): `dice_loss` default `average="micro"`, per image
    /// `1 − 2·Σ_c I_c/(Σ_c (Σp_c + Σt_c) + 1e−8)`; `tversky_loss` per image and class present in it,
    /// `I/(I + α·FP + β·FN + 1e−8)`, 1 minus the mean over images of the mean over present classes.
    private static func kornia(_ call: ConventionCall) -> ConventionResult? {
        guard !call.isBinary else { return nil }
        let eps = 1e-8
        switch call.loss {
        case .multiclassDice:
            let losses = call.batch.counts.map { image in
                let i = image.map(\.truePositive).reduce(0, +)
                let total = image.map { $0.sumProbability + $0.sumTruth }.reduce(0, +)
                return 1 - 2 * i / (total + eps)
            }
            return call.result(
                losses.reduce(0, +) / Double(losses.count),
                call: "kornia.losses.dice_loss(logits, labels\(call.ignoreArgument))",
                why: "average='micro': I and Σp+Σt summed over classes before the ratio, not a class mean; no smoothing")
        case .multiclassTversky:
            let (fp, fn) = weights(call)!
            let scores = call.batch.counts.map { image -> Double in
                let present = image.filter { $0.sumTruth > 0 }
                guard !present.isEmpty else { return 0 }
                return present.map { n in
                    n.truePositive / (n.truePositive + fp * (n.sumProbability - n.truePositive) + fn * (n.sumTruth - n.truePositive) + eps)
                }.reduce(0, +) / Double(present.count)
            }
            return call.result(
                1 - scores.reduce(0, +) / Double(scores.count),
                call: "kornia.losses.tversky_loss(logits, labels, alpha=\(call.py(fp)), beta=\(call.py(fn))\(call.ignoreArgument))",
                why: "mean over classes present in each image only; eps=1e-8 below, no smoothing")
        default:
            return nil
        }
    }

    /// Keras 3 `Dice()` and `Tversky()` with `axis=None`: one score over the whole tensor (batch and one-hot
    /// channels together), `1e−7` below only. 3.15.1's Tversky computes `I/(I + α·FN + β·FP + 1e−7)`.
    private static func keras(_ call: ConventionCall) -> ConventionResult? {
        let total = (0..<call.batch.channels).map(call.batch.batchCounts).reduce(RegionLoss.Counts(), +)
        let i = total.truePositive, fp = total.sumProbability - i, fn = total.sumTruth - i
        let input = call.isBinary ? "(y, sigmoid(z))" : "(one_hot(y), softmax(z))"
        switch call.loss {
        case .dice, .multiclassDice:
            let code = "keras.losses.Dice()\(input)"
            if call.ignoresPixels { return call.noIgnoreOption(call: code) }
            return call.result(
                1 - 2 * i / (total.sumTruth + total.sumProbability + 1e-7), call: code,
                why: call.isBinary
                    ? "one score over the whole tensor, batch included; eps=1e-7 below, no smoothing"
                    : "one score over the whole tensor: all one-hot channels summed (micro); eps=1e-7 below")
        case .tversky, .multiclassTversky:
            let (alpha, beta) = weights(call)!
            let code = "keras.losses.Tversky(alpha=\(call.py(alpha)), beta=\(call.py(beta)))\(input)"
            if call.ignoresPixels { return call.noIgnoreOption(call: code) }
            return call.result(
                1 - i / (i + alpha * fn + beta * fp + 1e-7), call: code,
                why: call.isBinary
                    ? "3.15.1 puts alpha on FN and beta on FP (swapped; fixed after 3.15.1); whole tensor"
                    : "whole tensor: ΣFP = ΣFN over one-hot channels, so alpha, beta and the 3.15.1 swap cancel")
        default:
            return nil
        }
    }

    /// The reference article's printed Keras code (binary, probabilities in): Dice returns the ratio
    /// `2Σy·p/(Σ(y + p²) + 1e−7)` itself; Tversky is `1 − (Σy·p + 1)/(Σ[y·p + β(1−y)p + (1−β)y(1−p)] + 1)`.
    private static func article(_ call: ConventionCall) -> ConventionResult? {
        guard call.isBinary else { return nil }
        let n = call.batch.batchCounts(0)
        let i = n.truePositive, fp = n.sumProbability - i, fn = n.sumTruth - i
        switch call.loss {
        case .dice, .diceSquared:
            let code = "dice_loss(y, sigmoid(z))"
            if call.ignoresPixels { return call.noIgnoreOption(call: code) }
            return call.result(
                2 * i / (n.sumTruth + n.sumSquaredProbability + 1e-7), call: code,
                why: "printed code returns the ratio 2Σyp/(Σ(y+p²)+eps), not 1 − it as its text says: it rises as the fit improves")
        case .tversky:
            let beta = call.parameters.beta
            let code = "tversky_loss(beta=\(call.py(beta)))(y, sigmoid(z))"
            if call.ignoresPixels { return call.noIgnoreOption(call: code) }
            return call.result(
                1 - (i + 1) / (i + beta * fp + (1 - beta) * fn + 1), call: code,
                why: "β on FP as seglens, but the printed code adds 1 (not s) on both sides; its text has no smoothing")
        default:
            return nil
        }
    }
}
