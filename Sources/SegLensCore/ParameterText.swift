import Foundation

extension LossParameters {
    /// The parameters `loss` reads as text, e.g. `α=0.25 γ=2` or `β=0.3 (FP×0.3, FN×0.7) s=1e-05`.
    /// Tversky's β is followed by the weights it gives false positives and false negatives, since libraries
    /// disagree on which of their two weights is which.
    public func text(for loss: Loss) -> String {
        loss.parameters.map { parameter in
            let value = self[parameter].map(Self.compact) ?? "none"
            var text = "\(parameter.symbol)=\(value)"
            if parameter == .beta, loss.weighsFalsePositivesWithBeta {
                text += " (FP×\(Self.compact(beta)), FN×\(Self.compact(falseNegativeWeight)))"
            }
            return text
        }.joined(separator: " ")
    }

    /// Tversky's weight of false negatives, 1 − β, rounded to 12 significant digits so that β = 0.7 shows 0.3
    /// rather than the 0.30000000000000004 of binary floating point.
    public var falseNegativeWeight: Double {
        Double(String(format: "%.12g", 1 - beta)) ?? 1 - beta
    }

    /// A number in the fewest characters that read back to it: `2`, `0.25`, `1e-05`.
    public static func compact(_ value: Double) -> String {
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

extension Loss {
    /// True for the Tversky family, where β weighs false positives and 1−β false negatives.
    public var weighsFalsePositivesWithBeta: Bool {
        self == .tversky || self == .focalTversky || self == .multiclassTversky
    }
}
