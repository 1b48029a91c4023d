import SegLensCore

/// A palette image (Pascal VOC style): one palette index per pixel, row-major, and the palette.
public struct IndexedImage: Equatable, Sendable {
    public let height: Int
    public let width: Int
    /// Row-major palette indices, `indices[row * width + column]`.
    public var indices: [UInt8]
    /// The colour of each index; 1 to 256 entries.
    public var palette: [RGB]

    public init(height: Int, width: Int, indices: [UInt8], palette: [RGB]) {
        precondition(height >= 0 && width >= 0 && indices.count == height * width, "index count must be height × width")
        precondition((1...256).contains(palette.count), "a palette has 1 to 256 colours")
        self.height = height
        self.width = width
        self.indices = indices
        self.palette = palette
    }

    /// The indices as class ids (255, the VOC boundary, stays 255: use it as the ignore index).
    public var labelMap: LabelMap {
        LabelMap(height: height, width: width, labels: indices.map(Int32.init))
    }
}
