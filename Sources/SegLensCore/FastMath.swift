/// `exp` and `log1p` on four Doubles or eight Floats at once (polynomials in fused multiply-adds, their small terms
/// by Estrin's scheme so that the chains of dependent steps are short, the large ones by Horner's), for the fused
/// kernels (``BinaryGradientKernel``, ``SoftmaxBlock``), in the ranges those kernels need; within a few units in the
/// last place of glibc's scalar functions of the same precision (FastMathTests measure it).
///
/// - ``exp(_:)`` for `x ≤ 0`: `x = n·ln2 + r`, `|r| ≤ ln2/2` (Cody–Waite, `ln2` split in two), `e^r` by its Taylor
///   polynomial of degree 13 (truncation below 5e−18 relative), times `2^n` built in the exponent bits. Below −708
///   the argument is shifted by `512·ln2` and the result scaled by `2^−512`, so subnormal results keep their
///   value; below −1062 the result is 0 (it underflows from there on).
/// - ``log1p(_:)`` for `e ∈ [0, 1]`: `1 + e = 2^k·x`, `x ∈ [√½, √2]` (`k` is 0 or 1),
///   `log(1+e) = k·ln2 + 2·atanh(u) = k·ln2 + 2u·Σ_j u^(2j)/(2j+1)`, `u = (x−1)/(x+1)`, `|u| ≤ 0.172`, taken from `e`
///   without rounding `1 + e` and summed to `j = 10` (truncation below 1e−17 relative).
/// - ``log(_:)`` for `x ≥ 0` (the multi-class kernels' `log q`): `x = 2^k·m` from the exponent bits (subnormals
///   scaled by 2⁵² first), `m ∈ [√½, √2)`, `log x = k·ln2 + 2·atanh((m−1)/(m+1))` with the same series and `ln2`
///   in two parts; `log 0 = −∞`.
/// - ``log(onePlus:)`` for any `x ≥ 0` (the multi-class `log Σ e^(z−max)`): `log u + (x − (u−1))/u` with
///   `u = 1 + x`, the second term restoring what rounding `1 + x` lost.
/// - The Float versions use the same reductions with Float constants and shorter polynomials: `e^r` to degree 7
///   (truncation below 6e−9), `atanh` to `j = 5` (below 3e−10): within 4 Float ulp. `exp` is 0 below −87.33, where
///   Float results would be subnormal, and within 1e−5 relative just above.
enum FastMath {
    typealias Lanes = SIMD4<Double>

    private static let log2e = 1.4426950408889634
    private static let ln2High = 0.693147180369123816490  // 0x1.62e42fefa3800p-1: n·ln2High is exact for |n| < 2¹¹
    private static let ln2Low = 1.90821492927058770002e-10
    /// 1.5·2⁵²: adding it rounds to an integer that sits in the low mantissa bits.
    private static let roundingShift = 6755399441055744.0

    /// `e^x` lane by lane, for `x ≤ 0`.
    @inline(__always)
    static func exp(_ x: Lanes) -> Lanes {
        let clamped = x.replacing(with: -1062, where: x .< -1062)
        let far = clamped .< -708
        let y = clamped.replacing(with: clamped + 512 * 0.69314718055994530942, where: far)
        let shifted = Lanes(repeating: roundingShift).addingProduct(y, log2e)
        let n = shifted - roundingShift
        let r = y.addingProduct(n, -ln2High).addingProduct(n, -ln2Low)
        // Σ_{i≤13} r^i/i!: the terms from r⁴ on by Estrin's scheme (independent pairs, then quads), so that the chain
        // of dependent multiply-adds is 8 long instead of 13, the last four by Horner's, where rounding matters.
        let r2 = r * r, r4 = r2 * r2
        let t01 = Lanes(repeating: 1 / 24.0).addingProduct(r, 1 / 120.0)
        let t23 = Lanes(repeating: 1 / 720.0).addingProduct(r, 1 / 5040.0)
        let t45 = Lanes(repeating: 1 / 40320.0).addingProduct(r, 1 / 362880.0)
        let t67 = Lanes(repeating: 1 / 3628800.0).addingProduct(r, 1 / 39916800.0)
        let t89 = Lanes(repeating: 1 / 479001600.0).addingProduct(r, 1 / 6227020800.0)  // 1/12!, 1/13!
        let tail = t01.addingProduct(t23, r2).addingProduct(t45.addingProduct(t67, r2), r4).addingProduct(t89, r4 * r4)
        var p = Lanes(repeating: 1 / 6.0).addingProduct(tail, r)
        p = Lanes(repeating: 0.5).addingProduct(p, r)
        p = Lanes(repeating: 1).addingProduct(p, r)
        p = Lanes(repeating: 1).addingProduct(p, r)
        let bits = unsafeBitCast(shifted, to: SIMD4<UInt64>.self)
        let scale = unsafeBitCast((bits &+ 1023) &<< 52, to: Lanes.self)
        let tiny = Lanes(repeating: 1).replacing(with: 0x1p-512, where: far)
        return p * scale * tiny
    }

