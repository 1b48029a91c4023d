import SegLensCore

/// The optional `params:` line of a `.mask` file: the loss and parameter values the explorer starts with.
/// Every field is optional; a field left out keeps the explorer's default.
public struct MaskParameters: Sendable, Equatable {
    /// The focal α of the file: a weight, or `none` (no α weighting).
    public enum Alpha: Sendable, Equatable {
        /// `alpha=none`: every pixel weighs 1.
        case disabled
        /// `alpha=0.25`.
        case value(Double)

        /// The value ``SegLensCore/LossParameters/alpha`` takes: `nil` when disabled.
        public var lossValue: Double? {
            switch self {
            case .disabled: nil
            case let .value(value): value
            }
        }
    }

    /// A loss name of the file's mode, e.g. `"focal"` (see ``SegLensCore/Loss/named(_:mode:)``).
    public var loss: String?
    public var alpha: Alpha?
    public var gamma: Double?
    public var beta: Double?
    public var smooth: Double?
    public var w0: Double?
    public var sigma: Double?

    public init(
        loss: String? = nil, alpha: Alpha? = nil, gamma: Double? = nil, beta: Double? = nil, smooth: Double? = nil,
        w0: Double? = nil, sigma: Double? = nil
    ) {
        self.loss = loss
        self.alpha = alpha
        self.gamma = gamma
        self.beta = beta
        self.smooth = smooth
        self.w0 = w0
        self.sigma = sigma
    }

    /// True when no field is set (the writer then leaves the `params:` line out).
    public var isEmpty: Bool {
        loss == nil && alpha == nil && gamma == nil && beta == nil && smooth == nil && w0 == nil && sigma == nil
    }

    /// `base` with every value this line sets put over it.
    public func applied(to base: LossParameters) -> LossParameters {
        var result = base
        if let alpha { result.alpha = alpha.lossValue }
        if let gamma { result.gamma = gamma }
        if let beta { result.beta = beta }
        if let smooth { result.smooth = smooth }
        if let w0 { result.w0 = w0 }
        if let sigma { result.sigma = sigma }
        return result
    }
}
