import Testing
import SegLensCore

/// The analytic gradient of every loss against central finite differences, over several parameter values, truths
/// (random, empty, all foreground) and with ignored pixels.
@Suite struct FiniteDifferenceTests {
    struct Setting: CustomStringConvertible, Sendable {
        var loss: Loss
        var parameters: LossParameters
        var description: String {
            "\(loss.mode.rawValue) \(loss.name) " + loss.parameters.map { "\($0.rawValue)=\(parameters[$0].map { "\($0)" } ?? "none")" }.joined(separator: " ")
        }
    }

    /// Parameter values per loss, including the edges the issue names: γ < 1, β at 0 and 1, smooth 0.
    static let settings: [Setting] = Loss.allCases.flatMap { loss -> [Setting] in
        var variants: [LossParameters] = [loss.defaultParameters]
        func with(_ changes: (inout LossParameters) -> Void) {
            var p = loss.defaultParameters
            changes(&p)
            variants.append(p)
        }
        for parameter in loss.parameters {
            switch parameter {
            case .alpha: with { $0.alpha = nil }; with { $0.alpha = 0.8 }
            case .gamma: with { $0.gamma = 0 }; with { $0.gamma = 0.3 }; with { $0.gamma = 5 }
            case .beta:
                if loss == .weightedBCE { with { $0.beta = 0.2 }; with { $0.beta = 4 } } else {
                    with { $0.beta = 0 }; with { $0.beta = 1 }
                }
            case .smooth: with { $0.smooth = 0 }; with { $0.smooth = 1 }
            case .w0: with { $0.w0 = 0 }; with { $0.w0 = 30 }
            case .sigma: with { $0.sigma = 0.5 }; with { $0.sigma = 20 }
            }
        }
        return variants.map { Setting(loss: loss, parameters: $0) }
    }

    static func input(for loss: Loss, truth: GeneratedInputs.TruthShape, ignoring: Int = 0) -> LossInput {
        loss.mode == .binary
            ? GeneratedInputs.binary(truth: truth, ignoring: ignoring)
            : GeneratedInputs.multiclass(truth: truth, ignoring: ignoring)
    }

    @Test(arguments: settings, GeneratedInputs.TruthShape.allCases)
    func gradientMatchesFiniteDifferences(_ setting: Setting, truth: GeneratedInputs.TruthShape) {
        for ignoring in [0, 4] {
            let input = Self.input(for: setting.loss, truth: truth, ignoring: ignoring)
            let result = setting.loss.evaluate(input, parameters: setting.parameters)
            let analytic = result.gradient
            let scale = max(analytic.map(abs).max()!, 1e-12)
            let h = 1e-6
            var worst = 0.0
            for index in input.logits.values.indices {
                var plus = input.logits.values, minus = input.logits.values
                plus[index] += h
                minus[index] -= h
                let up = setting.loss.evaluate(GeneratedInputs.replacingLogits(of: input, with: plus), parameters: setting.parameters).value
                let down = setting.loss.evaluate(GeneratedInputs.replacingLogits(of: input, with: minus), parameters: setting.parameters).value
                worst = max(worst, abs((up - down) / (2 * h) - analytic[index]))
            }
            // Central differences carry a truncation error O(h²) and a rounding error ≈ |L|·ε/h ≈ |L|·1e−10.
            #expect(worst <= 1e-6 * scale + 1e-9 * max(1, abs(result.value)), "ignoring \(ignoring): worst error \(worst) at scale \(scale)")
        }
    }

    @Test(arguments: settings, [50.0, 1e4])
    func extremeLogitsGiveFiniteValuesAndGradients(_ setting: Setting, scale: Double) {
        for truth in GeneratedInputs.TruthShape.allCases {
            let base = Self.input(for: setting.loss, truth: truth)
            // Exactly ±scale, so that probabilities saturate to 0 and 1.
            let saturated = base.logits.values.map { $0 >= 0 ? scale : -scale }
            for input in [base, GeneratedInputs.replacingLogits(of: base, with: saturated)] {
                let widened = GeneratedInputs.replacingLogits(of: input, with: input.logits.values.map { $0 * scale / 3 })
                for candidate in [input, widened] {
                    let result = setting.loss.evaluate(candidate, parameters: setting.parameters)
                    #expect(result.value.isFinite)
                    #expect(result.gradient.allSatisfy { $0.isFinite })
                    #expect(result.weight.allSatisfy { $0.isFinite })
                    #expect(result.pixelLoss?.allSatisfy { $0.isFinite } ?? true)
                }
            }
        }
    }
}
