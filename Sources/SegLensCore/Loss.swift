/// One loss of the seglens catalogue (see docs/losses.md and the conventions it follows).
public enum Loss: Sendable, Hashable, CaseIterable {
    case bce, weightedBCE, balancedBCE, borderBCE, binaryFocal, dice, diceSquared, iou, tversky, focalTversky, lovaszHinge
    case crossEntropy, multiclassFocal, multiclassDice, multiclassIoU, multiclassTversky, lovaszSoftmax

    /// The name used on the command line and in JSON; unique within a mode.
    public var name: String {
        switch self {
        case .bce: "bce"
        case .weightedBCE: "weighted-bce"
        case .balancedBCE: "balanced-bce"
        case .borderBCE: "border-bce"
        case .binaryFocal, .multiclassFocal: "focal"
        case .dice, .multiclassDice: "dice"
        case .diceSquared: "dice-squared"
        case .iou, .multiclassIoU: "iou"
        case .tversky, .multiclassTversky: "tversky"
        case .focalTversky: "focal-tversky"
        case .lovaszHinge: "lovasz-hinge"
        case .crossEntropy: "ce"
        case .lovaszSoftmax: "lovasz-softmax"
        }
    }

    public var mode: SegmentationMode {
        switch self {
        case .bce, .weightedBCE, .balancedBCE, .borderBCE, .binaryFocal, .dice, .diceSquared, .iou, .tversky,
             .focalTversky, .lovaszHinge:
            .binary
        case .crossEntropy, .multiclassFocal, .multiclassDice, .multiclassIoU, .multiclassTversky, .lovaszSoftmax:
            .multiclass
        }
    }

    /// Every loss of a mode, in catalogue order.
    public static func catalogue(_ mode: SegmentationMode) -> [Loss] {
        allCases.filter { $0.mode == mode }
    }

    /// The loss called `name` in `mode`, if any.
    public static func named(_ name: String, mode: SegmentationMode) -> Loss? {
        catalogue(mode).first { $0.name == name }
    }

    /// True for the losses that are a mean of per-pixel terms (they have a per-pixel loss map).
    public var isPixelwise: Bool {
        switch self {
        case .bce, .weightedBCE, .balancedBCE, .borderBCE, .binaryFocal, .crossEntropy, .multiclassFocal: true
        default: false
        }
    }

    /// The parameters this loss reads, in display order.
    public var parameters: [LossParameter] {
        switch self {
        case .bce, .crossEntropy, .lovaszHinge, .lovaszSoftmax: []
        case .weightedBCE, .balancedBCE: [.beta]
        case .borderBCE: [.w0, .sigma]
        case .binaryFocal, .multiclassFocal: [.alpha, .gamma]
        case .dice, .diceSquared, .iou, .multiclassDice, .multiclassIoU: [.smooth]
        case .tversky, .multiclassTversky: [.beta, .smooth]
        case .focalTversky: [.beta, .gamma, .smooth]
        }
    }

    /// The parameter values the conventions prescribe when none are given.
    public var defaultParameters: LossParameters {
        switch self {
        case .weightedBCE: LossParameters(beta: 1)
        case .balancedBCE: LossParameters(beta: 0.5)
        case .binaryFocal: LossParameters(alpha: 0.25, gamma: 2)
        case .multiclassFocal: LossParameters(alpha: nil, gamma: 2)
        case .focalTversky: LossParameters(gamma: 0.75, beta: 0.3)
        default: LossParameters()
        }
    }

    /// The values a parameter may take for this loss.
    public func range(of parameter: LossParameter) -> ClosedRange<Double> {
        switch (self, parameter) {
        case (.weightedBCE, .beta): 1e-3...1e3
        case (_, .alpha), (_, .beta): 0...1
        case (_, .gamma): 0...10
        case (_, .smooth): 0...1e3
        case (_, .w0): 0...100
        case (_, .sigma): 0.5...100
        }
    }

    /// A one-line formula of the loss, as docs/losses.md writes it.
    public var formula: String {
        switch self {
        case .bce: "mean softplus(−z)·y + softplus(z)·(1−y)"
        case .weightedBCE: "mean β·y·softplus(−z) + (1−y)·softplus(z)"
        case .balancedBCE: "mean β·y·softplus(−z) + (1−β)(1−y)·softplus(z)"
        case .borderBCE: "mean w·bce, w = w_c + w0·exp(−(d1+d2)²/2σ²)"
        case .binaryFocal: "mean α_t (1−p_t)^γ · bce"
        case .dice: "1 − (2TP + s)/(Σy + Σp + s)"
        case .diceSquared: "1 − (2TP + s)/(Σy² + Σp² + s)"
        case .iou: "1 − (TP + s)/(Σy + Σp − TP + s)"
        case .tversky: "1 − (TP + s)/(TP + β·FP + (1−β)·FN + s)"
        case .focalTversky: "(1 − TI)^γ"
        case .lovaszHinge: "Σ relu(e_sorted)·Δ_Jaccard, e = 1 − z·(2y−1)"
        case .crossEntropy: "mean −log p_y"
        case .multiclassFocal: "mean −α_t (1−p_t)^γ log p_t"
        case .multiclassDice: "mean over classes of dice"
        case .multiclassIoU: "mean over classes of iou"
        case .multiclassTversky: "mean over classes of tversky"
        case .lovaszSoftmax: "mean over present classes of Σ e_sorted·Δ_Jaccard, e = |1[y=c] − p_c|"
        }
    }
}
