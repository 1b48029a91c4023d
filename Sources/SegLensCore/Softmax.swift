import RealModule

/// Softmax over the classes of every kept pixel, and the backward pass through it.
enum Softmax {
    /// `p_c = softmax(z)_c` of the listed pixels in the layout of ``Logits`` (`C×H×W`); other pixels hold 0.
    static func probabilities(_ logits: Logits, pixels: some Sequence<Int>) -> [Double] {
        let classes = logits.classes, plane = logits.pixelCount
        var probabilities = [Double](repeating: 0, count: classes * plane)
        logits.values.withUnsafeBufferPointer { z in
            probabilities.withUnsafeMutableBufferPointer { p in
                for pixel in pixels {
                    var maximum = -Double.infinity
                    for c in 0..<classes { maximum = Swift.max(maximum, z[c * plane + pixel]) }
                    var total = 0.0
                    for c in 0..<classes {
                        let e = Double.exp(z[c * plane + pixel] - maximum)
                        p[c * plane + pixel] = e
                        total += e
                    }
                    for c in 0..<classes { p[c * plane + pixel] /= total }
                }
            }
        }
        return probabilities
    }

    /// `softmax(z)` of the kept pixels of `input`; ignored pixels hold 0.
    static func probabilities(_ input: LossInput) -> [Double] {
        probabilities(input.logits, pixels: input.keptPixels)
    }

    /// Turns `∂L/∂p` into `∂L/∂z` in place: `∂L/∂z_k = p_k·(∂L/∂p_k − Σ_j p_j·∂L/∂p_j)` for each kept pixel.
    static func backward(probabilities: [Double], gradient: inout [Double], input: LossInput) {
        let classes = input.logits.classes, plane = input.pixelCount
        probabilities.withUnsafeBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { g in
                for pixel in input.keptPixels {
                    var dot = 0.0
                    for c in 0..<classes { dot += p[c * plane + pixel] * g[c * plane + pixel] }
                    for c in 0..<classes {
                        let index = c * plane + pixel
                        g[index] = p[index] * (g[index] - dot)
                    }
                }
            }
        }
    }
}
