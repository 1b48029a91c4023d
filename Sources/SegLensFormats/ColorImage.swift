/// A colour image read from an RGB or RGBA PNG (alpha dropped): one colour per pixel, row-major.
public struct ColorImage: Equatable, Sendable {
    public let height: Int
    public let width: Int
    /// Row-major colours, `pixels[row * width + column]`.
    public var pixels: [RGB]

    public init(height: Int, width: Int, pixels: [RGB]) {
        precondition(height >= 0 && width >= 0 && pixels.count == height * width, "pixel count must be height × width")
        self.height = height
        self.width = width
        self.pixels = pixels
    }
}
