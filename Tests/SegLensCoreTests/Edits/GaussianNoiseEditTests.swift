import Foundation
import Testing
@testable import SegLensCore

@Suite struct GaussianNoiseEditTests {
    @Test func portableLogAgreesWithTheCLibrary() {
        var random = SplitMix64(seed: 9)
        for _ in 0..<20_000 {
            let u = Double((random.next() >> 11) + 1) / 9007199254740992.0
            #expect(abs(PortableMath.log(u) - Foundation.log(u)) <= 4 * Foundation.log(u).magnitude.ulp + 1e-300)
        }
        for x in [1.0, 2, 0.5, 1e-300, 1e300, 1.4142135623730951, 3.14159] {
            #expect(abs(PortableMath.log(x) - Foundation.log(x)) <= 4 * max(Foundation.log(x).magnitude.ulp, Double.ulpOfOne))
        }
    }

    @Test func portableCosineAndSineAgreeWithTheCLibrary() {
        for k in 0..<4096 {
            let u = Double(k) / 4096
            let (c, s) = PortableMath.cosSinOfTurn(u)
            #expect(abs(c - cos(2 * Double.pi * u)) < 2e-15)
            #expect(abs(s - sin(2 * Double.pi * u)) < 2e-15)
        }
    }

    @Test func sameSeedSameNumbersOtherSeedOthers() {
        let a = GaussianNoiseEdit.standardNormals(count: 101, seed: 7)
        #expect(a == GaussianNoiseEdit.standardNormals(count: 101, seed: 7))
        #expect(a != GaussianNoiseEdit.standardNormals(count: 101, seed: 8))
        #expect(Array(GaussianNoiseEdit.standardNormals(count: 300, seed: 7).prefix(101)) == a)
    }

    @Test func numbersAreStandardNormal() {
        let n = GaussianNoiseEdit.standardNormals(count: 400_000, seed: 3)
        let mean = n.reduce(0, +) / Double(n.count)
        let variance = n.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n.count)
        let within1 = Double(n.filter { abs($0) < 1 }.count) / Double(n.count)
        #expect(abs(mean) < 0.005)  // 3 standard errors of 1/√400000 ≈ 0.0016
        #expect(abs(variance - 1) < 0.01)
        #expect(abs(within1 - 0.682689) < 0.003)
    }

    /// Values an independent implementation of the documented algorithm printed (Python's float arithmetic with
    /// math.log, math.cos and math.sin; scripts/noise_reference.py), so the recipe — not just this code — is
    /// pinned. The C library's last bits may differ from PortableMath, hence the tolerance.
    @Test func matchesTheIndependentPythonRecipe() throws {
        let expected: [Double] = NoiseReference.seed42
        let ours = GaussianNoiseEdit.standardNormals(count: expected.count, seed: 42)
        for (a, b) in zip(ours, expected) { #expect(abs(a - b) < 1e-14 * max(1, abs(b))) }
    }

    @Test func noiseAddsSigmaTimesTheNumbers() {
        let values: [Double] = [1, 2, 3, 4, 5]
        let noisy = GaussianNoiseEdit.noisy(values, sigma: 0.5, seed: 11)
        let normals = GaussianNoiseEdit.standardNormals(count: 5, seed: 11)
        #expect(noisy == zip(values, normals).map { $0 + 0.5 * $1 })
        #expect(GaussianNoiseEdit.noisy(values, sigma: 0, seed: 11) == values)
    }
}
