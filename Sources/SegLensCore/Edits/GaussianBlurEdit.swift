import RealModule

/// A separable Gaussian blur of σ pixels, rows then columns, the kernel truncated at `R = ⌈3σ⌉` and edge pixels
/// repeating.
///
/// Weights `w_k = exp(−k²/(2σ²)) / Σ_j exp(−j²/(2σ²))` for `k ∈ −R…R`; each pass computes
/// `x'_i = x_i + Σ_k w_k·(x_{clamp(i+k)} − x_i)`, which equals `Σ_k w_k·x_{clamp(i+k)}` (the weights sum to 1)
/// and returns a constant image exactly. `σ = 0` is the identity.
public enum GaussianBlurEdit {
    /// The normalized kernel `w_{−R…R}` of σ (one weight of 1 for σ = 0).
    public static func kernel(sigma: Double) -> [Double] {
        precondition(sigma >= 0 && sigma.isFinite, "σ must be finite and non-negative")
        guard sigma > 0 else { return [1] }
        let radius = Int((3 * sigma).rounded(.up))
        let raw = (-radius...radius).map { k in Double.exp(-Double(k * k) / (2 * sigma * sigma)) }
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }

    /// `planes` images of `height × width` values, each blurred.
    public static func blurred(_ values: [Double], planes: Int = 1, height: Int, width: Int, sigma: Double) -> [Double] {
        precondition(values.count == planes * height * width, "values must hold planes × height × width elements")
        guard sigma > 0, height > 0, width > 0 else { return values }
        let weights = kernel(sigma: sigma), radius = weights.count / 2
        var rows = values
        // Rows: along each line of `width` values.
        for line in 0..<(planes * height) {
            let start = line * width
            for column in 0..<width {
                let center = values[start + column]
                var change = 0.0
                for (index, weight) in weights.enumerated() {
                    let source = min(max(column + index - radius, 0), width - 1)
                    change += weight * (values[start + source] - center)
                }
                rows[start + column] = center + change
            }
        }
        var result = rows
        // Columns: within each plane.
        for plane in 0..<planes {
            let offset = plane * height * width
            for row in 0..<height {
                for column in 0..<width {
                    let center = rows[offset + row * width + column]
                    var change = 0.0
                    for (index, weight) in weights.enumerated() {
                        let source = min(max(row + index - radius, 0), height - 1)
                        change += weight * (rows[offset + source * width + column] - center)
                    }
                    result[offset + row * width + column] = center + change
                }
            }
        }
        return result
    }
}
