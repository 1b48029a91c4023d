import ArgumentParser
import SegLensCore
import SegLensFormats

/// `seglens train`: gradient descent on the prediction's logits under each `--loss`, printed as a trajectory.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Run gradient descent on the prediction's logits under each --loss and print the trajectory.",
        discussion: """
            Each --loss trains its own copy of the prediction from the same start: z ← z − η·∂L/∂z (sgd), or Adam \
            (β1 = 0.9, β2 = 0.999, ε = 1e−8, bias-corrected). Ignored pixels never move. Every K steps (step 0 and \
            the last included) it prints, per loss, the loss value at that step and the IoU and Dice of the \
            thresholded prediction (multi-class: their means over the present classes). Deterministic. \
            Exit codes as for eval.
            """
    )

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var lossOptions: LossOptions

    @Option(help: ArgumentHelp("Steps to take (1…1000000).", valueName: "N")) var steps = 100
    @Option(name: .customLong("lr"), help: ArgumentHelp(
        "Learning rate η (1e-9…1e9). Default: 0.1 for adam; for sgd the number of kept pixels, so a pixel-wise loss moves each logit by its own slope.",
        valueName: "η"))
    var learningRate: Double?
    @Option(help: ArgumentHelp("sgd or adam.", valueName: "sgd|adam")) var optimizer = OptimizerChoice.sgd
    @Option(help: ArgumentHelp("Print a row every K steps (1…N; default N/10).", valueName: "K")) var every: Int?
    @Flag(help: "Print CSV: step, then per loss its value, IoU and Dice.") var csv = false
    @Flag(help: "Print exactly one JSON object.") var json = false
    @Option(name: .customLong("save-logits"), help: ArgumentHelp("Write the final logits of the one --loss as a float64 NPY of the prediction's shape.", valueName: "OUT.npy"))
    var saveLogits: String?
    @OptionGroup var force: ForceOption

    enum OptimizerChoice: String, ExpressibleByArgument, CaseIterable {
        case sgd, adam
        var kind: OptimizerKind { self == .sgd ? .sgd : .adam }
    }

    static let stepRange = 1...1_000_000
    static let learningRateRange = 1e-9...1e9

    func validate() throws {
        guard Self.stepRange.contains(steps) else { throw ValidationError("--steps must be within 1…1000000") }
        if let learningRate, !(learningRate.isFinite && Self.learningRateRange.contains(learningRate)) {
            throw ValidationError("--lr must be within 1e-9…1e9")
        }
        if let every, !(1...steps).contains(every) { throw ValidationError("--every must be within 1…\(steps) (--steps)") }
        if csv && json { throw ValidationError("give --csv or --json, not both") }
        if lossOptions.names.isEmpty { throw ValidationError("train needs at least one --loss") }
        if saveLogits != nil && lossOptions.names.count != 1 { throw ValidationError("--save-logits needs exactly one --loss") }
    }

    func run() throws {
        try CommandFailure.run {
            let logitsFile = try saveLogits.map { path throws(CommandFailure) in
                try OutputFile(option: "--save-logits", path: path, force: force, inputs: inputOptions.paths)
            }
            let progress = inputOptions.progressLine()
            defer { progress.finish() }
            let loaded = try inputOptions.load(progress: progress)
            let input = loaded.input
            let selection = try lossOptions.selection(for: input.mode, file: loaded.fileParameters)
            let rate = learningRate ?? LogitOptimizer.defaultLearningRate(optimizer.kind, keptPixels: input.keptPixels.count)
            let interval = every ?? max(1, steps / 10)
            var finals: [LossInput] = []
            let trajectories = selection.enumerated().map { index, chosen in
                let (loss, parameters) = chosen
                progress.update("training \(loss.name) (\(index + 1)/\(selection.count), \(steps) steps)")
                var run = TrainingRun(
                    input: input, loss: loss, parameters: parameters,
                    optimizer: LogitOptimizer(kind: optimizer.kind, learningRate: rate))
                let points = run.trajectory(steps: steps, every: interval)
                finals.append(run.input)
                return TrainReport.Trajectory(loss: loss, parameters: parameters, points: points)
            }
            if let logitsFile, let final = finals.first {
                let array = NumpyArray(shape: loaded.predictionShape, storage: .doubles(final.logits.values))
                try logitsFile.write { path, overwrite throws(FormatError) in try NPYWriter.write(array, to: path, overwrite: overwrite) }
            }
            let report = TrainReport(
                input: input, prediction: loaded.predictionName, optimizer: optimizer.kind, learningRate: rate,
                steps: steps, every: interval, trajectories: trajectories)
            progress.finish()
            print(json ? report.json.text : csv ? report.csv : report.table)
        }
    }
}
