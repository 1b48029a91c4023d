/// A grayscale image read from a PGM or PNG file: one sample per pixel, `0…maxValue`, stored row-major.
public struct GrayImage: Equatable, Sendable {
    public let height: Int
    public let width: Int
    /// The largest value a sample may take: 255 for 8-bit images, 65535 for 16-bit, `2^bits − 1` for fewer bits.
    public let maxValue: Int
    /// Row-major samples, `values[row * width + column]`, each in `0…maxValue`.
    public var values: [UInt16]

    /// An image of `height × width` samples; `maxValue` must lie in `1…65535`.
    public init(height: Int, width: Int, maxValue: Int, values: [UInt16]) {
        precondition(height >= 0 && width >= 0 && values.count == height * width, "sample count must be height × width")
        precondition((1...65535).contains(maxValue), "maxValue must lie in 1…65535")
        self.height = height
        self.width = width
        self.maxValue = maxValue
        self.values = values
    }
}
