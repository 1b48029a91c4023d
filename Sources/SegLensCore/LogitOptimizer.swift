import RealModule

/// Gradient steps on logits treated as free parameters, with the state the update rule keeps between steps.
///
/// With `g = ∂L/∂z` and learning rate `η`, step `t = 1, 2, …` is
/// - SGD: `z ← z − η·g`;
/// - Adam: `m ← β1·m + (1−β1)·g`, `v ← β2·v + (1−β2)·g²`, `m̂ = m/(1−β1^t)`, `v̂ = v/(1−β2^t)`,
///   `z ← z − η·m̂/(√v̂ + ε)`, with `β1 = 0.9`, `β2 = 0.999`, `ε = 1e−8` (PyTorch's `torch.optim.Adam` defaults).
///
/// Only the logits of kept pixels move: an ignored pixel's logits (every channel) are never written, whatever the
/// gradient says there.
public struct LogitOptimizer: Sendable {
    public static let beta1 = 0.9
    public static let beta2 = 0.999
    public static let epsilon = 1e-8

    public let kind: OptimizerKind
    /// `η`; may change between steps (Adam keeps its moments).
    public var learningRate: Double
    /// Steps taken so far (`t` of the last step).
    public private(set) var stepCount = 0
    /// Adam's first and second moments, in the layout of the logits; empty for SGD and before the first step.
    private var firstMoment: [Double] = []
    private var secondMoment: [Double] = []

    public init(kind: OptimizerKind, learningRate: Double) {
        self.kind = kind
        self.learningRate = learningRate
    }

    /// A learning rate that moves logits visibly on an input of `keptPixels` pixels: for Adam 0.1 (each logit moves
    /// about η per step whatever the gradient's scale); for SGD `keptPixels`, since the gradient of a mean over `N`
    /// pixels is `1/N` times each pixel's own slope, so that a pixel-wise loss moves each logit by that slope.
    public static func defaultLearningRate(_ kind: OptimizerKind, keptPixels: Int) -> Double {
        kind == .adam ? 0.1 : Double(max(1, keptPixels))
    }

    /// Applies one step to `values` (`C×H×W`, like ``Logits/values``) given `gradient` of the same layout.
    ///
    /// `keptPixels` are the plane indices that may move (``LossInput/keptPixels``); `plane` is `H·W`.
    public mutating func step(_ values: inout [Double], gradient: [Double], keptPixels: KeptPixels, plane: Int) {
        precondition(values.count == gradient.count && values.count % max(plane, 1) == 0, "gradient must match the logits")
        stepCount += 1
        let eta = learningRate
        let channels = plane == 0 ? 0 : values.count / plane
        switch kind {
        case .sgd:
            values.withUnsafeMutableBufferPointer { z in
                gradient.withUnsafeBufferPointer { g in
                    for c in 0..<channels {
                        let offset = c * plane
                        for pixel in keptPixels { z[offset + pixel] -= eta * g[offset + pixel] }
                    }
                }
            }
        case .adam:
            if firstMoment.isEmpty {
                firstMoment = [Double](repeating: 0, count: values.count)
                secondMoment = firstMoment
            }
            let b1 = Self.beta1, b2 = Self.beta2, eps = Self.epsilon
            let t = Double(stepCount)
            let correction1 = 1 - Double.pow(b1, t), correction2 = 1 - Double.pow(b2, t)
            values.withUnsafeMutableBufferPointer { z in
                gradient.withUnsafeBufferPointer { g in
                    firstMoment.withUnsafeMutableBufferPointer { m in
                        secondMoment.withUnsafeMutableBufferPointer { v in
                            for c in 0..<channels {
                                let offset = c * plane
                                for pixel in keptPixels {
                                    let i = offset + pixel, gi = g[i]
                                    m[i] = b1 * m[i] + (1 - b1) * gi
                                    v[i] = b2 * v[i] + (1 - b2) * gi * gi
                                    let mHat = m[i] / correction1, vHat = v[i] / correction2
                                    z[i] -= eta * mHat / (vHat.squareRoot() + eps)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
