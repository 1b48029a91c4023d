import SegLensCore
import Testing

/// Numbers stay defined: every loss of both modes, every parameter at the edges of its range and past them
/// (α, β ∈ {0, 1}, γ ∈ {0, 0.01, 50}, smooth = 0, w0 ∈ {0, 100}, σ ∈ {0.5, 100}), on random inputs from fixed seeds, with empty and full truths and
/// confident logits: the value, the gradient, the per-pixel maps are finite numbers — never NaN or ±∞.
@Suite struct ParameterEdgeTests {
    static let alphas: [Double?] = [nil, 0, 1]
    static let betas: [Double] = [0, 1]
    static let gammas: [Double] = [0, 0.01, 50]
    static let smooths: [Double] = [0, 1e-5]
    /// border-bce: no border term, the tallest one; the narrowest and the widest σ (pixels).
    static let w0s: [Double] = [0, 100]
    static let sigmas: [Double] = [0.5, 100]

    /// Every combination of the edge values, for the parameters `loss` reads (the others at their defaults).
    static func edges(of loss: Loss) -> [LossParameters] {
        var result: [LossParameters] = []
        let reads = Set(loss.parameters)
        for alpha in reads.contains(.alpha) ? alphas : [loss.defaultParameters.alpha] {
            for beta in reads.contains(.beta) ? (loss == .weightedBCE ? [1e-3, 1e3] : betas) : [loss.defaultParameters.beta] {
                for gamma in reads.contains(.gamma) ? gammas : [loss.defaultParameters.gamma] {
                    for smooth in reads.contains(.smooth) ? smooths : [loss.defaultParameters.smooth] {
                        for w0 in reads.contains(.w0) ? w0s : [loss.defaultParameters.w0] {
                            for sigma in reads.contains(.sigma) ? sigmas : [loss.defaultParameters.sigma] {
                                result.append(LossParameters(
                                    alpha: alpha, gamma: gamma, beta: beta, smooth: smooth, w0: w0, sigma: sigma))
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    static func inputs(_ mode: SegmentationMode) -> [(String, LossInput)] {
        var inputs: [(String, LossInput)] = []
        for shape in GeneratedInputs.TruthShape.allCases {
            for (scale, seed) in [(3.0, UInt64(11)), (40.0, 12), (700.0, 13)] {
                let input = mode == .binary
                    ? GeneratedInputs.binary(truth: shape, logitScale: scale, seed: seed)
                    : GeneratedInputs.multiclass(truth: shape, logitScale: scale, seed: seed)
                inputs.append(("\(shape) truth, logits ±\(scale)", input))
            }
        }
        return inputs
    }

    static func firstNonFinite(_ values: [Double]) -> Int? { values.firstIndex { !$0.isFinite } }

    /// `count` parameter sets drawn uniformly in each range `loss` allows (α sometimes none), from `seed`.
    static func randomParameters(of loss: Loss, count: Int, seed: UInt64) -> [LossParameters] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var parameters = loss.defaultParameters
            for parameter in loss.parameters {
                let range = loss.range(of: parameter)
                let value = Double.random(in: range, using: &random)
                switch parameter {
                case .alpha: parameters.alpha = Bool.random(using: &random) ? nil : value
                case .beta: parameters.beta = value
                case .gamma: parameters.gamma = value
                case .smooth: parameters.smooth = Bool.random(using: &random) ? 0 : value
                case .w0: parameters.w0 = value
                case .sigma: parameters.sigma = value
                }
            }
            return parameters
        }
    }

    @Test(arguments: [SegmentationMode.binary, .multiclass])
    func everyLossAtEveryEdgeIsFinite(mode: SegmentationMode) {
        var evaluated = 0
        for loss in Loss.catalogue(mode) {
            for parameters in Self.edges(of: loss) + Self.randomParameters(of: loss, count: 20, seed: 99) {
                for (name, input) in Self.inputs(mode) {
                    evaluated += 1
                    let result = loss.evaluate(input, parameters: parameters)
                    let context = "\(loss.name) \(parameters) on \(name)"
                    #expect(result.value.isFinite, "\(context): value \(result.value)")
                    if let pixel = Self.firstNonFinite(result.gradient) {
                        Issue.record("\(context): gradient \(result.gradient[pixel]) at \(pixel)")
                    }
                    if let pixel = Self.firstNonFinite(result.weight) {
                        Issue.record("\(context): weight \(result.weight[pixel]) at \(pixel)")
                    }
                    if let pixel = Self.firstNonFinite(result.gradientMagnitude) {
                        Issue.record("\(context): gradient magnitude \(result.gradientMagnitude[pixel]) at \(pixel)")
                    }
                    if let map = result.pixelLoss, let pixel = Self.firstNonFinite(map) {
                        Issue.record("\(context): pixel loss \(map[pixel]) at \(pixel)")
                    }
                }
            }
        }
        #expect(evaluated > 500, "only \(evaluated) evaluations")
    }
}
