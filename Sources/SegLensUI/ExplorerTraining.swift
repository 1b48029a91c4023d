import Foundation
import SegLensCore

/// The explorer's training state: whether it runs, the optimizer and its state, `η`, steps per frame `K`, the step
/// count, and the losses of the race.
///
/// Each frame applies `K` steps of ``SegLensCore/TrainingRun`` to the prediction on screen under the selected loss
/// and its current parameters. `η` and `K` move on a 1-2-5 ladder (… 0.1, 0.2, 0.5, 1, 2, 5 …). Changing `η` keeps
/// Adam's moments; switching the optimizer starts a fresh one at its default `η`.
public struct ExplorerTraining: Sendable {
    public private(set) var isRunning = false
    public private(set) var optimizerKind = OptimizerKind.sgd
    /// `η`.
    public private(set) var learningRate: Double
    /// `K`: steps per frame.
    public private(set) var stepsPerFrame = 1
    /// Steps taken since the prediction was last reset.
    public private(set) var step = 0
    /// The speed the live loop measured, if it did (headless rendering shows none).
    public private(set) var stepsPerSecond: Double?
    /// The losses raced side by side, 2…4 of them, in the order they were chosen.
    public private(set) var raceLosses: [Loss]
    /// The optimizer's state (its step count and Adam's moments) for the current run; `nil` before the first step.
    private var optimizer: LogitOptimizer?
    /// The run of the last frame: when the next frame starts from its logits with the same loss, it goes on from
    /// there and reuses the evaluation the view showed.
    private var lastRun: TrainingRun?
    /// Kept pixels of the input, for the default `η` of SGD.
    private let keptPixels: Int

    public static let learningRateRange = 1e-6...1e9
    public static let stepsPerFrameRange = 1...1000
    public static let raceSize = 2...4

    public init(mode: SegmentationMode, keptPixels: Int) {
        self.keptPixels = keptPixels
        learningRate = Self.ladderValue(atOrBelow: LogitOptimizer.defaultLearningRate(.sgd, keptPixels: keptPixels))
        raceLosses = mode == .binary ? [.bce, .binaryFocal, .dice] : [.crossEntropy, .multiclassFocal, .multiclassDice]
    }

    /// A fresh optimizer of the current kind and `η`, for runs that start from scratch (the race).
    public var freshOptimizer: LogitOptimizer { LogitOptimizer(kind: optimizerKind, learningRate: learningRate) }

    // MARK: Controls

    /// Starts or stops; stopping lets the last run go (its prepared input and evaluation, ~70 bytes a pixel): the
    /// next frame starts a run from the prediction on screen with the same optimizer state.
    public mutating func toggleRunning() {
        isRunning.toggle()
        if !isRunning { lastRun = nil }
    }

    public mutating func changeLearningRate(up: Bool) {
        learningRate = Self.ladder(learningRate, up: up, range: Self.learningRateRange)
        optimizer?.learningRate = learningRate
    }

    public mutating func changeStepsPerFrame(up: Bool) {
        let range = Double(Self.stepsPerFrameRange.lowerBound)...Double(Self.stepsPerFrameRange.upperBound)
        stepsPerFrame = Int(Self.ladder(Double(stepsPerFrame), up: up, range: range).rounded())
    }

    /// SGD ↔ Adam: a fresh optimizer at the new kind's default `η`; the logits stay where they are.
    public mutating func toggleOptimizer() {
        optimizerKind = optimizerKind == .sgd ? .adam : .sgd
        learningRate = Self.ladderValue(atOrBelow: LogitOptimizer.defaultLearningRate(optimizerKind, keptPixels: keptPixels))
        optimizer = nil
        lastRun = nil
    }

    /// Back to step 0 with a fresh optimizer (the prediction goes back to the file's); stops.
    public mutating func resetRun() {
        optimizer = nil
        lastRun = nil
        step = 0
        isRunning = false
        stepsPerSecond = nil
    }

    /// Adds the selected loss to the race, or takes it out; the race keeps 2…4 losses (adding a fifth drops the
    /// first chosen).
    public mutating func toggleRaceLoss(_ loss: Loss) {
        if let index = raceLosses.firstIndex(of: loss) {
            if raceLosses.count > Self.raceSize.lowerBound { raceLosses.remove(at: index) }
        } else {
            if raceLosses.count == Self.raceSize.upperBound { raceLosses.removeFirst() }
            raceLosses.append(loss)
        }
    }

    /// Records the speed the live loop measured.
    public mutating func record(stepsPerSecond: Double) { self.stepsPerSecond = stepsPerSecond }

    // MARK: Training

    /// `prepared` after one frame (`K` steps) under `loss` with `parameters`, prepared.
    /// Returns it with the loss's full result there.
    public mutating func trainFrame(
        _ prepared: PreparedInput, loss: Loss, parameters: LossParameters
    ) -> (prepared: PreparedInput, result: LossResult) {
        var run: TrainingRun
        if var last = lastRun, last.loss == loss, last.input.logits == prepared.input.logits {
            last.parameters = parameters
            last.optimizer = optimizer ?? freshOptimizer
            run = last
        } else {
            run = TrainingRun(prepared: prepared, loss: loss, parameters: parameters, optimizer: optimizer ?? freshOptimizer)
        }
        run.advance(by: stepsPerFrame)
        let result = run.evaluateCurrent()
        optimizer = run.optimizer
        lastRun = run
        step += stepsPerFrame
        return (run.prepared, result)
    }

    // MARK: Status

    /// `▶ step 120  η=200  sgd  K=1  35 steps/s` (`■` when stopped); `step` defaults to ``step`` (the race
    /// passes its own).
    public func statusText(step: Int? = nil, unicode: Bool) -> String {
        var text = (isRunning ? (unicode ? "▶" : ">") : (unicode ? "■" : "#")) + " step \(step ?? self.step)"
        text += "  \(unicode ? "η" : "lr")=\(LossParameters.compact(learningRate))  \(optimizerKind.rawValue)  K=\(stepsPerFrame)"
        if let stepsPerSecond { text += String(format: "  %.0f steps/s", stepsPerSecond) }
        return text
    }

    // MARK: 1-2-5 ladder

    /// The next value of the 1-2-5 ladder (1·10ⁿ, 2·10ⁿ, 5·10ⁿ) above (or below) `value`, clamped to `range`.
    static func ladder(_ value: Double, up: Bool, range: ClosedRange<Double>) -> Double {
        let exponent = Int(log10(value).rounded(.down))
        let candidates = (exponent - 1...exponent + 1).flatMap { e in [1, 2, 5].map { Double("\($0)e\(e)")! } }
        let next = up
            ? candidates.first { $0 > value * (1 + 1e-9) }!
            : candidates.last { $0 < value * (1 - 1e-9) }!
        return min(max(next, range.lowerBound), range.upperBound)
    }

    /// The largest ladder value not above `value` (within rounding): `value` itself when it is on the ladder.
    static func ladderValue(atOrBelow value: Double) -> Double {
        ladder(value * (1 + 2e-9), up: false, range: 0...Double.infinity)
    }
}
