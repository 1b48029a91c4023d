/// One loss's per-pixel maps as the explorer draws them, in Float32 (`H×W` each, 0 at ignored pixels): the
/// gradient's per-pixel norm `|∂L/∂z_i|`, the weight (explicit for a pixel-wise loss, implicit
/// `(∂L/∂z_i) / (∂BCE/∂z_i)` otherwise, see ``LossResult/weight``) and, for a pixel-wise loss, the per-pixel term —
/// each only when asked for (the explorer asks for the one its heatmap shows).
///
/// Float32 keeps 7 significant digits, more than a colour or a 4-digit legend shows, in half the bytes of
/// ``LossResult``'s Float64 maps: 4 bytes a pixel per map.
public struct DrawnMaps: Sendable, Equatable {
    /// One of the maps.
    public enum Kind: Sendable, Hashable, CaseIterable {
        case gradientMagnitude, weight, pixelLoss
    }

    public let gradientMagnitude: [Float]?
    public let weight: [Float]?
    /// Also `nil` for the losses that are not a mean of pixel terms.
    public let pixelLoss: [Float]?
    /// The smallest and largest entry of each map, 0 always included (ignored pixels hold 0): a heatmap's scale,
    /// found once here in a parallel pass rather than on every frame.
    public let gradientMagnitudeSpan: Span?, weightSpan: Span?, pixelLossSpan: Span?

    /// `low ≤ 0 ≤ high`.
    public struct Span: Sendable, Equatable {
        public var low: Float
        public var high: Float
    }

    public init(gradientMagnitude: [Float]?, weight: [Float]?, pixelLoss: [Float]?) {
        self.gradientMagnitude = gradientMagnitude
        self.weight = weight
        self.pixelLoss = pixelLoss
        gradientMagnitudeSpan = gradientMagnitude.map(Self.span)
        weightSpan = weight.map(Self.span)
        pixelLossSpan = pixelLoss.map(Self.span)
    }

    /// No map.
    public static let none = DrawnMaps(gradientMagnitude: nil, weight: nil, pixelLoss: nil)

    /// The maps of `kinds` of an exact evaluation, rounded to Float32.
    public init(_ result: LossResult, kinds: Set<Kind> = Set(Kind.allCases)) {
        self.init(
            gradientMagnitude: kinds.contains(.gradientMagnitude) ? result.gradientMagnitude.map(Float.init) : nil,
            weight: kinds.contains(.weight) ? result.weight.map(Float.init) : nil,
            pixelLoss: kinds.contains(.pixelLoss) ? result.pixelLoss?.map(Float.init) : nil)
    }

    /// The map of `kind`, if it was drawn.
    public subscript(kind: Kind) -> [Float]? {
        switch kind {
        case .gradientMagnitude: gradientMagnitude
        case .weight: weight
        case .pixelLoss: pixelLoss
        }
    }

    /// The span of the map of `kind`, if it was drawn.
    public func span(of kind: Kind) -> Span? {
        switch kind {
        case .gradientMagnitude: gradientMagnitudeSpan
        case .weight: weightSpan
        case .pixelLoss: pixelLossSpan
        }
    }

    /// The bytes the maps hold.
    public var byteCount: Int {
        MemoryLayout<Float>.stride * ((gradientMagnitude?.count ?? 0) + (weight?.count ?? 0) + (pixelLoss?.count ?? 0))
    }

    /// The smallest and largest of `values` and 0, eight lanes at a time in parallel chunks (NaN-free maps).
    static func span(_ values: [Float]) -> Span {
        values.withUnsafeBufferPointer { buffer in
            ParallelChunks.map(count: buffer.count) { range in
                var low = SIMD8<Float>.zero, high = SIMD8<Float>.zero
                var index = range.lowerBound
                while index + 8 <= range.upperBound {
                    let lanes = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: SIMD8<Float>.self)
                    low = low.replacing(with: lanes, where: lanes .< low)
                    high = high.replacing(with: lanes, where: lanes .> high)
                    index += 8
                }
                var span = Span(low: low.min(), high: high.max())
                while index < range.upperBound {
                    span.low = Swift.min(span.low, buffer[index])
                    span.high = Swift.max(span.high, buffer[index])
                    index += 1
                }
                return span
            }.reduce(Span(low: 0, high: 0)) { Span(low: Swift.min($0.low, $1.low), high: Swift.max($0.high, $1.high)) }
        }
    }
}
