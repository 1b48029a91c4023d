/// `border-bce`, the weighted cross-entropy of the reference article (U-Net, Ronneberger et al. 2015):
/// `L = (1/N) Σ_i w(x_i)·bce_i` over the N kept pixels, with `bce_i` the per-pixel term of `bce` and
/// `w(x) = w_c(x) + w0 · exp(−(d1(x) + d2(x))² / (2σ²))` the ``BorderWeightMap`` of the truth;
/// `∂L/∂z_i = w(x_i)·(p_i − y_i)/N`.
struct BorderBCELoss {
    var w0: Double
    var sigma: Double

    init(_ parameters: LossParameters) {
        w0 = parameters.w0
        sigma = parameters.sigma
    }

    func evaluate(_ prepared: PreparedInput, keepsGradient: Bool) -> PixelwiseOutputs {
        kernel(for: prepared.input).evaluate(prepared, keepsGradient: keepsGradient)
    }

    /// The BCE kernel with the weight map of `input`'s truth.
    func kernel(for input: LossInput) -> PixelwiseBinaryLoss {
        let map = BorderWeightMap.cached(for: input)
        return PixelwiseBinaryLoss(
            positiveWeight: 1, negativeWeight: 1, gamma: 0, pixelWeights: map.weights(w0: w0, sigma: sigma))
    }
}
