import RealModule

/// Every pixel to its predicted class, with the probabilities of the reference article's Keras clip.
///
/// Binary: `p = 1 − 1e−7` where `z ≥ 0`, else `p = 1e−7` (`z = ±log((1−1e−7)/1e−7)`). Multi-class: the argmax
/// (the first maximum on a tie) gets `p = 1 − (C−1)·1e−7` and every other class `1e−7`, so the probabilities
/// still sum to 1, and `z = log p`.
public enum HardenEdit {
    /// The clip of the article's code.
    public static let floor = 1e-7

    public static func hardened(_ values: [Double], classes: Int, pixels: Int) -> [Double] {
        precondition(values.count == classes * pixels, "values must hold classes × pixels elements")
        if classes == 1 {
            let confident = Double.log(1 - floor) - Double.log(floor)
            return values.map { $0 >= 0 ? confident : -confident }
        }
        let winner = Double.log(1 - Double(classes - 1) * floor), loser = Double.log(floor)
        var result = [Double](repeating: loser, count: values.count)
        for pixel in 0..<pixels {
            var best = 0
            for c in 1..<classes where values[c * pixels + pixel] > values[best * pixels + pixel] { best = c }
            result[best * pixels + pixel] = winner
        }
        return result
    }
}
