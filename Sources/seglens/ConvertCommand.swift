import ArgumentParser
import Foundation
import SegLensCore
import SegLensFormats

/// `seglens convert`: writes the inputs as one `.mask` file that reads back to the same labels and values.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write the inputs as a .mask file (e.g. a PNG truth and an NPY prediction, for a slide).",
        discussion: """
            The truth keeps its labels (ignored pixels are written with the glyph '?'), every prediction keeps its \
            kind and its values bit for bit. Classes are named background/foreground (binary) or 0…C−1, unless \
            the input is a .mask file. The .mask format holds 2 to 10 classes (a binary prediction has one \
            channel) and at most 2^26 pixels. An existing output is replaced only with --force.
            """
    )

    @OptionGroup var inputOptions: InputOptions

    @Option(help: ArgumentHelp("The .mask file to write.", valueName: "PATH.mask")) var output: String
    @Option(help: "The title of the file (default: the input's title, or its file names).") var title: String?
    @Option(help: "A one-line note shown under the title.") var note: String?
    @OptionGroup var force: ForceOption

    func validate() throws {
        if inputOptions.prediction != nil { throw ValidationError("--prediction does not apply: convert writes every prediction") }
    }

    func run() throws {
        try CommandFailure.run {
            let file = try OutputFile(option: "--output", path: output, force: force, inputs: inputOptions.paths)
            let progress = inputOptions.progressLine()
            defer { progress.finish() }
            let inputs = try inputOptions.inputSet(progress: progress)
            let document = try Self.document(of: inputs, title: title ?? inputs.title, note: note ?? inputs.note)
            progress.update("writing \(output)")
            try file.write { path, overwrite throws(FormatError) in try MaskWriter.write(document, to: path, overwrite: overwrite) }
        }
    }

    /// The `.mask` document of `inputs`; fails for inputs the format cannot hold.
    private static func document(of inputs: InputSet, title: String, note: String?) throws(CommandFailure) -> MaskDocument {
        let first = inputs.first
        let classes = inputs.classNames.count
        guard (2...MaskDocument.maximumClasses).contains(classes) else {
            throw CommandFailure(
                .badData, "\(inputs.source): \(classes) classes; the .mask format holds 2 to \(MaskDocument.maximumClasses)")
        }
        guard first.mode == .binary || classes > 2 else {
            throw CommandFailure(
                .badData,
                "\(inputs.source): a .mask file holds a two-class prediction as one channel, not two; give the logit or probability of class 1 as (H,W)")
        }
        guard first.pixelCount <= MaskDocument.maximumPixels else {
            throw CommandFailure(
                .badData, "\(inputs.source): \(first.pixelCount) pixels; the .mask format holds at most \(MaskDocument.maximumPixels)")
        }
        var truth = first.truth
        if let ignoreIndex = first.ignoreIndex {
            truth.labels = truth.labels.map { $0 == ignoreIndex ? MaskDocument.ignoreLabel : $0 }
        }
        let hasIgnored = first.ignoredCount > 0
        return MaskDocument(
            title: title, note: note, classNames: inputs.classNames, ignoreGlyph: hasIgnored ? "?" : nil, truth: truth,
            predictions: inputs.predictions.map {
                MaskPrediction(name: $0.name, kind: $0.kind, classes: $0.input.logits.classes, values: $0.values)
            },
            parameters: inputs.parameters)
    }
}
