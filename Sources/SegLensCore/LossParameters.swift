/// Values of α, γ, β, smooth, w0 and σ. A loss reads only the ones in ``Loss/parameters``; the others are ignored.
public struct LossParameters: Sendable, Hashable {
    /// `nil` means no α weighting (every pixel weighs 1).
    public var alpha: Double?
    public var gamma: Double
    public var beta: Double
    public var smooth: Double
    public var w0: Double
    public var sigma: Double

    public init(
        alpha: Double? = 0.25, gamma: Double = 2, beta: Double = 0.3, smooth: Double = 1e-5, w0: Double = 10,
        sigma: Double = 5
    ) {
        self.alpha = alpha
        self.gamma = gamma
        self.beta = beta
        self.smooth = smooth
        self.w0 = w0
        self.sigma = sigma
    }

    public subscript(parameter: LossParameter) -> Double? {
        get {
            switch parameter {
            case .alpha: alpha
            case .gamma: gamma
            case .beta: beta
            case .smooth: smooth
            case .w0: w0
            case .sigma: sigma
            }
        }
        set {
            switch parameter {
            case .alpha: alpha = newValue
            case .gamma: gamma = newValue ?? gamma
            case .beta: beta = newValue ?? beta
            case .smooth: smooth = newValue ?? smooth
            case .w0: w0 = newValue ?? w0
            case .sigma: sigma = newValue ?? sigma
            }
        }
    }
}
