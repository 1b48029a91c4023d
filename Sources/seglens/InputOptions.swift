import ArgumentParser
import SegLensCore
import SegLensFormats
import SegLensUI

/// Where the truth and the predictions come from: a `.mask` file, or a truth file and a prediction file.
struct InputOptions: ParsableArguments {
    @Argument(help: "A .mask file holding a truth and predictions.")
    var file: String?

    @Option(help: ArgumentHelp(
        "Ground-truth labels: NPY (integer labels), PGM or PNG (gray: values, 0/255 reads as 0/1; palette: indices; RGB: needs --palette). The format is told by the file's first bytes.",
        valueName: "PATH"))
    var truth: String?

    @Option(help: ArgumentHelp("Prediction as logits (NPY): (H,W) or (1,H,W) binary, (C,H,W) or (1,C,H,W) multi-class.", valueName: "PATH"))
    var logits: String?

    @Option(help: ArgumentHelp("Prediction as probabilities: NPY of the same shapes as --logits, or a grayscale PNG/PGM (value / maximum value, binary only).", valueName: "PATH"))
    var probs: String?

    @Option(name: .customLong("ignore-index"), help: ArgumentHelp("Label of void pixels, left out of every loss and metric.", valueName: "K"))
    var ignoreIndex: Int32?

    @Option(
        help: ArgumentHelp("Classes of the colours of an RGB (or palette) PNG truth: comma-separated RRGGBB=K, e.g. 000000=0,ff0000=1,ffffff=255.", valueName: "SPEC"),
        transform: { text in try ColorPalette(parsing: text) })
    var palette: ColorPalette?

    @Option(name: .customLong("max-pixels"), help: ArgumentHelp("Refuse inputs larger than this many pixels (array elements, over all channels).", valueName: "N"))
    var maxPixels = 1 << 26

    @Option(help: ArgumentHelp("The prediction of a .mask FILE to evaluate or show first, by name or 1-based number (default: the first).", valueName: "NAME|N"))
    var prediction: String?

    @Flag(help: "Show progress on standard error for work that takes over a second, also when it is not a terminal (a terminal always shows it).")
    var progress = false

    /// The progress line of the command: on standard error when it is a terminal, or with `--progress`.
    func progressLine() -> ProgressLine { .forCommand(forced: progress) }

    /// Every input file named on the command line, which no output may replace.
    var paths: [String] { [file].compactMap { $0 } + [truth, logits, probs].compactMap { $0.map { InputPath($0).file } } }

    func validate() throws {
        if logits != nil && probs != nil { throw ValidationError("give --logits or --probs, not both") }
        guard maxPixels >= 1 else { throw ValidationError("--max-pixels must be at least 1") }
        if file != nil {
            if truth != nil || logits != nil || probs != nil {
                throw ValidationError("give a FILE or --truth with --logits/--probs, not both")
            }
            if ignoreIndex != nil || palette != nil {
                throw ValidationError("--ignore-index and --palette apply to --truth; a .mask FILE marks its own ignored pixels")
            }
        } else {
            if truth == nil && (logits != nil || probs != nil) {
                throw ValidationError("give --truth and one of --logits/--probs (or a .mask FILE)")
            }
            if prediction != nil { throw ValidationError("--prediction picks a prediction of a .mask FILE") }
        }
    }

