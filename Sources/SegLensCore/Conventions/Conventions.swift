/// Each library's value of a seglens loss on the same input, with the library's documented defaults for what
/// seglens does not set and the seglens parameters mapped onto its arguments (see docs/conventions.md).
///
/// Mapping: focal α and γ go to the library's `alpha`/`gamma` (α = none → `alpha=None`, or the library's neutral
/// value); Tversky's β (FP weight, FN gets 1 − β) goes to `alpha=β, beta=1−β`; smoothing s goes to `smooth`
/// (smp) or `smooth_nr = smooth_dr = s` (MONAI); libraries without a smoothing argument keep their fixed epsilon;
/// the input's ignore index goes to `ignore_index` where the library has one.
public enum Conventions {
    /// The results of `libraries` for `loss`, in the order given, each library's default call before its
    /// variants; a library without a counterpart of the loss is left out.
    public static func evaluate(
        _ loss: Loss, parameters: LossParameters? = nil, batch: ConventionBatch,
        libraries: [ConventionLibrary] = ConventionLibrary.allCases
    ) -> [ConventionResult] {
        libraries.flatMap { results($0, loss: loss, parameters: parameters, batch: batch) }
    }

    /// One library's result for `loss` on `batch` with its default call, or `nil` when it has no such loss.
    public static func evaluate(
        _ library: ConventionLibrary, loss: Loss, parameters: LossParameters? = nil, batch: ConventionBatch
    ) -> ConventionResult? {
        results(library, loss: loss, parameters: parameters, batch: batch).first
    }

    /// One library's default call for `loss`, then its variants (empty when it has no such loss).
    public static func results(
        _ library: ConventionLibrary, loss: Loss, parameters: LossParameters? = nil, batch: ConventionBatch
    ) -> [ConventionResult] {
        precondition(loss.mode == batch.mode, "\(loss.name) is a \(loss.mode.rawValue) loss but the batch is \(batch.mode.rawValue)")
        let parameters = parameters ?? loss.defaultParameters
        let call = ConventionCall(library: library, loss: loss, parameters: parameters, batch: batch)
        switch loss {
        case .dice, .diceSquared, .iou, .tversky, .focalTversky, .multiclassDice, .multiclassIoU, .multiclassTversky:
            return RegionConventions.evaluate(call).map { [$0] } ?? []
        case .binaryFocal, .multiclassFocal:
            return (FocalConventions.evaluate(call).map { [$0] } ?? []) + FocalConventions.variants(call)
        case .bce, .weightedBCE, .balancedBCE, .crossEntropy:
            return CrossEntropyConventions.evaluate(call).map { [$0] } ?? []
        case .borderBCE:
            return articleBorderBCE(call).map { [$0] } ?? []
        case .lovaszHinge, .lovaszSoftmax:
            return (LovaszConventions.evaluate(call).map { [$0] } ?? []) + LovaszConventions.variants(call)
        }
    }
}

extension Conventions {
    /// `border-bce` exists only in the article (the U-Net weight map of Ronneberger et al. 2015): no library has it,
    /// and the article's convention is the definition seglens implements (docs/losses.md), per image.
    private static func articleBorderBCE(_ call: ConventionCall) -> ConventionResult? {
        guard call.library == .article else { return nil }
        let values = call.batch.images.map { Loss.borderBCE.evaluate($0, parameters: call.parameters, keepsGradient: false).value }
        return call.result(
            values.reduce(0, +) / Double(values.count),
            call: "weighted BCE with the U-Net weight map (w0=\(call.py(call.parameters.w0)), sigma=\(call.py(call.parameters.sigma)))",
            why: "article convention: w_c + w0·exp(−(d1+d2)²/2σ²) on background, 8-connected objects; no library has it")
    }
}

/// One library × loss evaluation: its inputs and the helpers every family uses to state its result.
struct ConventionCall {
    let library: ConventionLibrary
    let loss: Loss
    let parameters: LossParameters
    let batch: ConventionBatch

    var isBinary: Bool { batch.mode == .binary }
    var ignoresPixels: Bool { batch.ignoredCount > 0 }

    /// `"binary"` or `"multiclass"`, smp's `mode` argument.
    var smpMode: String { isBinary ? "\"binary\"" : "\"multiclass\"" }

    /// `, ignore_index=K` when the input has an ignore index.
    var ignoreArgument: String { batch.ignoreIndex.map { ", ignore_index=\($0)" } ?? "" }

    /// A number as Python would be given it.
    func py(_ value: Double) -> String { LossParameters.compact(value) }
    func py(_ value: Double?) -> String { value.map(py) ?? "None" }

    func result(_ value: Double, call: String, why: String) -> ConventionResult {
        ConventionResult(library: library, loss: loss, outcome: .value(value), call: call, why: why)
    }

    /// The result of a library that has no ignore option, on an input with ignored pixels.
    func noIgnoreOption(call: String) -> ConventionResult {
        ConventionResult(
            library: library, loss: loss,
            outcome: .unsupported(
                "no ignore option in \(call.prefix { $0 != "(" }) for the \(batch.ignoredCount) ignored pixel\(batch.ignoredCount == 1 ? "" : "s")"),
            call: call, why: "no ignore option: mask the ignored pixels yourself")
    }

    /// Classes (channels) of the batch whose target is empty over the whole batch.
    var absentChannels: [Int] {
        (0..<batch.channels).filter { batch.batchCounts($0).sumTruth == 0 }
    }
}
