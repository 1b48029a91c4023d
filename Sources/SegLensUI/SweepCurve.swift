import Foundation
import SegLensCore

/// The sweep panel's data: the selected loss and the share of its gradient on the hardest 10% of pixels, at
/// evenly spaced values of the selected parameter over its whole range (log-spaced for smoothing and the
/// weighted-BCE β), computed with ``SegLensCore/ParameterSweep`` on the current prediction — subsampled when it
/// has more than ``elementBudget`` values, which the panel then says.
public struct SweepCurve: Sendable {
    /// What the curve depends on: the selected parameter's own value is not part of it, so stepping that
    /// parameter only moves the marker.
    struct Key: Hashable {
        var loss: Loss
        var parameter: LossParameter
        var otherParameters: LossParameters
        var prediction: Int
        var edits: PredictionEdits
    }

    /// Logit values a curve is computed on at most (`C × H × W`), so that opening the panel stays fast.
    public static let elementBudget = 1 << 14
    static let pointCount = 41

    let key: Key
    public var loss: Loss { key.loss }
    public var parameter: LossParameter { key.parameter }
    public let values: [Double]
    public let lossValues: [Double]
    public let shares: [Double?]
    public let logScale: Bool
    /// The subsampling factor (1: every pixel) and the size the curve was computed at.
    public let factor: Int
    public let sampleHeight: Int
    public let sampleWidth: Int

    /// The parameter values of the curve: linear over the loss's range, or logarithmic where it spans decades.
    static func abscissae(loss: Loss, parameter: LossParameter) -> (values: [Double], logScale: Bool) {
        let range = loss.range(of: parameter)
        let last = Double(pointCount - 1)
        if parameter == .smooth || (parameter == .beta && loss == .weightedBCE) {
            let low = parameter == .smooth ? -8.0 : log10(range.lowerBound), high = log10(range.upperBound)
            return ((0..<pointCount).map { pow(10, low + (high - low) * Double($0) / last) }, true)
        }
        return ((0..<pointCount).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / last }, false)
    }

    init(key: Key, input: LossInput) {
        self.key = key
        let factor = input.subsamplingFactor(toAtMost: Self.elementBudget)
        let sample = input.subsampled(by: factor)
        let (values, logScale) = Self.abscissae(loss: key.loss, parameter: key.parameter)
        // The sample is a validated input and the edits are already applied: nothing here can throw.
        let points = try! ParameterSweep.run(
            input: sample, edits: PredictionEdits(), losses: [(key.loss, key.otherParameters)],
            variable: .parameter(key.parameter), values: values)
        self.values = values
        self.logScale = logScale
        lossValues = points.map { $0.entries[0].value }
        shares = points.map { $0.entries[0].hardestShare }
        self.factor = factor
        sampleHeight = sample.height
        sampleWidth = sample.width
    }
}