    /// Reads and validates every input; every failure names the file and what is wrong. With no input at all,
    /// the built-in sample when `sampleWhenEmpty`, else a usage error.
    func inputSet(sampleWhenEmpty: Bool = false, progress: ProgressLine? = nil) throws(CommandFailure) -> InputSet {
        if let file {
            progress?.update("reading \(file)")
            let document = try CommandFailure.formats { () throws(FormatError) in try MaskReader.read(path: file) }
            guard document.truth.pixelCount <= maxPixels else {
                throw CommandFailure(
                    .badData, "\(file): the truth has \(document.truth.pixelCount) pixels, more than the limit of \(maxPixels)")
            }
            progress?.update("checking \(file)")
            return try InputSet(document: document, source: file)
        }
        guard let truthPath = truth, let predictionPath = logits ?? probs else {
            if truth != nil { throw CommandFailure(.usage, "give one of --logits/--probs with --truth") }
            guard sampleWhenEmpty else {
                throw CommandFailure(.usage, "give a .mask FILE, or --truth and one of --logits/--probs")
            }
            let document = try CommandFailure.formats { () throws(FormatError) in
                try MaskReader.parse(text: BuiltInSample.text, path: BuiltInSample.name)
            }
            return try InputSet(document: document, source: BuiltInSample.name)
        }
        let kind: PredictionKind = logits != nil ? .logits : .probabilities
        let reader = InputFileReader(limits: ReadLimits(maxPixels: maxPixels), palette: palette)
        progress?.update("reading \(truthPath)")
        let labels = try reader.truth(path: truthPath)
        progress?.update("reading \(predictionPath)")
        let shaped = try reader.prediction(path: predictionPath, kind: kind)
        if let hint = Self.channelsLastHint(shape: shaped.shape, height: labels.height, width: labels.width) {
            throw CommandFailure(.badData, "\(predictionPath): \(hint)")
        }
        guard labels.height == shaped.height, labels.width == shaped.width else {
            throw CommandFailure(
                .badData,
                "\(predictionPath): prediction is \(shaped.height)×\(shaped.width) but the truth \(truthPath) is \(labels.height)×\(labels.width)")
        }
        progress?.update("checking \(predictionPath) against \(truthPath)")
        let input: LossInput
        do {
            input = try LossInput(
                truth: labels, prediction: shaped.values, kind: kind, classes: shaped.classes, ignoreIndex: ignoreIndex)
        } catch {
            switch error {
            case .labelOutOfRange:
                let hint = ignoreIndex == nil ? " (a void label needs --ignore-index)" : ""
                throw CommandFailure(.badData, "\(truthPath): \(error)\(hint)")
            case .everyPixelIgnored:
                throw CommandFailure(.badData, "\(truthPath): \(error)")
            case .emptyImage, .shapeMismatch:
                throw CommandFailure(.badData, "\(truthPath), \(predictionPath): \(error)")
            case .probabilityOutOfRange, .nonFiniteValue:
                throw CommandFailure(.badData, "\(predictionPath): \(error)")
            }
        }
        let prediction = InputPrediction(
            name: InputSet.fileName(predictionPath), kind: kind, shape: shaped.shape, values: shaped.values, input: input)
        return InputSet(truthPath: truthPath, predictionPath: predictionPath, prediction: prediction)
    }

    /// The truth alone (`info --truth X`): nil when the command line names a prediction or a `.mask` FILE.
    func truthAlone(progress: ProgressLine? = nil) throws(CommandFailure) -> LabelMap? {
        guard file == nil, logits == nil, probs == nil, let truth else { return nil }
        progress?.update("reading \(truth)")
        return try InputFileReader(limits: ReadLimits(maxPixels: maxPixels), palette: palette).truth(path: truth)
    }

    /// What to say about a prediction of `shape` that is channels-last (numpy's `(H, W, C)` or `(1, H, W, C)`, as
    /// images and TensorFlow keep them) for a truth of `height`×`width`: the shape expected and the transpose that
    /// gives it. nil when the shape is channels-first or does not match the truth either way.
    static func channelsLastHint(shape: [Int], height: Int, width: Int) -> String? {
        let (permutation, expected): (String, [Int])
        switch shape.count {
        case 3 where shape[0] == height && shape[1] == width && !(shape[1] == height && shape[2] == width):
            (permutation, expected) = ("(2, 0, 1)", [shape[2], height, width])
        case 4 where shape[0] == 1 && shape[1] == height && shape[2] == width && !(shape[2] == height && shape[3] == width):
            (permutation, expected) = ("(0, 3, 1, 2)", [1, shape[3], height, width])
        default:
            return nil
        }
        func text(_ dims: [Int]) -> String { "(" + dims.map(String.init).joined(separator: ", ") + ")" }
        let layout = shape.count == 3 ? "(H, W, C)" : "(1, H, W, C)", wanted = shape.count == 3 ? "(C, H, W)" : "(1, C, H, W)"
        return "shape \(text(shape)) is channels-last \(layout) for the \(height)×\(width) truth; seglens expects "
            + "channels first, \(wanted) = \(text(expected)): save np.transpose(x, \(permutation)) instead"
    }

