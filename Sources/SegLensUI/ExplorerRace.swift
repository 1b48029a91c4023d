import SegLensCore

/// The race: the same starting prediction trained under two to four losses at once, one lane each, with every
/// lane's loss value, IoU and Dice recorded after each frame.
public struct ExplorerRace: Sendable {
    /// One loss's copy of the prediction.
    public struct Lane: Sendable {
        public var run: TrainingRun
        /// One point per frame, the start (step 0) first.
        public private(set) var history: [TrainingPoint]

        public var loss: Loss { run.loss }
        public var latest: TrainingPoint { history[history.count - 1] }

        init(run: TrainingRun) {
            self.run = run
            history = []
            record()
        }

        mutating func advance(by steps: Int) {
            run.advance(by: steps)
            record()
        }

        private mutating func record() {
            let value = run.evaluateCurrent().value  // the next step reuses this evaluation
            history.append(TrainingPoint(step: run.step, value: value, input: run.input))
        }

        /// The first recorded step at which the IoU reached `threshold`, if any.
        public func firstStep(reachingIoU threshold: Double) -> Int? {
            history.first { $0.iou >= threshold }?.step
        }
    }

    /// The prediction every lane started from.
    public let start: LossInput
    public private(set) var lanes: [Lane]

    public var step: Int { lanes.first?.run.step ?? 0 }

    /// Lanes for `losses` (all of `start`'s mode), each with its parameters and a copy of `optimizer`.
    public init(start: PreparedInput, losses: [Loss], parameters: [Loss: LossParameters], optimizer: LogitOptimizer) {
        self.start = start.input
        lanes = losses.map { loss in
            Lane(run: TrainingRun(prepared: start, loss: loss, parameters: parameters[loss], optimizer: optimizer))
        }
    }

    /// One frame: `steps` steps in every lane, each under its loss's current `parameters` and `learningRate`.
    public mutating func trainFrame(steps: Int, parameters: [Loss: LossParameters], learningRate: Double) {
        for index in lanes.indices {
            let loss = lanes[index].loss
            lanes[index].run.parameters = parameters[loss] ?? loss.defaultParameters
            lanes[index].run.optimizer.learningRate = learningRate
            lanes[index].advance(by: steps)
        }
    }
}
