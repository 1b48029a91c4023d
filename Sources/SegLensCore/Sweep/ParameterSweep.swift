/// A loss's value and gradient concentration along one parameter or edit.
///
/// At each value the variable takes, every listed loss is evaluated exactly as `eval` would be with that value
/// given: the edits are applied to the unedited input, then each loss with its parameters, the variable set
/// where the loss reads it (a loss that does not read a parameter keeps its value).
public enum ParameterSweep {
    /// One loss at one point.
    public struct Entry: Sendable {
        public var loss: Loss
        public var parameters: LossParameters
        public var value: Double
        /// The share of the gradient's L1 norm carried by the hardest 10% of pixels (``HardPixelRanking``).
        public var hardestShare: Double?
    }

    /// Every loss at one value of the variable.
    public struct Point: Sendable {
        public var value: Double
        public var entries: [Entry]
    }

    /// The fraction of pixels whose share of the gradient a sweep reports.
    public static let hardestFraction = 0.1

    /// `start, start + step, …` up to `stop` (inclusive, with a tolerance of 1e−9 steps), as
    /// `start + k·step` so that no error accumulates; empty when `step` is 0 or points away from `stop`.
    public static func values(start: Double, stop: Double, step: Double) -> [Double] {
        guard step != 0, (stop - start) / step >= -1e-9 else { return [] }
        let count = Int(((stop - start) / step + 1e-9).rounded(.down)) + 1
        return (0..<count).map { start + Double($0) * step }
    }

    /// How many points `values(start:stop:step:)` gives, without making them (for a size check).
    public static func count(start: Double, stop: Double, step: Double) -> Double {
        guard step != 0, (stop - start) / step >= -1e-9 else { return 0 }
        return ((stop - start) / step + 1e-9).rounded(.down) + 1
    }

    /// The sweep of `losses` over `values` of `variable`, from `input` with `edits`.
    public static func run(
        input: LossInput, edits: PredictionEdits, losses: [(loss: Loss, parameters: LossParameters)],
        variable: SweepVariable, values: [Double], progress: (Int) -> Void = { _ in }
    ) throws(InputError) -> [Point] {
        var points: [Point] = []
        var fixed: (PreparedInput, HardPixelRanking)?
        for (index, value) in values.enumerated() {
            let prepared: PreparedInput, ranking: HardPixelRanking
            switch variable {
            case .parameter:
                if fixed == nil {
                    let once = PreparedInput(try edits.applied(to: input))
                    fixed = (once, HardPixelRanking(once))
                }
                (prepared, ranking) = fixed!
            case let .edit(edit):
                var varied = edits
                varied[edit] = value
                prepared = PreparedInput(try varied.applied(to: input))
                ranking = HardPixelRanking(prepared)
            }
            let entries = losses.map { loss, parameters in
                var parameters = parameters
                if case let .parameter(parameter) = variable, loss.parameters.contains(parameter) {
                    parameters[parameter] = value
                }
                let result = loss.evaluate(prepared, parameters: parameters)
                return Entry(
                    loss: loss, parameters: parameters, value: result.value,
                    hardestShare: ranking.share(of: result.gradient, classes: prepared.input.logits.classes,
                                                fraction: hardestFraction))
            }
            points.append(Point(value: value, entries: entries))
            progress(index + 1)
        }
        return points
    }
}
