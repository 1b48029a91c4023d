/// Gradient descent on a prediction's logits under one loss: the logits are the free parameters, the truth stays.
///
/// Each ``advance()`` evaluates `L` and its analytic gradient `∂L/∂z` (``Loss/evaluate(_:parameters:)``) at the
/// current logits and lets the ``LogitOptimizer`` move them. Ignored pixels never move. Everything is
/// deterministic: the same start, loss, parameters and optimizer give the same logits bit for bit.
public struct TrainingRun: Sendable {
    public let loss: Loss
    public var parameters: LossParameters {
        didSet { if parameters != oldValue { evaluation = nil } }
    }
    public var optimizer: LogitOptimizer
    /// `L` and `∂L/∂z` at the current logits, once ``evaluateCurrent()`` or a step has asked for them.
    private var evaluation: LossResult?
    /// The prediction after ``step`` steps, prepared (the next step evaluates it, a view can draw it).
    public private(set) var prepared: PreparedInput
    /// The prediction after ``step`` steps.
    public var input: LossInput { prepared.input }

    /// Steps taken so far.
    public var step: Int { optimizer.stepCount }

    /// A run from `input` (its mode must be `loss`'s); `parameters` default to the loss's.
    public init(input: LossInput, loss: Loss, parameters: LossParameters? = nil, optimizer: LogitOptimizer) {
        self.init(prepared: PreparedInput(input), loss: loss, parameters: parameters, optimizer: optimizer)
    }

    /// A run from an input already prepared.
    public init(prepared: PreparedInput, loss: Loss, parameters: LossParameters? = nil, optimizer: LogitOptimizer) {
        precondition(prepared.input.mode == loss.mode, "\(loss.name) is a \(loss.mode.rawValue) loss")
        self.loss = loss
        self.parameters = parameters ?? loss.defaultParameters
        self.optimizer = optimizer
        self.prepared = prepared
    }

    /// One step: `z ← update(z, ∂L/∂z)`. Returns `L` at the logits before the step.
    @discardableResult
    public mutating func advance() -> Double {
        let result = evaluateCurrent()
        var values = input.logits.values
        optimizer.step(&values, gradient: result.gradient, keptPixels: input.keptPixels, plane: input.pixelCount)
        prepared = PreparedInput(input.replacingLogits(values))
        evaluation = nil
        return result.value
    }

    /// The loss's full result (value, gradient, maps) at the current logits; the next step reuses it, so a view
    /// that shows it after each step costs no extra evaluation.
    public mutating func evaluateCurrent() -> LossResult {
        if let evaluation { return evaluation }
        let result = loss.evaluate(prepared, parameters: parameters, keepsGradient: true)
        evaluation = result
        return result
    }

    /// `count` steps.
    public mutating func advance(by count: Int) {
        for _ in 0..<max(0, count) { advance() }
    }
}

extension TrainingRun {
    /// Runs to `steps` steps in all and records a point every `every` steps (step 0 included) and at the end:
    /// each point's value is `L` at the logits of that step.
    public mutating func trajectory(steps: Int, every: Int) -> [TrainingPoint] {
        precondition(every >= 1, "record at least every step")
        var points: [TrainingPoint] = []
        while step < steps {
            let before = input, at = step
            let value = advance()
            if at % every == 0 { points.append(TrainingPoint(step: at, value: value, input: before)) }
        }
        points.append(TrainingPoint(step: step, value: evaluateCurrent().value, input: input))
        return points
    }
}
