import Foundation
import SegLensCore

/// How ←/→ move a parameter: linear steps for α, γ, the β shares, w0 (1) and σ (0.5 pixel), decades for smoothing, ratios for the
/// positive weight of weighted BCE. Every value stays inside ``SegLensCore/Loss/range(of:)``; α steps below 0
/// into `none` (no α weighting) and back.
public enum ParameterStepper {
    /// The value after one fine (`coarse == false`) or coarse step up (`direction > 0`) or down.
    public static func step(
        _ value: Double?, parameter: LossParameter, loss: Loss, direction: Int, coarse: Bool
    ) -> Double? {
        let range = loss.range(of: parameter)
        let up = direction > 0
        switch (parameter, loss) {
        case (.alpha, _):
            guard let value else { return up ? range.lowerBound : nil }
            if !up && value <= range.lowerBound { return nil }
            return linear(value, step: coarse ? 0.25 : 0.05, up: up, range: range)
        case (.beta, .weightedBCE):
            let ratio = coarse ? 2.0 : 1.25
            return clamp(rounded(up ? (value ?? 1) * ratio : (value ?? 1) / ratio), range)
        case (.smooth, _):
            return decade(value ?? 0, decades: coarse ? 3 : 1, up: up, range: range)
        case (.gamma, _):
            return linear(value ?? 0, step: coarse ? 1 : 0.25, up: up, range: range)
        case (.w0, _):
            return linear(value ?? 0, step: coarse ? 5 : 1, up: up, range: range)
        case (.sigma, _):
            return linear(value ?? 0, step: coarse ? 2 : 0.5, up: up, range: range)
        case (.beta, _):
            return linear(value ?? 0, step: coarse ? 0.2 : 0.05, up: up, range: range)
        }
    }

    private static func linear(_ value: Double, step: Double, up: Bool, range: ClosedRange<Double>) -> Double {
        clamp(rounded(up ? value + step : value - step), range)
    }

    /// Smoothing moves by powers of ten: … 1e−6, 1e−5, … 1; below 1e−8 it becomes 0, and 0 steps up to 1e−8.
    private static func decade(_ value: Double, decades: Int, up: Bool, range: ClosedRange<Double>) -> Double {
        let floorExponent = -8.0
        guard value > 0 else { return up ? clamp(Double.pow10(floorExponent + Double(decades - 1)), range) : 0 }
        let exponent = log10(value).rounded() + Double(up ? decades : -decades)
        if exponent < floorExponent { return 0 }
        return clamp(Double.pow10(exponent), range)
    }

    /// Rounds away the binary noise of decimal steps, so that 0.3 + 0.05 prints as 0.35.
    private static func rounded(_ value: Double) -> Double {
        (value * 1e9).rounded() / 1e9
    }

    private static func clamp(_ value: Double, _ range: ClosedRange<Double>) -> Double {
        min(max(value, range.lowerBound), range.upperBound)
    }
}

private extension Double {
    /// `10ⁿ` parsed from its decimal text, so that it is exactly the double `1e-5` rather than a rounded product.
    static func pow10(_ exponent: Double) -> Double {
        Double("1e\(Int(exponent))")!
    }
}
