import Foundation
import SegLensCore
import SegLensFormats

/// Everything the command line's inputs hold, read whole and validated: the truth and every prediction of it.
struct InputSet {
    /// The `.mask` file's title, else the file names.
    var title: String
    var note: String?
    /// Where the data came from, e.g. `a.mask` or `truth.png + probs.npy`.
    var source: String
    /// One name per class (two for binary input).
    var classNames: [String]
    /// At least one; all share the truth, the ignore index and the mode.
    var predictions: [InputPrediction]
    /// The `params:` line of a `.mask` file.
    var parameters: MaskParameters?
    /// The `params N "name":` lines of a `.mask` file (the explorer's digit keys).
    var presets: [MaskPreset] = []

    var first: LossInput { predictions[0].input }

    /// The contents of a `.mask` document read from `source`.
    init(document: MaskDocument, source: String) throws(CommandFailure) {
        var predictions: [InputPrediction] = []
        for prediction in document.predictions {
            let height = document.truth.height, width = document.truth.width
            do {
                predictions.append(InputPrediction(
                    name: prediction.name, kind: prediction.kind,
                    shape: prediction.classes == 1 ? [height, width] : [prediction.classes, height, width],
                    values: prediction.values, input: try document.lossInput(for: prediction)))
            } catch {
                throw CommandFailure(.badData, "\(source): prediction \"\(prediction.name)\": \(error)")
            }
        }
        guard !predictions.isEmpty else { throw CommandFailure(.badData, "\(source): the file holds no prediction") }
        self.title = document.title ?? InputSet.fileName(source)
        self.note = document.note
        self.source = source
        self.classNames = document.classNames
        self.predictions = predictions
        self.parameters = document.parameters
        self.presets = document.presets
    }

    /// A truth file and one prediction file, already validated into `input`.
    init(truthPath: String, predictionPath: String, prediction: InputPrediction) {
        let names = [truthPath, predictionPath].map(InputSet.fileName)
        self.title = names.joined(separator: " + ")
        self.note = nil
        self.source = [truthPath, predictionPath].joined(separator: " + ")
        let classes = prediction.input.classes
        self.classNames = prediction.input.mode == .binary
            ? MaskDocument.binaryClassNames : (0..<classes).map { String($0) }
        self.predictions = [prediction]
        self.parameters = nil
    }

    /// The last component of `path`.
    static func fileName(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }
}