    /// `log(1 + e)` lane by lane, for `e ∈ [0, 1]`.
    @inline(__always)
    static func log1p(_ e: Lanes) -> Lanes {
        // 1 + e = 2^k·x with x ∈ [√½, √2]: k = 1 above e = √2 − 1; u = (x − 1)/(x + 1) from e without rounding 1 + e.
        let upper = e .> 0.41421356237309503
        let numerator = e.replacing(with: e - 1, where: upper), denominator = (e + 2).replacing(with: e + 3, where: upper)
        return Lanes.zero.replacing(with: 0.69314718055994530942, where: upper) + twiceAtanh(numerator / denominator)
    }

    /// `log x` lane by lane, for `x ≥ 0`; `log 0 = −∞`.
    @inline(__always)
    static func log(_ x: Lanes) -> Lanes {
        let subnormal = x .< Double.leastNormalMagnitude
        let bits = unsafeBitCast(x.replacing(with: x * 0x1p52, where: subnormal), to: SIMD4<UInt64>.self)
        // m ∈ [1, 2) from the mantissa bits, k from the exponent bits (2⁵² + biased exponent, read as a Double).
        var m = unsafeBitCast((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000, to: Lanes.self)
        var k = unsafeBitCast((bits &>> 52) | 0x4330_0000_0000_0000, to: Lanes.self) - (0x1p52 + 1023)
        let high = m .> 1.4142135623730951
        m = m.replacing(with: m * 0.5, where: high)
        k = k.replacing(with: k + 1, where: high) - Lanes.zero.replacing(with: 52, where: subnormal)
        let result = k * ln2High + (k * ln2Low + twiceAtanh((m - 1) / (m + 1)))
        return result.replacing(with: -.infinity, where: x .== 0)
    }

    /// `log(1 + x)` lane by lane, for any `x ≥ 0`.
    @inline(__always)
    static func log(onePlus x: Lanes) -> Lanes {
        let u = 1 + x
        return log(u) + (x - (u - 1)) / u
    }

    /// `2·atanh(u) = log((1+u)/(1−u)) = 2u·Σ_j u^(2j)/(2j+1)` to `j = 10`, for `|u| ≤ 0.172`: the terms from `u⁴`
    /// on by Estrin's scheme, the first two by Horner's.
    @inline(__always)
    private static func twiceAtanh(_ u: Lanes) -> Lanes {
        let w = u * u, w2 = w * w, w4 = w2 * w2
        let t01 = Lanes(repeating: 1 / 5.0).addingProduct(w, 1 / 7.0)
        let t23 = Lanes(repeating: 1 / 9.0).addingProduct(w, 1 / 11.0)
        let t45 = Lanes(repeating: 1 / 13.0).addingProduct(w, 1 / 15.0)
        let t67 = Lanes(repeating: 1 / 17.0).addingProduct(w, 1 / 19.0)
        let tail = t01.addingProduct(t23, w2).addingProduct(t45.addingProduct(t67, w2).addingProduct(w4, 1 / 21.0), w4)
        var s = Lanes(repeating: 1 / 3.0).addingProduct(tail, w)
        s = Lanes(repeating: 1).addingProduct(s, w)
        return (u + u) * s
    }

    /// `e^x` lane by lane, for `x ≤ 0`.
    @inline(__always)
    static func exp(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let underflow = x .< -87.33
        let clamped = x.replacing(with: -87.33, where: underflow)
        let shifted = clamped * 1.44269504 + 12582912  // 1.5·2²³
        let n = shifted - 12582912
        let r = (clamped - n * 0.693359375) - n * -2.12194440e-4  // ln2 = 0.693359375 − 2.12194440e−4, the first exact
        // Σ_{i≤7} r^i/i!, the terms from r³ on by Estrin's scheme (as the Double version).
        typealias F = SIMD8<Float>
        let r2 = r * r
        let tail = F(repeating: 1 / 6.0).addingProduct(r, 1 / 24.0)
            .addingProduct(F(repeating: 1 / 120.0).addingProduct(r, 1 / 720.0).addingProduct(r2, 1 / 5040.0), r2)
        var p = F(repeating: 0.5).addingProduct(tail, r)
        p = F(repeating: 1).addingProduct(p, r)
        p = F(repeating: 1).addingProduct(p, r)
        let bits = unsafeBitCast(shifted, to: SIMD8<UInt32>.self)
        let scale = unsafeBitCast((bits &+ 127) &<< 23, to: SIMD8<Float>.self)
        return (p * scale).replacing(with: 0, where: underflow)
    }

    /// `log(1 + e)` lane by lane, for `e ∈ [0, 1]`.
    @inline(__always)
    static func log1p(_ e: SIMD8<Float>) -> SIMD8<Float> {
        let upper = e .> 0.414213562
        let numerator = e.replacing(with: e - 1, where: upper), denominator = (e + 2).replacing(with: e + 3, where: upper)
        let u = numerator / denominator, w = u * u
        // Σ_{j≤5} w^j/(2j+1), the terms from w² on by Estrin's scheme.
        let tail = SIMD8<Float>(repeating: 1 / 5.0).addingProduct(w, 1 / 7.0)
            .addingProduct(SIMD8<Float>(repeating: 1 / 9.0).addingProduct(w, 1 / 11.0), w * w)
        var s = SIMD8<Float>(repeating: 1 / 3.0).addingProduct(tail, w)
        s = SIMD8<Float>(repeating: 1).addingProduct(s, w)
        return SIMD8<Float>.zero.replacing(with: 0.693147181, where: upper) + (u + u) * s
    }
}
