/// Lovász hinge and Lovász-softmax as smp, kornia and the reference article compute them, all through
/// ``LovaszLoss/jaccardExtension(errors:foreground:)``. They differ in the domain of one extension (the whole
/// batch or each image), in the classes averaged (present in the truth, or all), and in ignored pixels.
enum LovaszConventions {
    static func evaluate(_ call: ConventionCall) -> ConventionResult? {
        call.isBinary ? hinge(call) : softmax(call)
    }

    /// Hinge errors `1 − z·(2y − 1)` and foreground flags of the kept pixels of one image.
    private static func hingeTerms(_ prepared: PreparedInput) -> (errors: [Double], foreground: [Bool]) {
        let input = prepared.input, labels = input.truth.labels, logits = input.logits.values
        let foreground = input.keptPixels.map { labels[$0] == 1 }
        let errors = zip(input.keptPixels, foreground).map { 1 - logits[$0] * ($1 ? 1 : -1) }
        return (errors, foreground)
    }

    private static func hinge(_ call: ConventionCall) -> ConventionResult? {
        let images = call.batch.images.map(hingeTerms)
        var perImageMean: Double {
            images.map { LovaszLoss.jaccardExtension(errors: $0.errors, foreground: $0.foreground).value }.reduce(0, +)
                / Double(images.count)
        }
        switch call.library {
        case .smp:
            let value = LovaszLoss.jaccardExtension(
                errors: images.flatMap(\.errors), foreground: images.flatMap(\.foreground)).value
            return call.result(
                value, call: "smp.losses.LovaszLoss(\"binary\"\(call.ignoreArgument))",
                why: "per_image=False: one extension over the whole batch (seglens: one image); ignored pixels dropped")
        case .kornia:
            let code = "kornia.losses.lovasz_hinge_loss(z, y)"
            if call.ignoresPixels { return call.noIgnoreOption(call: code) }
            return call.result(perImageMean, call: code, why: "one extension per image, then the mean over the batch")
        case .article:
            let code = "lovasz_hinge(labels=y, logits=z)"
            if call.ignoresPixels { return call.noIgnoreOption(call: code) }
            return call.result(
                perImageMean, call: code,
                why: "Berman's TF code, per image; it feeds y_pred as logits: the model must not end in a sigmoid")
        default:
            return nil
        }
    }

    /// The Lovász-softmax of class c over the given kept pixels (`|1[y = c] − p_c|` errors).
    private static func classExtension(_ pixels: [(prepared: PreparedInput, pixel: Int)], class c: Int) -> (value: Double, present: Bool) {
        var errors: [Double] = [], foreground: [Bool] = []
        errors.reserveCapacity(pixels.count)
        foreground.reserveCapacity(pixels.count)
        for (prepared, pixel) in pixels {
            let isForeground = prepared.input.truth.labels[pixel] == c
            foreground.append(isForeground)
            errors.append(Swift.abs((isForeground ? 1 : 0) - prepared.probabilities[c * prepared.input.pixelCount + pixel]))
        }
        return (LovaszLoss.jaccardExtension(errors: errors, foreground: foreground).value, foreground.contains(true))
    }

    /// kornia's Lovász-softmax before its fix (source snapshot b4f5a78; 0.9.0 is fixed): the errors
    /// `|1[y = c] − p_c|` are sorted as usual, but `lovasz_grad` is fed the sorted class *labels* `y ∈ 0…C−1`
    /// instead of `1[y = c]`. A wrong number, reproduced as a second kornia row (no ignore option either).
    static func variants(_ call: ConventionCall) -> [ConventionResult] {
        guard call.library == .kornia, !call.isBinary, !call.ignoresPixels else { return [] }
        let classes = call.batch.channels
        let values = call.batch.images.flatMap { prepared in
            (0..<classes).map { labelSortedExtension(prepared, class: $0) }
        }
        return [ConventionResult(
            library: .kornia, variant: "sort bug", version: "source b4f5a78", loss: call.loss,
            outcome: .value(values.reduce(0, +) / Double(values.count)), call: "kornia.losses.lovasz_softmax_loss(logits, labels)",
            why: "the pre-fix code sorts class labels, not 1[y=c], into lovasz_grad: a wrong number (fixed in 0.9.0)")]
    }

    /// The buggy extension of class c over one image's kept pixels: `Σ relu(e_sorted)·Δ_k` with
    /// `J_k = 1 − (Σy − cumsum(y)_k)/(Σy + cumsum(1 − y)_k)` over the labels `y` in error order.
    private static func labelSortedExtension(_ prepared: PreparedInput, class c: Int) -> Double {
        let input = prepared.input, labels = input.truth.labels, plane = input.pixelCount
        let entries = input.keptPixels.map { pixel in
            (error: Swift.abs((labels[pixel] == c ? 1 : 0) - prepared.probabilities[c * plane + pixel]), label: Double(labels[pixel]))
        }.sorted { $0.error > $1.error }
        let total = entries.reduce(0) { $0 + $1.label }
        var cumulative = 0.0, cumulativeComplement = 0.0, previous = 0.0, value = 0.0
        for (error, label) in entries {
            cumulative += label
            cumulativeComplement += 1 - label
            let jaccard = 1 - (total - cumulative) / (total + cumulativeComplement)
            value += max(error, 0) * (jaccard - previous)
            previous = jaccard
        }
        return value
    }

    private static func softmax(_ call: ConventionCall) -> ConventionResult? {
        let classes = call.batch.channels
        switch call.library {
        case .smp:
            // per_image=False, classes="present": one extension per class present in the batch's kept labels.
            let pixels = call.batch.images.flatMap { prepared in prepared.input.keptPixels.map { (prepared, $0) } }
            let present = (0..<classes).map { classExtension(pixels, class: $0) }.filter(\.present).map(\.value)
            return call.result(
                present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count),
                call: "smp.losses.LovaszLoss(\"multiclass\"\(call.ignoreArgument))",
                why: "per_image=False: one extension per class over the whole batch; classes present; ignored dropped")
        case .kornia:
            let code = "kornia.losses.lovasz_softmax_loss(logits, labels)"
            if call.ignoresPixels {
                return ConventionResult(
                    library: .kornia, loss: call.loss,
                    outcome: .crashes("no ignore option: one_hot fails on label \(call.batch.ignoreIndex.map(String.init) ?? "") ≥ C = \(classes)"),
                    call: code, why: "crashes on ignored labels: it has no ignore option")
            }
            let values = call.batch.images.flatMap { prepared in
                let pixels = prepared.input.keptPixels.map { (prepared, $0) }
                return (0..<classes).map { classExtension(pixels, class: $0).value }
            }
            return call.result(
                values.reduce(0, +) / Double(values.count), call: code,
                why: "per image and over all C classes: an absent class adds its largest p_c (seglens: present classes)")
        default:
            return nil
        }
    }
}
