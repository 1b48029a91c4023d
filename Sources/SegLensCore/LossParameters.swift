/// Values of α, γ, β and smooth. A loss reads only the ones in ``Loss/parameters``; the others are ignored.
public struct LossParameters: Sendable, Hashable {
    /// `nil` means no α weighting (every pixel weighs 1).
    public var alpha: Double?
    public var gamma: Double
    public var beta: Double
    public var smooth: Double

    public init(alpha: Double? = 0.25, gamma: Double = 2, beta: Double = 0.3, smooth: Double = 1e-5) {
        self.alpha = alpha
        self.gamma = gamma
        self.beta = beta
        self.smooth = smooth
    }

    public subscript(parameter: LossParameter) -> Double? {
        get {
            switch parameter {
            case .alpha: alpha
            case .gamma: gamma
            case .beta: beta
            case .smooth: smooth
            }
        }
        set {
            switch parameter {
            case .alpha: alpha = newValue
            case .gamma: gamma = newValue ?? gamma
            case .beta: beta = newValue ?? beta
            case .smooth: smooth = newValue ?? smooth
            }
        }
    }
}
