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

}
