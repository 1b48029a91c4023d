import Foundation
import Testing
@testable import SegLensCore

@Suite struct GaussianBlurEditTests {
    @Test func kernelIsTruncatedAtThreeSigmaNormalizedAndSymmetric() {
        for sigma in [0.3, 1, 1.5, 4] {
            let kernel = GaussianBlurEdit.kernel(sigma: sigma)
            let radius = Int((3 * sigma).rounded(.up))
            #expect(kernel.count == 2 * radius + 1)
            #expect(abs(kernel.reduce(0, +) - 1) < 1e-15)
            #expect(kernel == kernel.reversed())
            // Ratio of neighbours as the Gaussian prescribes: w_1 / w_0 = exp(−1/(2σ²)).
            #expect(abs(kernel[radius + 1] / kernel[radius] - exp(-1 / (2 * sigma * sigma))) < 1e-14)
        }
        #expect(GaussianBlurEdit.kernel(sigma: 0) == [1])
    }

    @Test func blurOfAConstantMapIsThatConstant() {
        for constant in [0.0, -3.7, 0.1, 1e6] {
            let values = [Double](repeating: constant, count: 2 * 7 * 9)
            let blurred = GaussianBlurEdit.blurred(values, planes: 2, height: 7, width: 9, sigma: 1.7)
            #expect(blurred == values)
        }
    }

    /// An impulse far from the edges blurs into the outer product of the kernel with itself, computed here
    /// directly from the 2-D Gaussian.
    @Test func impulseBecomesTheTwoDimensionalGaussian() {
        let sigma: Double = 1.2, size = 15, centre = 7
        func gauss(_ squared: Int) -> Double { exp(-Double(squared) / (2 * sigma * sigma)) }
        var values = [Double](repeating: 0, count: size * size)
        values[centre * size + centre] = 1
        let blurred = GaussianBlurEdit.blurred(values, height: size, width: size, sigma: sigma)
        let radius = Int((3 * sigma).rounded(.up))
        var norm = 0.0
        for k in -radius...radius { norm += gauss(k * k) }
        for row in 0..<size {
            for column in 0..<size {
                let dy = row - centre, dx = column - centre
                let inside = abs(dy) <= radius && abs(dx) <= radius
                let expected: Double = inside ? gauss(dx * dx + dy * dy) / (norm * norm) : 0
                #expect(abs(blurred[row * size + column] - expected) < 1e-15)
            }
        }
    }

    @Test func edgesRepeat() {
        // A step at the left edge: blurring a row 5 0 0 0 … with repeated edges keeps column 0 above the
        // interior value of an infinite 5 0 0 … row would give (the edge pixel counts for every tap beyond it).
        let values: [Double] = [5, 0, 0, 0, 0, 0, 0]
        let kernel = GaussianBlurEdit.kernel(sigma: 1)
        let blurred = GaussianBlurEdit.blurred(values, height: 1, width: 7, sigma: 1)
        let radius = kernel.count / 2
        let expected = 5 * kernel[0...radius].reduce(0, +)  // taps at offsets −3…0 all read the edge pixel
        #expect(abs(blurred[0] - expected) < 1e-14)
    }
}
