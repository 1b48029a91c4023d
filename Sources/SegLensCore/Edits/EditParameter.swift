/// One tunable what-if edit, in the order ``PredictionEdits`` applies them (the shift's two axes are two entries).
public enum EditParameter: String, Sendable, CaseIterable {
    case shiftX = "shift", shiftY = "shift-y", dilate, blur, temperature, noise, harden

    /// The values the command line and the explorer accept.
    public var range: ClosedRange<Double> {
        switch self {
        case .shiftX, .shiftY: -10_000...10_000
        case .dilate: -100...100
        case .blur: 0...50
        case .temperature: 1e-3...1e3
        case .noise: 0...100
        case .harden: 0...1
        }
    }

    /// True for the edits that take whole numbers.
    public var isInteger: Bool { self == .shiftX || self == .shiftY || self == .dilate || self == .harden }

    /// The name shown in the explorer.
    public var label: String {
        switch self {
        case .shiftX: "shift x"
        case .shiftY: "shift y"
        case .dilate: "dilate/erode"
        case .blur: "blur σ"
        case .temperature: "temperature T"
        case .noise: "noise σ"
        case .harden: "harden"
        }
    }
}
