import RealModule

/// A model's prediction as logits `z`, laid out `(C, H, W)` in C order; a binary prediction has `C = 1`.
///
/// All losses and gradients of seglens are taken with respect to these values.
public struct Logits: Sendable, Equatable {
    public let classes: Int
    public let height: Int
    public let width: Int
    /// `values[(c * height + row) * width + column]`.
    public var values: [Double]

    public init(classes: Int, height: Int, width: Int, values: [Double]) {
        precondition(classes >= 1 && height >= 0 && width >= 0, "logits need at least one channel")
        precondition(values.count == classes * height * width, "value count must be C × H × W")
        self.classes = classes
        self.height = height
        self.width = width
        self.values = values
    }

    /// Logits from probabilities, following the conventions of seglens:
    /// binary (`C = 1`) `p` is clamped to `[1e−7, 1−1e−7]` and `z = log p − log(1−p)`;
    /// multi-class `p` is clamped to `[1e−7, 1]` and `z = log p` (softmax ignores the missing constant).
    ///
    /// Range checking is the job of ``LossInput``; this conversion only clamps.
    public init(probabilities: [Double], classes: Int, height: Int, width: Int) {
        let converted: [Double]
        if classes == 1 {
            converted = probabilities.map { p in
                let clamped = Swift.min(Swift.max(p, Logits.probabilityFloor), 1 - Logits.probabilityFloor)
                return Double.log(clamped) - Double.log(onePlus: -clamped)
            }
        } else {
            converted = probabilities.map { p in Double.log(Swift.min(Swift.max(p, Logits.probabilityFloor), 1)) }
        }
        self.init(classes: classes, height: height, width: width, values: converted)
    }

    /// The clamp applied to probabilities before they become logits.
    public static let probabilityFloor = 1e-7

    public var pixelCount: Int { height * width }
    public var isBinary: Bool { classes == 1 }

    public subscript(channel: Int, row: Int, column: Int) -> Double {
        values[(channel * height + row) * width + column]
    }
}
