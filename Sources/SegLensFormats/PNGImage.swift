/// The contents of a PNG file, by colour type.
public enum PNGImage: Equatable, Sendable {
    /// A grayscale PNG of 1, 2, 4, 8 or 16 bits, samples unscaled (`maxValue = 2^bits − 1`).
    case gray(GrayImage)
    /// A palette PNG: indices as stored in the file, and the palette.
    case indexed(IndexedImage)
    /// An 8-bit RGB or RGBA PNG, alpha dropped.
    case color(ColorImage)
}
