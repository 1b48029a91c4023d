import ArgumentParser
import SegLensCore
import SegLensFormats

/// Where the truth and the prediction come from: a `.mask` file, or a truth file and a prediction file.
struct InputOptions: ParsableArguments {
    @Argument(help: "A .mask file holding a truth and predictions.")
    var file: String?

    @Option(help: ArgumentHelp("Ground-truth labels (.npy).", valueName: "PATH"))
    var truth: String?

    @Option(help: ArgumentHelp("Prediction as logits (.npy): (H,W) or (1,H,W) binary, (C,H,W) or (1,C,H,W) multi-class.", valueName: "PATH"))
    var logits: String?

    @Option(help: ArgumentHelp("Prediction as probabilities (.npy), same shapes as --logits.", valueName: "PATH"))
    var probs: String?

    @Option(name: .customLong("ignore-index"), help: ArgumentHelp("Label of void pixels, left out of every loss and metric.", valueName: "K"))
    var ignoreIndex: Int32?

    func validate() throws {
        if logits != nil && probs != nil { throw ValidationError("give --logits or --probs, not both") }
        if file != nil {
            if truth != nil || logits != nil || probs != nil {
                throw ValidationError("give a FILE or --truth with --logits/--probs, not both")
            }
        } else if truth == nil || (logits == nil && probs == nil) {
            throw ValidationError("give --truth and one of --logits/--probs (or a .mask FILE)")
        }
    }

    /// Reads and validates the input; every failure names the file and what is wrong.
    func load() throws(CommandFailure) -> LoadedInput {
        if let file {
            throw CommandFailure(.usage, "\(file): the .mask format is not supported yet; use --truth and --logits/--probs")
        }
        guard let truthPath = truth, let predictionPath = logits ?? probs else {
            throw CommandFailure(.usage, "give --truth and one of --logits/--probs")
        }
        let kind: PredictionKind = logits != nil ? .logits : .probabilities
        let labels: LabelMap, prediction: NumpyArray, shaped: (classes: Int, height: Int, width: Int, values: [Double])
        do {
            labels = try NPYReader.read(path: truthPath).labelMap(path: truthPath)
            prediction = try NPYReader.read(path: predictionPath)
            shaped = try prediction.prediction(path: predictionPath)
        } catch {
            throw CommandFailure(error.kind == .cannotOpen ? .cannotOpen : .badData, error.description)
        }
        guard labels.height == shaped.height, labels.width == shaped.width else {
            throw CommandFailure(
                .badData,
                "\(predictionPath): prediction is \(shaped.height)×\(shaped.width) but the truth \(truthPath) is \(labels.height)×\(labels.width)")
        }
        do {
            let input = try LossInput(
                truth: labels, prediction: shaped.values, kind: kind, classes: shaped.classes, ignoreIndex: ignoreIndex)
            return LoadedInput(input: input, predictionShape: prediction.shape, predictionKind: kind)
        } catch {
            switch error {
            case .labelOutOfRange:
                let hint = shaped.classes == 1 && ignoreIndex == nil ? " (a void label needs --ignore-index)" : ""
                throw CommandFailure(.badData, "\(truthPath): \(error)\(hint)")
            case .emptyImage, .shapeMismatch:
                throw CommandFailure(.badData, "\(truthPath), \(predictionPath): \(error)")
            case .probabilityOutOfRange, .nonFiniteValue:
                throw CommandFailure(.badData, "\(predictionPath): \(error)")
            }
        }
    }
}

/// A validated input and what the commands need to know of where it came from.
struct LoadedInput {
    var input: LossInput
    /// The prediction's array shape as given, so outputs such as `--gradient-out` can keep it.
    var predictionShape: [Int]
    var predictionKind: PredictionKind
}