    /// The one prediction to evaluate (`--prediction`, else the first) with the truth.
    func load(progress: ProgressLine? = nil) throws(CommandFailure) -> LoadedInput {
        let inputs = try inputSet(progress: progress)
        let chosen = try chosenPrediction(of: inputs)
        return LoadedInput(
            input: chosen.input, predictionShape: chosen.shape,
            predictionName: chosen.name, fileParameters: inputs.parameters)
    }

    /// What the explorer shows: every prediction; the starting loss is the first `--loss`, else the file's
    /// `loss=`, else the default; each loss starts at its defaults under the file's `params:` line under the
    /// options of `lossOptions`; the edits of `editOptions` apply from the start. With no input at all, the
    /// built-in sample.
    func scenario(lossOptions: LossOptions, editOptions: EditOptions, progress: ProgressLine? = nil) throws(CommandFailure) -> Scenario {
        let inputs = try inputSet(sampleWhenEmpty: true, progress: progress)
        let mode = inputs.first.mode
        let edits = try editOptions.edits(classes: inputs.first.logits.classes)
        let startingPrediction = try chosenPredictionIndex(of: inputs)
        _ = try edits.appliedForCommand(to: inputs.predictions[startingPrediction].input)
        let chosen = try lossOptions.selection(for: mode, file: inputs.parameters)
        var parameters: [Loss: LossParameters] = [:]
        for loss in Loss.catalogue(mode) {
            parameters[loss] = try lossOptions.parameters(for: loss, file: inputs.parameters)
        }
        let fileLoss = inputs.parameters?.loss.flatMap { Loss.named($0, mode: mode) }
        return Scenario(
            title: inputs.title, note: inputs.note, classNames: inputs.classNames,
            predictions: inputs.predictions.map { Scenario.Prediction(name: $0.name, input: $0.input) },
            startingLoss: lossOptions.names.isEmpty ? fileLoss : chosen.first?.loss,
            startingParameters: parameters, startingPrediction: startingPrediction, startingEdits: edits,
            presets: inputs.presets.isEmpty ? nil : inputs.presets.compactMap { InputOptions.preset($0, mode: mode) })
    }

    /// A file's preset for the explorer (the reader checked its loss and parameters).
    static func preset(_ preset: MaskPreset, mode: SegmentationMode) -> Preset? {
        guard let loss = preset.parameters.loss.flatMap({ Loss.named($0, mode: mode) }) else { return nil }
        let file = preset.parameters
        let set: [(LossParameter, Bool)] = [
            (.alpha, file.alpha != nil), (.gamma, file.gamma != nil), (.beta, file.beta != nil),
            (.smooth, file.smooth != nil), (.w0, file.w0 != nil), (.sigma, file.sigma != nil),
        ]
        return Preset(
            number: preset.number, name: preset.name, loss: loss, settings: set.filter(\.1).map(\.0),
            values: file.applied(to: loss.defaultParameters))
    }

    /// The prediction `--prediction` names (a name first, else a 1-based number), or the first.
    private func chosenPrediction(of inputs: InputSet) throws(CommandFailure) -> InputPrediction {
        inputs.predictions[try chosenPredictionIndex(of: inputs)]
    }

    private func chosenPredictionIndex(of inputs: InputSet) throws(CommandFailure) -> Int {
        guard let wanted = prediction else { return 0 }
        if let named = inputs.predictions.firstIndex(where: { $0.name == wanted }) { return named }
        if let number = Int(wanted), inputs.predictions.indices.contains(number - 1) { return number - 1 }
        let known = inputs.predictions.enumerated().map { "\($0.offset + 1) \"\($0.element.name)\"" }
        throw CommandFailure(
            .usage, "\(inputs.source): no prediction '\(wanted)' (predictions: \(known.joined(separator: ", ")))")
    }
}
