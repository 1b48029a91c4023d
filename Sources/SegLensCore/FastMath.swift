/// `exp` and `log1p` on four Doubles at once (Horner steps as fused multiply-adds), for the fused kernels (``BinaryGradientKernel``), in the ranges
/// those kernels need; within a few units in the last place of glibc's scalar functions (FastMathTests measure it).
///
/// - ``exp(_:)`` for `x ≤ 0`: `x = n·ln2 + r`, `|r| ≤ ln2/2` (Cody–Waite, `ln2` split in two), `e^r` by its Taylor
///   polynomial of degree 13 (truncation below 5e−18 relative), times `2^n` built in the exponent bits. Below −708
///   the argument is shifted by `512·ln2` and the result scaled by `2^−512`, so subnormal results keep their
///   value; below −1062 the result is 0 (it underflows from there on).
/// - ``log1p(_:)`` for `e ∈ [0, 1]`: `1 + e = 2^k·x`, `x ∈ [√½, √2]` (`k` is 0 or 1),
///   `log(1+e) = k·ln2 + 2·atanh(u) = k·ln2 + 2u·Σ_j u^(2j)/(2j+1)`, `u = (x−1)/(x+1)`, `|u| ≤ 0.172`, taken from `e`
///   without rounding `1 + e` and summed to `j = 10` (truncation below 1e−17 relative).
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
        let shifted = y * log2e + roundingShift
        let n = shifted - roundingShift
        let r = (y - n * ln2High) - n * ln2Low
        var p = Lanes(repeating: 1 / 6227020800.0)  // 1/13!
        p = Lanes(repeating: 1 / 479001600.0).addingProduct(p, r)
        p = Lanes(repeating: 1 / 39916800.0).addingProduct(p, r)
        p = Lanes(repeating: 1 / 3628800.0).addingProduct(p, r)
        p = Lanes(repeating: 1 / 362880.0).addingProduct(p, r)
        p = Lanes(repeating: 1 / 40320.0).addingProduct(p, r)
        p = Lanes(repeating: 1 / 5040.0).addingProduct(p, r)
        p = Lanes(repeating: 1 / 720.0).addingProduct(p, r)
        p = Lanes(repeating: 1 / 120.0).addingProduct(p, r)
        p = Lanes(repeating: 1 / 24.0).addingProduct(p, r)
        p = Lanes(repeating: 1 / 6.0).addingProduct(p, r)
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
        let u = numerator / denominator, w = u * u
        var s = Lanes(repeating: 1 / 21.0)
        s = Lanes(repeating: 1 / 19.0).addingProduct(s, w)
        s = Lanes(repeating: 1 / 17.0).addingProduct(s, w)
        s = Lanes(repeating: 1 / 15.0).addingProduct(s, w)
        s = Lanes(repeating: 1 / 13.0).addingProduct(s, w)
        s = Lanes(repeating: 1 / 11.0).addingProduct(s, w)
        s = Lanes(repeating: 1 / 9.0).addingProduct(s, w)
        s = Lanes(repeating: 1 / 7.0).addingProduct(s, w)
        s = Lanes(repeating: 1 / 5.0).addingProduct(s, w)
        s = Lanes(repeating: 1 / 3.0).addingProduct(s, w)
        s = Lanes(repeating: 1).addingProduct(s, w)
        return Lanes.zero.replacing(with: 0.69314718055994530942, where: upper) + (u + u) * s
    }

    /// The larger of `a` and `b`, lane by lane (`pointwiseMax` without its NaN handling, which costs a call).
    @inline(__always)
    static func maximum(_ a: Lanes, _ b: Lanes) -> Lanes {
        a.replacing(with: b, where: a .< b)
    }

    /// `e^x` lane by lane, for `x ≤ 0`.
    @inline(__always)
    static func exp(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let underflow = x .< -87.33
        let clamped = x.replacing(with: -87.33, where: underflow)
        let shifted = clamped * 1.44269504 + 12582912  // 1.5·2²³
        let n = shifted - 12582912
        let r = (clamped - n * 0.693359375) - n * -2.12194440e-4  // ln2 = 0.693359375 − 2.12194440e−4, the first exact
        var p = SIMD8<Float>(repeating: 1 / 5040.0)
        p = p * r + 1 / 720.0
        p = p * r + 1 / 120.0
        p = p * r + 1 / 24.0
        p = p * r + 1 / 6.0
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
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
        var s = SIMD8<Float>(repeating: 1 / 11.0)
        s = s * w + 1 / 9.0
        s = s * w + 1 / 7.0
        s = s * w + 1 / 5.0
        s = s * w + 1 / 3.0
        s = s * w + 1
        return SIMD8<Float>.zero.replacing(with: 0.693147181, where: upper) + (u + u) * s
    }
}
