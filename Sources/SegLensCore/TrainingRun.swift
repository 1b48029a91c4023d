/// Gradient descent on a prediction's logits under one loss: the logits are the free parameters, the truth stays.
///
/// Each ``advance()`` evaluates `L` and its analytic gradient `∂L/∂z` (``Loss/evaluate(_:parameters:)``) at the
/// current logits and lets the ``LogitOptimizer`` move them. Ignored pixels never move. Everything is
/// deterministic: the same start, loss, parameters and optimizer give the same logits bit for bit.
public struct TrainingRun: Sendable {
    public let loss: Loss
    public var parameters: LossParameters
    public var optimizer: LogitOptimizer
    /// The prediction after ``step`` steps.
    public private(set) var input: LossInput

    /// Steps taken so far.
    public var step: Int { optimizer.stepCount }

    /// A run from `input` (its mode must be `loss`'s); `parameters` default to the loss's.
    public init(input: LossInput, loss: Loss, parameters: LossParameters? = nil, optimizer: LogitOptimizer) {
        precondition(input.mode == loss.mode, "\(loss.name) is a \(loss.mode.rawValue) loss")
        self.loss = loss
        self.parameters = parameters ?? loss.defaultParameters
        self.optimizer = optimizer
        self.input = input
    }

    /// One step: `z ← update(z, ∂L/∂z)`. Returns `L` at the logits before the step.
    @discardableResult
    public mutating func advance() -> Double {
        let result = loss.evaluate(PreparedInput(input), parameters: parameters, keepsGradient: true)
        var values = input.logits.values
        optimizer.step(&values, gradient: result.gradient, keptPixels: input.keptPixels, plane: input.pixelCount)
        input = input.replacingLogits(values)
        return result.value
    }

    /// `count` steps.
    public mutating func advance(by count: Int) {
        for _ in 0..<max(0, count) { advance() }
    }
}
