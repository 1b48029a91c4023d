/// One loss's value on one input with the parameters it was computed with: a row of the explorer's loss table.
public struct LossValue: Sendable, Equatable {
    public let loss: Loss
    public let parameters: LossParameters
    public var value: Double

    public init(loss: Loss, parameters: LossParameters, value: Double) {
        self.loss = loss
        self.parameters = parameters
        self.value = value
    }

    public init(_ result: LossResult) {
        self.init(loss: result.loss, parameters: result.parameters, value: result.value)
    }
}
