import ArgumentParser
import SegLensCore
import SegLensFormats

/// The loss selection and parameter overrides shared by the commands that compute losses.
struct LossOptions: ParsableArguments {
    @Option(name: .customLong("loss"), help: "A loss to compute (repeatable). Default: every loss of the input's mode.")
    var names: [String] = []

    @Option(help: ArgumentHelp("Focal α: weight of positives / of classes ≥ 1, or 'none'.", valueName: "A|none"))
    var alpha: AlphaArgument?

    @Option(help: ArgumentHelp("Focal γ, or the focal-Tversky exponent.", valueName: "G"))
    var gamma: Double?

    @Option(help: ArgumentHelp("β: positive weight (weighted-bce), positive share (balanced-bce), FP weight (Tversky; FN gets 1−β).", valueName: "B"))
    var beta: Double?

    @Option(help: ArgumentHelp("Smoothing s of Dice, IoU and Tversky.", valueName: "S"))
    var smooth: Double?

    @Option(help: ArgumentHelp("w0: height of the U-Net border term of border-bce.", valueName: "W"))
    var w0: Double?

    @Option(help: ArgumentHelp("σ: width in pixels of the U-Net border term of border-bce.", valueName: "PX"))
    var sigma: Double?

    /// The selected losses of `mode` with their parameters: defaults, then the file's `params:` line, then each
    /// given option that the loss reads.
    func selection(
        for mode: SegmentationMode, file: MaskParameters? = nil
    ) throws(CommandFailure) -> [(loss: Loss, parameters: LossParameters)] {
        var losses: [Loss] = []
        for name in names {
            guard let loss = Loss.named(name, mode: mode) else {
                let known = Loss.catalogue(mode).map(\.name).joined(separator: ", ")
                throw CommandFailure(.usage, "unknown \(mode.rawValue) loss '\(name)' (\(mode.rawValue) losses: \(known))")
            }
            if !losses.contains(loss) { losses.append(loss) }
        }
        if losses.isEmpty { losses = Loss.catalogue(mode) }
        return try losses.map { loss throws(CommandFailure) in (loss, try parameters(for: loss, file: file)) }
    }

    /// The parameters of one loss: its defaults, overridden by the values of the file's `params:` line that the
    /// loss reads and allows, then by the options it reads, each checked against its range.
    func parameters(for loss: Loss, file: MaskParameters? = nil) throws(CommandFailure) -> LossParameters {
        var parameters = loss.defaultParameters
        // A params line that names its loss sets that loss's start; without a loss it sets every loss that reads it.
        if let file, file.loss == nil || file.loss == loss.name {
            let fromFile = file.applied(to: parameters)
            for parameter in loss.parameters {
                let value = fromFile[parameter]
                if value.map(loss.range(of: parameter).contains) ?? true { parameters[parameter] = value }
            }
        }
        let given: [(LossParameter, Double?)?] = [
            alpha.map { (.alpha, $0.value) }, gamma.map { (.gamma, $0) }, beta.map { (.beta, $0) },
            smooth.map { (.smooth, $0) }, w0.map { (.w0, $0) }, sigma.map { (.sigma, $0) },
        ]
        for case let (parameter, value)? in given where loss.parameters.contains(parameter) {
            if let value {
                let range = loss.range(of: parameter)
                guard value.isFinite, range.contains(value) else {
                    throw CommandFailure(
                        .usage,
                        "--\(parameter.rawValue) \(value) is outside \(range.lowerBound)…\(range.upperBound) for \(loss.name)")
                }
            }
            parameters[parameter] = value
        }
        return parameters
    }
}
