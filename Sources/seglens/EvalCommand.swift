import ArgumentParser
import SegLensCore
import SegLensFormats

/// `seglens eval`: every selected loss value and the metrics of one input, as a table or one JSON object.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Print loss values and metrics of a truth and a prediction.",
        discussion: """
            Exit codes: 0 success, 64 usage error, 65 bad input data, 66 a file that cannot be opened, \
            73 an output that cannot be written.
            """
    )

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var lossOptions: LossOptions
    @OptionGroup(title: "What-if edits of the prediction") var editOptions: EditOptions
    @OptionGroup var conventionOptions: ConventionOptions

    @Flag(help: "Print exactly one JSON object.") var json = false

    @Flag(help: "Rank the predictions of a FILE with two or more: for each loss, best (lowest) first, marking where losses disagree.")
    var rank = false

    @Option(name: .customLong("gradient-out"), help: ArgumentHelp("Write ∂L/∂logits of the one --loss as a float64 NPY of the prediction's shape.", valueName: "PATH.npy"))
    var gradientOut: String?
    @OptionGroup var force: ForceOption

    func validate() throws {
        if gradientOut != nil && lossOptions.names.count != 1 {
            throw ValidationError("--gradient-out needs exactly one --loss")
        }
        if rank && gradientOut != nil { throw ValidationError("--rank evaluates every prediction; --gradient-out takes one") }
    }

    func run() throws {
        try CommandFailure.run {
            if rank { return try runRanking() }
            let gradientFile = try gradientOut.map { path throws(CommandFailure) in
                try OutputFile(option: "--gradient-out", path: path, force: force, inputs: inputOptions.paths)
            }
            let progress = inputOptions.progressLine()
            defer { progress.finish() }
            let loaded = try inputOptions.load(progress: progress)
            let edits = try editOptions.edits(classes: loaded.input.logits.classes)
            if !edits.isIdentity { progress.update("applying the edits") }
            let input = try edits.appliedForCommand(to: loaded.input)
            let selection = try lossOptions.selection(for: input.mode, file: loaded.fileParameters)
            let results: [LossResult]
            if let gradientFile, let chosen = selection.first {
                results = [try Self.gradient(of: chosen, on: input, shape: loaded.predictionShape, writingTo: gradientFile, progress: progress)]
            } else {
                results = Self.values(of: selection, on: input, progress: progress)
            }
            progress.update("computing the metrics")
            let metrics = SegmentationMetrics(input)
            if !conventionOptions.libraries.isEmpty { progress.update("evaluating the conventions") }
            let conventions = conventionOptions.evaluate(results, on: input)
            progress.finish()
            let name = loaded.predictionName
            print(json ? EvalReport.json(input: input, prediction: name, edits: edits, results: results, metrics: metrics, conventions: conventions).text
                       : EvalReport.table(input: input, prediction: name, edits: edits, results: results, metrics: metrics, conventions: conventions))
        }
    }

    /// The value of each selected loss on `input`, alone (``Loss/boundedValue(_:parameters:)``): eval prints values
    /// only, so no loss keeps a per-pixel map (the binary losses run their fused kernels without writing any, the
    /// Lovász hinge sorts its positive errors, a multi-class loss holds one `C×H×W` buffer while it runs).
    static func values(
        of selection: [(loss: Loss, parameters: LossParameters)], on input: LossInput, progress: ProgressLine
    ) -> [LossResult] {
        selection.enumerated().map { index, chosen in
            progress.update("evaluating \(chosen.loss.name) (\(index + 1)/\(selection.count))")
            return LossResult(
                valueOnly: chosen.loss.boundedValue(input, parameters: chosen.parameters), loss: chosen.loss,
                parameters: chosen.parameters)
        }
    }

    /// `--gradient-out`: the value of the one loss and its gradient from its gradient kernel
    /// (``Loss/valueAndGradient(_:parameters:precision:into:)``: no prepared input and no per-pixel map besides the
    /// `C×H×W` gradient), written to `file` as a float64 NPY of `shape` a block at a time (``NPYWriter``) and
    /// dropped before the metrics are computed.
    static func gradient(
        of chosen: (loss: Loss, parameters: LossParameters), on input: LossInput, shape: [Int],
        writingTo file: OutputFile, progress: ProgressLine
    ) throws(CommandFailure) -> LossResult {
        progress.update("evaluating \(chosen.loss.name) and its gradient")
        var gradient: [Double] = []
        let value = chosen.loss.valueAndGradient(input, parameters: chosen.parameters, into: &gradient)
        progress.update("writing \(file.path)")
        let array = NumpyArray(shape: shape, storage: .doubles(gradient))
        try file.write { path, overwrite throws(FormatError) in try NPYWriter.write(array, to: path, overwrite: overwrite) }
        return LossResult(valueOnly: value, loss: chosen.loss, parameters: chosen.parameters)
    }

    /// `--rank`: every prediction of the input under every selected loss, with the same edits.
    private func runRanking() throws(CommandFailure) {
        let inputs = try inputOptions.inputSet()
        guard inputs.predictions.count >= 2 else {
            throw CommandFailure(.usage, "--rank needs a FILE with two or more predictions; \(inputs.source) has one")
        }
        let mode = inputs.first.mode
        let edits = try editOptions.edits(classes: inputs.first.logits.classes)
        var predictions: [LossInput] = []
        for prediction in inputs.predictions { predictions.append(try edits.appliedForCommand(to: prediction.input)) }
        let selection = try lossOptions.selection(for: mode, file: inputs.parameters)
        let ranking = PredictionRanking(predictions: predictions, losses: selection)
        let names = inputs.predictions.map(\.name)
        print(json ? EvalReport.rankingJSON(ranking, names: names, edits: edits).text
                   : EvalReport.rankingTable(ranking, names: names, edits: edits))
    }
}
