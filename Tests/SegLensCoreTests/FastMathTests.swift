import Foundation
import Testing
@testable import SegLensCore

/// ``FastMath``'s polynomial `exp`, `log1p`, `log` and `log(onePlus:)` against glibc's, over their whole ranges:
/// within 2 units in the last place (4e−16) for exp, 3 (6e−16) for the logarithms.
@Suite struct FastMathTests {
    /// Evenly spaced points of `range` and their neighbours, four per call.
    /// With `logSpaced`, points evenly spaced in `log x` (the range must be positive).
    private func maximumRelativeError(
        _ range: ClosedRange<Double>, count: Int, logSpaced: Bool = false, fast: (FastMath.Lanes) -> FastMath.Lanes,
        exact: (Double) -> Double
    ) -> Double {
        var worst = 0.0
        for group in 0..<count {
            var lanes = FastMath.Lanes()
            for lane in 0..<4 {
                let t = Double(group * 4 + lane) / Double(count * 4 - 1)
                lanes[lane] = logSpaced
                    ? Foundation.exp(Foundation.log(range.lowerBound) + t * (Foundation.log(range.upperBound) - Foundation.log(range.lowerBound)))
                    : range.lowerBound + t * (range.upperBound - range.lowerBound)
            }
            let result = fast(lanes)
            for lane in 0..<4 {
                let reference = exact(lanes[lane])
                let error = reference == 0 ? abs(result[lane]) : abs(result[lane] - reference) / abs(reference)
                worst = max(worst, error)
            }
        }
        return worst
    }

    @Test func expMatchesGlibcForNonPositiveArguments() {
        #expect(maximumRelativeError(-708...0, count: 50_000, fast: FastMath.exp, exact: Foundation.exp) <= 4e-16)
        #expect(maximumRelativeError(-1e-6...0, count: 1000, fast: FastMath.exp, exact: Foundation.exp) <= 4e-16)
        // Subnormal results keep their value to the precision they have.
        for x in stride(from: -745.0, through: -708, by: 0.37) {
            let result = FastMath.exp(FastMath.Lanes(repeating: x))[0]
            #expect(abs(result - Foundation.exp(x)) <= 1e-13 * Foundation.exp(x) + 2 * Double.leastNonzeroMagnitude, "exp(\(x))")
        }
        #expect(FastMath.exp(FastMath.Lanes(-746, -1100, -5000, 0)) == FastMath.Lanes(0, 0, 0, 1))
    }

    @Test func log1pMatchesGlibcOnTheUnitInterval() {
        #expect(maximumRelativeError(0...1, count: 50_000, fast: FastMath.log1p, exact: Foundation.log1p) <= 6e-16)
        #expect(maximumRelativeError(0...1e-8, count: 1000, fast: FastMath.log1p, exact: Foundation.log1p) <= 6e-16)
        #expect(maximumRelativeError(0.414...0.415, count: 1000, fast: FastMath.log1p, exact: Foundation.log1p) <= 6e-16)
    }

    @Test func logMatchesGlibcFromSubnormalsToHuge() {
        let fast = { (x: FastMath.Lanes) in FastMath.log(x) }, exact = { (x: Double) in Foundation.log(x) }
        #expect(maximumRelativeError(1e-300...1e300, count: 50_000, logSpaced: true, fast: fast, exact: exact) <= 6e-16)
        #expect(maximumRelativeError(0.5...2, count: 50_000, fast: fast, exact: exact) <= 6e-16)
        #expect(maximumRelativeError(1e-320...2.3e-308, count: 1000, logSpaced: true, fast: fast, exact: exact) <= 6e-16)
        let edges = FastMath.log(FastMath.Lanes(0, 1, .leastNonzeroMagnitude, .greatestFiniteMagnitude))
        #expect(edges[0] == -.infinity && edges[1] == 0)
        #expect(abs(edges[2] - Foundation.log(Double.leastNonzeroMagnitude)) <= 6e-16 * 745)
        #expect(abs(edges[3] - Foundation.log(Double.greatestFiniteMagnitude)) <= 6e-16 * 710)
    }

    @Test func logOnePlusMatchesGlibcForAnyNonNegativeArgument() {
        let fast = { (x: FastMath.Lanes) in FastMath.log(onePlus: x) }, exact = { (x: Double) in Foundation.log1p(x) }
        #expect(maximumRelativeError(0...30, count: 50_000, fast: fast, exact: exact) <= 6e-16)
        #expect(maximumRelativeError(1e-300...1e-3, count: 50_000, logSpaced: true, fast: fast, exact: exact) <= 6e-16)
        #expect(FastMath.log(onePlus: FastMath.Lanes(0, 0, 0, 0)) == .zero)
    }

    /// The Float versions against glibc's Double functions: within 4 Float ulp (2.5e−7 relative).
    private func maximumFloatRelativeError(
        _ range: ClosedRange<Double>, count: Int, fast: (SIMD8<Float>) -> SIMD8<Float>, exact: (Double) -> Double
    ) -> Double {
        var worst = 0.0
        for group in 0..<count {
            var lanes = SIMD8<Float>()
            for lane in 0..<8 {
                let t = Double(group * 8 + lane) / Double(count * 8 - 1)
                lanes[lane] = Float(range.lowerBound + t * (range.upperBound - range.lowerBound))
            }
            let result = fast(lanes)
            for lane in 0..<8 {
                let reference = exact(Double(lanes[lane]))
                worst = max(worst, abs(Double(result[lane]) - reference) / abs(reference))
            }
        }
        return worst
    }

    @Test func floatExpMatchesGlibcForNonPositiveArguments() {
        #expect(maximumFloatRelativeError(-87...0, count: 50_000, fast: FastMath.exp, exact: Foundation.exp) <= 2.5e-7)
        #expect(maximumFloatRelativeError(-1e-4...0, count: 1000, fast: FastMath.exp, exact: Foundation.exp) <= 2.5e-7)
        // Below −87.33, where a Float result would be subnormal, the result is 0; just above, 2^n·p is near the
        // smallest normal Float and keeps 1e−5 relative.
        let edges = FastMath.exp(SIMD8<Float>(-87.4, -100, -1e30, -.infinity, 0, -0.0, -87.3, -87.33))
        #expect(edges[0] == 0 && edges[1] == 0 && edges[2] == 0 && edges[3] == 0 && edges[4] == 1 && edges[5] == 1)
        #expect(abs(Double(edges[6]) - Foundation.exp(-87.3)) <= 1e-5 * Foundation.exp(-87.3))
    }

    @Test func floatLog1pMatchesGlibcOnTheUnitInterval() {
        #expect(maximumFloatRelativeError(0...1, count: 50_000, fast: FastMath.log1p, exact: Foundation.log1p) <= 2.5e-7)
        #expect(maximumFloatRelativeError(1e-30...1e-6, count: 1000, fast: FastMath.log1p, exact: Foundation.log1p) <= 2.5e-7)
        #expect(maximumFloatRelativeError(0.414...0.415, count: 1000, fast: FastMath.log1p, exact: Foundation.log1p) <= 2.5e-7)
    }
}
