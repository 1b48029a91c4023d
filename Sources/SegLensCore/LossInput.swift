/// A validated truth / prediction pair, ready for every loss of its mode.
///
/// Validation guarantees: at least one pixel, equal spatial shapes, every label a class id or the ignore index,
/// every logit finite. Pixels whose label is the ignore index are listed out of ``keptPixels`` and take part in
/// no loss, metric or mean; their gradient is 0.
public struct LossInput: Sendable {
    public let truth: LabelMap
    public let logits: Logits
    public let ignoreIndex: Int32?
    /// Indices (row-major) of the pixels that are not ignored, in increasing order (nothing stored when every
    /// pixel is kept).
    public let keptPixels: KeptPixels

    public var mode: SegmentationMode { logits.isBinary ? .binary : .multiclass }
    /// Number of classes: 2 for a binary input.
    public var classes: Int { logits.isBinary ? 2 : logits.classes }
    public var height: Int { truth.height }
    public var width: Int { truth.width }
    public var pixelCount: Int { truth.pixelCount }
    public var ignoredCount: Int { pixelCount - keptPixels.count }
    /// The label of ignored pixels as a plain value for hot loops: the ignore index, or −1 without one (no kept
    /// label is negative, so `label != ignoredLabel` is true exactly for kept pixels).
    public var ignoredLabel: Int32 { ignoreIndex ?? -1 }

    /// Validates logits against a truth.
    public init(truth: LabelMap, logits: Logits, ignoreIndex: Int32? = nil) throws(InputError) {
        guard truth.pixelCount > 0, logits.pixelCount > 0 else { throw .emptyImage }
        guard truth.height == logits.height, truth.width == logits.width else {
            throw .shapeMismatch(truth: (truth.height, truth.width), prediction: (logits.height, logits.width))
        }
        let classes = logits.isBinary ? 2 : logits.classes
        var ignored = 0
        for (index, label) in truth.labels.enumerated() {
            if label == ignoreIndex {
                ignored += 1
                continue
            }
            guard label >= 0, Int(label) < classes else {
                throw .labelOutOfRange(label: label, row: index / truth.width, column: index % truth.width, classes: classes)
            }
        }
        if ignored == truth.pixelCount, let ignoreIndex { throw .everyPixelIgnored(ignoreIndex: ignoreIndex) }
        var kept = KeptPixels(all: truth.pixelCount)
        if ignored > 0 {
            var listed: [Int32] = []
            listed.reserveCapacity(truth.pixelCount - ignored)
            for (index, label) in truth.labels.enumerated() where label != ignoreIndex { listed.append(Int32(index)) }
            kept = KeptPixels(listing: listed)
        }
        let plane = logits.pixelCount
        for (index, value) in logits.values.enumerated() where !value.isFinite {
            let pixel = index % plane
            throw .nonFiniteValue(value: value, channel: index / plane, row: pixel / logits.width, column: pixel % logits.width)
        }
        self.truth = truth
        self.logits = logits
        self.ignoreIndex = ignoreIndex
        self.keptPixels = kept
    }

    /// `input`'s truth, ignore index and kept pixels with `logits` of the same shape; they must be finite.
    init(validated input: LossInput, logits: Logits) {
        precondition(logits.classes == input.logits.classes && logits.pixelCount == input.pixelCount, "same shape")
        precondition(logits.values.allSatisfy(\.isFinite), "logits must be finite")
        truth = input.truth
        self.logits = logits
        ignoreIndex = input.ignoreIndex
        keptPixels = input.keptPixels
    }

    /// Validates a prediction given as logits or probabilities (`C×H×W` values, `C = 1` for binary).
    /// Probabilities must lie in `[0, 1]`; they are clamped and converted as ``Logits/init(probabilities:classes:height:width:)`` says.
    public init(
        truth: LabelMap, prediction values: [Double], kind: PredictionKind,
        classes: Int, ignoreIndex: Int32? = nil
    ) throws(InputError) {
        let height = truth.height, width = truth.width
        let plane = height * width
        guard plane > 0 else { throw .emptyImage }
        precondition(values.count == classes * plane, "prediction must hold C × H × W values")
        let logits: Logits
        switch kind {
        case .logits:
            logits = Logits(classes: classes, height: height, width: width, values: values)
        case .probabilities:
            for (index, p) in values.enumerated() where !(p >= 0 && p <= 1) {
                let pixel = index % plane
                throw .probabilityOutOfRange(value: p, channel: index / plane, row: pixel / width, column: pixel % width)
            }
            logits = Logits(probabilities: values, classes: classes, height: height, width: width)
        }
        try self.init(truth: truth, logits: logits, ignoreIndex: ignoreIndex)
    }
}
