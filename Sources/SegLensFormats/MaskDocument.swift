import SegLensCore

/// The contents of a `.mask` file (see docs/mask-format.md): a ground truth, one or more predictions of it,
/// and what the explorer shows first.
public struct MaskDocument: Sendable, Equatable {
    /// The label that ignored (void) pixels hold in ``truth``; pass it as the ignore index of a ``SegLensCore/LossInput``.
    public static let ignoreLabel: Int32 = 255
    /// The largest truth the reader accepts, in pixels (2²⁶).
    public static let maximumPixels = 1 << 26
    /// At most ten classes, one per digit glyph.
    public static let maximumClasses = 10
    /// The class names of a file without `classes:` whose labels are only 0 and 1.
    public static let binaryClassNames = ["background", "foreground"]

    public var title: String?
    public var note: String?
    /// One name per class; two names make a binary file.
    public var classNames: [String]
    /// The glyph of ignored pixels in the truth grid, if the file has `ignore:`.
    public var ignoreGlyph: Character?
    /// Class ids `0…C−1`, or ``ignoreLabel`` for ignored pixels.
    public var truth: LabelMap
    /// At least one prediction in a valid document, in file order; names are unique.
    public var predictions: [MaskPrediction]
    public var parameters: MaskParameters?
    /// The `params N "name":` lines, by number; numbers are unique.
    public var presets: [MaskPreset]

    public init(
        title: String? = nil, note: String? = nil, classNames: [String] = MaskDocument.binaryClassNames,
        ignoreGlyph: Character? = nil, truth: LabelMap, predictions: [MaskPrediction], parameters: MaskParameters? = nil,
        presets: [MaskPreset] = []
    ) {
        self.title = title
        self.note = note
        self.classNames = classNames
        self.ignoreGlyph = ignoreGlyph
        self.truth = truth
        self.predictions = predictions
        self.parameters = parameters
        self.presets = presets
    }

    /// Number of classes (2 for a binary file).
    public var classCount: Int { classNames.count }
    public var mode: SegmentationMode { classNames.count == 2 ? .binary : .multiclass }
    /// ``ignoreLabel`` when the file declares an ignore glyph, else `nil`.
    public var ignoreIndex: Int32? { ignoreGlyph == nil ? nil : MaskDocument.ignoreLabel }

    /// The validated loss input of one of the predictions against the truth.
    public func lossInput(for prediction: MaskPrediction) throws(InputError) -> LossInput {
        try LossInput(
            truth: truth, prediction: prediction.values, kind: prediction.kind, classes: prediction.classes,
            ignoreIndex: ignoreIndex
        )
    }
}
