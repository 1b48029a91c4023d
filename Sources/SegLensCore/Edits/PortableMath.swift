/// Logarithm and sine/cosine from IEEE-754 `+ − × ÷` alone, so that numbers drawn from a seed are the same bit
/// for bit on every machine and C library (glibc, Apple's libm and musl round `log` and `cos` differently).
///
/// Accuracy: within 2 ulp of the correctly rounded value on the arguments the noise edit uses (tested against
/// the platform's functions).
public enum PortableMath {
    /// `ln x` for finite `x > 0`: `x = m·2^e` with `m ∈ [√½, √2)`, `ln m = 2·atanh(s)`, `s = (m−1)/(m+1)`,
    /// `|s| ≤ 0.172`, summed to `s²³` (truncation below 1e−19), and `e·ln 2` with ln 2 split into two parts.
    public static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log needs a finite positive argument")
        var exponent = Int(x.exponent)
        var m = x.significand  // [1, 2)
        if m > 1.4142135623730951 {
            m /= 2
            exponent += 1
        }
        let s = (m - 1) / (m + 1), s2 = s * s
        var term = s, series = 0.0
        for k in stride(from: 1, through: 23, by: 2) {
            series += term / Double(k)
            term *= s2
        }
        let e = Double(exponent)
        return e * 0.6931471803691238 + (e * 1.9082149292705877e-10 + 2 * series)
    }

    /// `(cos 2πu, sin 2πu)` for `u ∈ [0, 1)`: the quadrant from `4u` (exact), the angle within it
    /// `θ = (4u − k)·π/2 ∈ [0, π/2)`, and Taylor series of `cos θ` and `sin θ` to the 22nd and 23rd powers.
    public static func cosSinOfTurn(_ u: Double) -> (cos: Double, sin: Double) {
        precondition(u >= 0 && u < 1, "the turn must lie in [0, 1)")
        let quarter = 4 * u
        let k = Int(quarter)
        let theta = (quarter - Double(k)) * 1.5707963267948966
        let t2 = theta * theta
        var cosine = 0.0, sine = 0.0
        var cosTerm = 1.0, sinTerm = theta
        for n in 0..<12 {
            cosine += cosTerm
            sine += sinTerm
            let a = Double(2 * n + 1), b = Double(2 * n + 2), c = Double(2 * n + 3)
            cosTerm *= -t2 / (a * b)
            sinTerm *= -t2 / (b * c)
        }
        switch k {
        case 0: return (cosine, sine)
        case 1: return (-sine, cosine)
        case 2: return (-cosine, -sine)
        default: return (sine, -cosine)
        }
    }
}
