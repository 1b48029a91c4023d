import RealModule

/// Numerically stable building blocks shared by every loss kernel.
enum StableMath {
    /// `softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^−|x|)`; finite for every finite `x`.
    @inline(__always)
    static func softplus(_ x: Double) -> Double {
        Swift.max(x, 0) + Double.log(onePlus: Double.exp(-Swift.abs(x)))
    }

    /// The logistic sigmoid `σ(x) = 1/(1 + e^−x)`, evaluated without overflow.
    @inline(__always)
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 {
            return 1 / (1 + Double.exp(-x))
        }
        let e = Double.exp(x)
        return e / (1 + e)
    }

    /// `xʸ` with `0⁰ = 1`, as PyTorch's `pow` defines it.
    @inline(__always)
    static func power(_ x: Double, _ y: Double) -> Double {
        y == 0 ? 1 : Double.pow(x, y)
    }
}
