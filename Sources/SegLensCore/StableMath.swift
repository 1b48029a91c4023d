import RealModule

/// Numerically stable building blocks shared by every loss kernel.
enum StableMath {
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

    /// `xʸ` from a known `log x`: `exp(y·log x)`, exact for `y` of 0, 1 and 2, and `0⁰ = 1`.
    @inline(__always)
    static func power(_ x: Double, _ y: Double, logBase: Double) -> Double {
        switch y {
        case 0: 1
        case 1: x
        case 2: x * x
        default: Double.exp(y * logBase)
        }
    }
}
