/// Gaussian noise of standard deviation σ added to the logits: `z' = z + σ·n`, with `n` standard normal numbers
/// drawn from a seed, the same on every machine.
///
/// The numbers: ``SplitMix64`` from the seed gives 53-bit uniforms `u = (k + 1)·2⁻⁵³ ∈ (0, 1]` and
/// `v = k·2⁻⁵³ ∈ [0, 1)`; Box–Muller turns each pair into `√(−2 ln u)·cos 2πv` and `√(−2 ln u)·sin 2πv`, computed
/// with ``PortableMath`` so no C library's rounding enters. They are added in the logits' order
/// (class, row, column). `σ = 0` is the identity.
public enum GaussianNoiseEdit {
    public static func noisy(_ values: [Double], sigma: Double, seed: UInt64) -> [Double] {
        precondition(sigma >= 0 && sigma.isFinite, "σ must be finite and non-negative")
        guard sigma > 0 else { return values }
        let normals = standardNormals(count: values.count, seed: seed)
        return zip(values, normals).map { $0 + sigma * $1 }
    }

    /// The first `count` standard normal numbers of `seed`.
    public static func standardNormals(count: Int, seed: UInt64) -> [Double] {
        var random = SplitMix64(seed: seed)
        var result: [Double] = []
        result.reserveCapacity(count + 1)
        let scale = 1.0 / 9007199254740992.0  // 2⁻⁵³
        while result.count < count {
            let u = Double((random.next() >> 11) + 1) * scale
            let v = Double(random.next() >> 11) * scale
            let radius = (-2 * PortableMath.log(u)).squareRoot()
            let (cosine, sine) = PortableMath.cosSinOfTurn(v)
            result.append(radius * cosine)
            result.append(radius * sine)
        }
        return Array(result.prefix(count))
    }
}
