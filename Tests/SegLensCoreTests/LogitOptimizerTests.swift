import Testing
import SegLensCore
import Foundation

/// The optimizers by hand: one pixel of BCE with truth 1 at `z = 0`, where `g = σ(0) − 1 = −1/2`.
@Suite struct LogitOptimizerTests {
    static let onePixel = try! LossInput(
        truth: LabelMap(height: 1, width: 1, labels: [1]), logits: Logits(classes: 1, height: 1, width: 1, values: [0]))

    @Test func sgdFirstStepIsEtaTimesTheGradient() {
        var run = TrainingRun(input: Self.onePixel, loss: .bce, optimizer: LogitOptimizer(kind: .sgd, learningRate: 0.1))
        let value = run.advance()
        #expect(value == 0.6931471805599453)  // log 2
        #expect(run.input.logits.values == [0.05])  // 0 − 0.1·(−1/2)
    }

    @Test func adamFirstStepByHand() {
        // m = 0.1·(−½) = −0.05, v = 0.001·¼ = 0.00025; m̂ = −0.05/0.1 = −½, v̂ = 0.00025/0.001 = ¼;
        // z = 0 − 0.1·(−½)/(½ + 1e−8) = 0.05/0.50000001.
        var run = TrainingRun(input: Self.onePixel, loss: .bce, optimizer: LogitOptimizer(kind: .adam, learningRate: 0.1))
        run.advance()
        let expected = 0.05 / 0.50000001
        #expect(abs(run.input.logits.values[0] - expected) <= 1e-16)
        #expect(abs(run.input.logits.values[0] - 0.099999998) <= 1e-15)
        #expect(run.step == 1)
    }

    @Test func adamSecondStepByHand() {
        var run = TrainingRun(input: Self.onePixel, loss: .bce, optimizer: LogitOptimizer(kind: .adam, learningRate: 0.1))
        run.advance(by: 2)
        let z1 = 0.05 / 0.50000001
        let g2 = 1 / (1 + exp(-z1)) - 1
        let m = 0.9 * -0.05 + 0.1 * g2, v = 0.999 * 0.00025 + 0.001 * g2 * g2
        let mHat = m / (1 - 0.81), vHat = v / (1 - 0.998001)
        let expected = z1 - 0.1 * mHat / (vHat.squareRoot() + 1e-8)
        #expect(abs(run.input.logits.values[0] - expected) <= 1e-15)
    }

    @Test func ignoredPixelsNeverMoveEvenWithAGradient() {
        // Both channels of pixel 1 are left out of `keptPixels`: a non-zero gradient there must not move them.
        for kind in OptimizerKind.allCases {
            var optimizer = LogitOptimizer(kind: kind, learningRate: 0.5)
            var values = [1.0, 2.0, 3.0, 4.0]
            optimizer.step(&values, gradient: [0.1, 0.2, 0.3, 0.4], keptPixels: [0], plane: 2)
            #expect(values[1] == 2 && values[3] == 4, "\(kind)")
            #expect(values[0] != 1 && values[2] != 3, "\(kind)")
        }
    }

    @Test func learningRateChangesKeepAdamsMoments() {
        var a = LogitOptimizer(kind: .adam, learningRate: 0.1), b = a
        var za = [0.0], zb = [0.0]
        a.step(&za, gradient: [-0.5], keptPixels: [0], plane: 1)
        b.step(&zb, gradient: [-0.5], keptPixels: [0], plane: 1)
        a.learningRate = 0.2
        a.step(&za, gradient: [-0.25], keptPixels: [0], plane: 1)
        b.step(&zb, gradient: [-0.25], keptPixels: [0], plane: 1)
        // Same moments, so the second update of `a` is exactly twice that of `b`.
        let first = 0.05 / 0.50000001
        #expect(abs((za[0] - first) - 2 * (zb[0] - first)) <= 1e-15)
    }
}
