extension LossInput {
    /// The class the prediction gives `pixel`: `z ≥ 0` (`p ≥ 0.5`) for binary input, otherwise the argmax of the
    /// logits, the first maximum winning a tie.
    @inline(__always)
    public func predictedClass(at pixel: Int) -> Int {
        let values = logits.values
        if mode == .binary { return values[pixel] >= 0 ? 1 : 0 }
        let plane = pixelCount
        var best = 0
        for c in 1..<logits.classes where values[c * plane + pixel] > values[best * plane + pixel] { best = c }
        return best
    }

    /// The predicted probabilities: `σ(z)` per pixel (binary, `H×W`) or `softmax(z)` (`C×H×W`); ignored pixels
    /// are included, so the whole prediction can be shown.
    public func probabilities() -> [Double] {
        if mode == .binary { return logits.values.map(StableMath.sigmoid) }
        return Softmax.probabilities(logits, pixels: 0..<pixelCount)
    }
}
