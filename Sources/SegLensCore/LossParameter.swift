/// A tunable parameter of a loss.
public enum LossParameter: String, Sendable, CaseIterable {
    /// Focal class balance: weight α on positives (binary) or on classes ≥ 1 (multi-class), 1−α on the rest.
    case alpha
    /// Focal exponent on `(1 − p_t)`, or the focal-Tversky exponent on `(1 − TI)`.
    case gamma
    /// Positive weight (weighted BCE), positive share (balanced BCE) or false-positive weight (Tversky, FN gets 1−β).
    case beta
    /// Additive smoothing `s` of the region losses (numerator and denominator).
    case smooth
    /// Height `w0` of the U-Net border term of `border-bce`.
    case w0
    /// Width `σ` (pixels) of the U-Net border term of `border-bce`.
    case sigma

    /// The Greek letter or word shown for the parameter.
    public var symbol: String {
        switch self {
        case .alpha: "α"
        case .gamma: "γ"
        case .beta: "β"
        case .smooth: "s"
        case .w0: "w0"
        case .sigma: "σ"
        }
    }
}
