/// One loss's per-pixel maps as the explorer draws them, in Float32 (`H×W` each, 0 at ignored pixels): the
/// gradient's per-pixel norm `|∂L/∂z_i|`, the weight (explicit for a pixel-wise loss, implicit
/// `(∂L/∂z_i) / (∂BCE/∂z_i)` otherwise, see ``LossResult/weight``) and, for a pixel-wise loss, the per-pixel term.
///
/// Float32 keeps 7 significant digits, more than a colour or a 4-digit legend shows, in half the bytes of
/// ``LossResult``'s Float64 maps: 12 bytes a pixel for a pixel-wise loss, 8 for the others.
public struct DrawnMaps: Sendable, Equatable {
    public var gradientMagnitude: [Float]
    public var weight: [Float]
    /// `nil` for the losses that are not a mean of pixel terms.
    public var pixelLoss: [Float]?

    public init(gradientMagnitude: [Float], weight: [Float], pixelLoss: [Float]?) {
        self.gradientMagnitude = gradientMagnitude
        self.weight = weight
        self.pixelLoss = pixelLoss
    }

    /// The maps of an exact evaluation, rounded to Float32.
    public init(_ result: LossResult) {
        gradientMagnitude = result.gradientMagnitude.map(Float.init)
        weight = result.weight.map(Float.init)
        pixelLoss = result.pixelLoss?.map(Float.init)
    }

    /// The bytes the maps hold.
    public var byteCount: Int {
        MemoryLayout<Float>.stride * (gradientMagnitude.count + weight.count + (pixelLoss?.count ?? 0))
    }
}
