/// `∂L/∂p_c` at one pixel, as the softmax backward pass reads it.
protocol ProbabilitySlopes {
    /// `∂L/∂p_c` at `pixel`, whose probability of class c is `probability`; `isLabel` when c is its true class.
    func slope(class c: Int, pixel: Int, probability: Double, isLabel: Bool) -> Double
}
