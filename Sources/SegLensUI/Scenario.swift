import SegLensCore

/// What the explorer shows: one ground truth, one or more named predictions of it, and where to start.
///
/// It is built by the command line from a `.mask` file or from truth and prediction files; the explorer never
/// reads files itself.
public struct Scenario: Sendable {
    /// A named prediction, validated against the truth.
    public struct Prediction: Sendable {
        public var name: String
        public var input: LossInput

        public init(name: String, input: LossInput) {
            self.name = name
            self.input = input
        }
    }

    public var title: String
    public var note: String?
    /// One name per class (two for binary input).
    public var classNames: [String]
    /// At least one; all share the same truth, mode and size.
    public var predictions: [Prediction]
    /// The loss selected at start (a loss of the predictions' mode).
    public var startingLoss: Loss
    /// The index of the prediction shown at start.
    public var startingPrediction: Int
    /// Parameter values at start, per loss; losses not listed start at their defaults.
    public var startingParameters: [Loss: LossParameters]
    /// The what-if edits at start (from the command line's edit flags).
    public var startingEdits: PredictionEdits
    /// The presets of the digit keys, by number (the file's, else ``Preset/builtIn(_:)``); losses of the mode.
    public var presets: [Preset]

    public init(
        title: String, note: String? = nil, classNames: [String], predictions: [Prediction],
        startingLoss: Loss? = nil, startingParameters: [Loss: LossParameters] = [:], startingPrediction: Int = 0,
        startingEdits: PredictionEdits = PredictionEdits(), presets: [Preset]? = nil
    ) {
        precondition(predictions.indices.contains(startingPrediction), "the starting prediction must exist")
        precondition(!predictions.isEmpty, "a scenario needs a prediction")
        let mode = predictions[0].input.mode
        precondition(predictions.allSatisfy { $0.input.mode == mode }, "predictions must share a mode")
        self.title = title
        self.note = note
        self.classNames = classNames
        self.predictions = predictions
        self.startingLoss = startingLoss ?? (mode == .binary ? .binaryFocal : .multiclassFocal)
        self.startingParameters = startingParameters
        self.startingPrediction = startingPrediction
        self.startingEdits = startingEdits
        self.presets = (presets ?? Preset.builtIn(mode)).filter { $0.loss.mode == mode }.sorted { $0.number < $1.number }
    }

    /// The preset of digit key `number`, if there is one.
    public func preset(_ number: Int) -> Preset? {
        presets.first { $0.number == number }
    }

    public var mode: SegmentationMode { predictions[0].input.mode }
    public var truth: LabelMap { predictions[0].input.truth }
}
