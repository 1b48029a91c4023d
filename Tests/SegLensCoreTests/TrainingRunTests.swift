import Testing
import SegLensCore

/// Ten steps of ``TrainingRun`` against ten steps of an independent reference: the gradient from central finite
/// differences of the loss value, the update rules written out again here.
///
/// Error budget: the five-point stencil `(8[f(z+h) − f(z−h)] − [f(z+2h) − f(z−2h)]) / 12h` with `h = 1e−3` has a
/// truncation error `h⁴/30·f⁽⁵⁾ ≈ 3e−14·f⁽⁵⁾` and a rounding error `≈ 1.5·ε·|L|/h ≈ 3e−13·|L|`; on a 5×4 input the
/// gradient entries are `≈ 1e−2`, so each reference gradient carries ≈ 1e−11 relative error. Ten SGD steps move a
/// logit by `η·Σg`, so its error stays below `10·η·1e−13`; Adam's update `m̂/(√v̂+ε)` has a relative error of the same
/// order as `g`'s. Both stay orders of magnitude below the 1e−9 relative (to the largest logit) the test asks.
@Suite struct TrainingRunTests {
    struct Case: CustomStringConvertible, Sendable {
        var loss: Loss
        var kind: OptimizerKind
        var learningRate: Double
        var ignoring: Int
        var description: String { "\(loss.mode.rawValue) \(loss.name) \(kind) η=\(learningRate) ignoring \(ignoring)" }
    }

    static let cases: [Case] = [Loss.bce, .binaryFocal, .dice, .crossEntropy, .multiclassFocal, .multiclassDice].flatMap { loss in
        [0, 4].flatMap { ignoring in
            [Case(loss: loss, kind: .sgd, learningRate: 20, ignoring: ignoring),
             Case(loss: loss, kind: .adam, learningRate: 0.1, ignoring: ignoring)]
        }
    }

    static func input(_ loss: Loss, ignoring: Int) -> LossInput {
        loss.mode == .binary
            ? GeneratedInputs.binary(height: 5, width: 4, logitScale: 2, ignoring: ignoring, seed: 11)
            : GeneratedInputs.multiclass(classes: 3, height: 5, width: 4, logitScale: 2, ignoring: ignoring, seed: 12)
    }

    /// `∂L/∂z` by the five-point central stencil on every logit.
    static func finiteDifferenceGradient(_ loss: Loss, at input: LossInput) -> [Double] {
        let h = 1e-3
        func value(_ index: Int, _ offset: Double) -> Double {
            var values = input.logits.values
            values[index] += offset
            return loss.evaluate(input.replacingLogits(values)).value
        }
        return input.logits.values.indices.map { i in
            (8 * (value(i, h) - value(i, -h)) - (value(i, 2 * h) - value(i, -2 * h))) / (12 * h)
        }
    }

    /// Ten reference steps: SGD `z −= η·g`, or Adam with β1 = 0.9, β2 = 0.999, ε = 1e−8 and bias correction.
    static func referenceSteps(_ c: Case, from start: LossInput, count: Int = 10) -> [Double] {
        var input = start
        var m = [Double](repeating: 0, count: start.logits.values.count), v = m
        for t in 1...count {
            let g = finiteDifferenceGradient(c.loss, at: input)
            var z = input.logits.values
            for i in z.indices {
                switch c.kind {
                case .sgd:
                    z[i] -= c.learningRate * g[i]
                case .adam:
                    m[i] = 0.9 * m[i] + 0.1 * g[i]
                    v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i]
                    let mHat = m[i] / (1 - pow(0.9, Double(t))), vHat = v[i] / (1 - pow(0.999, Double(t)))
                    z[i] -= c.learningRate * mHat / (vHat.squareRoot() + 1e-8)
                }
            }
            input = input.replacingLogits(z)
        }
        return input.logits.values
    }

    static func pow(_ base: Double, _ exponent: Double) -> Double {
        (0..<Int(exponent)).reduce(1.0) { product, _ in product * base }
    }

    @Test(arguments: cases)
    func tenStepsMatchTheFiniteDifferenceReference(_ c: Case) {
        let start = Self.input(c.loss, ignoring: c.ignoring)
        var run = TrainingRun(input: start, loss: c.loss, optimizer: LogitOptimizer(kind: c.kind, learningRate: c.learningRate))
        run.advance(by: 10)
        let got = run.input.logits.values
        let expected = Self.referenceSteps(c, from: start)
        let scale = expected.map(abs).max()!
        let worst = zip(got, expected).map { abs($0 - $1) }.max()!
        #expect(worst <= 1e-9 * scale, "worst \(worst), scale \(scale)")
        // The logits really moved (a test of nothing would pass the line above too).
        let moved = zip(got, start.logits.values).map { abs($0 - $1) }.max()!
        #expect(moved > 0.1, "moved \(moved)")
    }

    @Test(arguments: [Loss.bce, .dice, .crossEntropy, .lovaszSoftmax], OptimizerKind.allCases)
    func ignoredPixelsNeverMove(_ loss: Loss, kind: OptimizerKind) {
        let start = Self.input(loss, ignoring: 4)
        var run = TrainingRun(input: start, loss: loss, optimizer: LogitOptimizer(kind: kind, learningRate: kind == .sgd ? 20 : 0.1))
        run.advance(by: 10)
        let plane = start.pixelCount, kept = Set(start.keptPixels)
        for i in start.logits.values.indices where !kept.contains(i % plane) {
            #expect(run.input.logits.values[i] == start.logits.values[i])
        }
        #expect(kept.count == plane - 4)
    }

    @Test(arguments: [Loss.binaryFocal, .lovaszHinge, .multiclassTversky], OptimizerKind.allCases)
    func trainingIsDeterministic(_ loss: Loss, kind: OptimizerKind) {
        func train() -> [Double] {
            var run = TrainingRun(
                input: Self.input(loss, ignoring: 4), loss: loss, optimizer: LogitOptimizer(kind: kind, learningRate: 0.5))
            run.advance(by: 25)
            return run.input.logits.values
        }
        #expect(train() == train())
    }

    @Test func lossFallsUnderEveryOptimizer() {
        for kind in OptimizerKind.allCases {
            var run = TrainingRun(
                input: Self.input(.bce, ignoring: 0), loss: .bce, optimizer: LogitOptimizer(kind: kind, learningRate: kind == .sgd ? 20 : 0.1))
            let first = run.advance()
            run.advance(by: 48)
            #expect(run.advance() < first, "\(kind)")
        }
    }
}
