import RealModule

/// Numerically stable building blocks shared by every loss kernel.
enum StableMath {
    /// The logistic sigmoid `σ(x) = 1/(1 + e^−x)`, evaluated without overflow.
    @inline(__always)
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 {
            return 1 / (1 + Double.exp(-x))
        }
        let e = Double.exp(x)
        return e / (1 + e)
    }

    /// `softplus(−s)` and `σ(−s)` from one exponential, with `softplus(x) = max(x, 0) + log1p(e^−|x|)`: the BCE of a pixel whose signed logit is `s`, and `1 − p_t`.
    @inline(__always)
    static func crossEntropyAndMiss(signedLogit s: Double) -> (crossEntropy: Double, miss: Double) {
        let e = Double.exp(-Swift.abs(s))
        return (Swift.max(-s, 0) + Double.log(onePlus: e), s >= 0 ? e / (1 + e) : 1 / (1 + e))
    }

    /// `xʸ` with `0⁰ = 1`, as PyTorch's `pow` defines it.
    @inline(__always)
    static func power(_ x: Double, _ y: Double) -> Double {
        switch y {
        case 0: 1
        case 1: x
        case 2: x * x
        default: Double.pow(x, y)
        }
    }
}
