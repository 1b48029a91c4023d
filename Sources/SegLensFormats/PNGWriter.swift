import CLibPNG

/// Writes PNG files with libpng's simplified API.
public enum PNGWriter {
    /// The PNG bytes of `image`: 8-bit gray when `maxValue ≤ 255`, else 16-bit gray, samples stored as they are.
    public static func encode(_ image: GrayImage) throws(FormatError) -> [UInt8] {
        if image.maxValue > 255 {
            return try encode(width: image.width, height: image.height, format: PNG_FORMAT_FLAG_LINEAR, pixels: image.values)
        }
        let bytes = image.values.map { UInt8(truncatingIfNeeded: $0) }
        return try encode(width: image.width, height: image.height, format: 0, pixels: bytes)
    }

    /// The PNG bytes of a palette image (8-bit indices, every index must be below the palette size).
    public static func encode(_ image: IndexedImage) throws(FormatError) -> [UInt8] {
        let colormap = image.palette.flatMap { [$0.red, $0.green, $0.blue] }
        return try encode(
            width: image.width, height: image.height, format: PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_COLORMAP,
            pixels: image.indices, colormap: colormap)
    }

    /// Writes `image` (see ``encode(_:)-(GrayImage)``) to the file at `path` through ``AtomicFile``.
    public static func write(_ image: GrayImage, to path: String, overwrite: AtomicFile.Overwrite) throws(FormatError) {
        try write(path, overwrite) { () throws(FormatError) in try encode(image) }
    }

    /// Writes `image` (see ``encode(_:)-(IndexedImage)``) to the file at `path` through ``AtomicFile``.
    public static func write(_ image: IndexedImage, to path: String, overwrite: AtomicFile.Overwrite) throws(FormatError) {
        try write(path, overwrite) { () throws(FormatError) in try encode(image) }
    }

    /// Writes the bytes `encode` makes to `path`, naming `path` in its errors.
    private static func write(
        _ path: String, _ overwrite: AtomicFile.Overwrite, _ encode: () throws(FormatError) -> [UInt8]
    ) throws(FormatError) {
        do {
            try AtomicFile.write(try encode(), to: path, overwrite: overwrite)
        } catch {
            var error = error
            error.path = path
            throw error
        }
    }

    private static func encode<Sample>(
        width: Int, height: Int, format: UInt32, pixels: [Sample], colormap: [UInt8] = []
    ) throws(FormatError) -> [UInt8] {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        guard let width = UInt32(exactly: width), let height = UInt32(exactly: height), width > 0, height > 0 else {
            throw FormatError(kind: .cannotWrite, path: "<memory>", message: "a PNG needs 1 to 2^32 − 1 rows and columns")
        }
        image.width = width
        image.height = height
        image.format = format
        image.colormap_entries = UInt32(colormap.count / 3)
        var size = 0
        var output: [UInt8] = []
        let succeeded = pixels.withUnsafeBytes { input in
            colormap.withUnsafeBytes { map in
                // The first call measures, the second writes.
                guard png_image_write_to_memory(&image, nil, &size, 0, input.baseAddress, 0, map.baseAddress) != 0 else {
                    return false
                }
                output = [UInt8](repeating: 0, count: size)
                return output.withUnsafeMutableBytes { buffer in
                    png_image_write_to_memory(&image, buffer.baseAddress, &size, 0, input.baseAddress, 0, map.baseAddress) != 0
                }
            }
        }
        guard succeeded else {
            throw FormatError(kind: .cannotWrite, path: "<memory>", message: "libpng cannot encode the image: \(image.messageText)")
        }
        return Array(output.prefix(size))
    }
}
