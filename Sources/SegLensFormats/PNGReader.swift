import CLibPNG

/// Reads PNG files with libpng's simplified API (no `longjmp` crosses Swift code).
///
/// Grayscale PNGs of 1–16 bits keep their stored sample values; palette PNGs keep their indices (checked against
/// duplicate colours and short palettes by the tests); 8-bit RGB and RGBA PNGs give colours, alpha dropped.
/// Refused: gray with alpha, 16-bit colour. libpng applies a gAMA chunk that differs from sRGB, so files with one
/// may not keep their values.
public enum PNGReader {
    /// Reads the PNG file at `path`.
    public static func read(path: String, limits: ReadLimits = ReadLimits()) throws(FormatError) -> PNGImage {
        try read(bytes: FileBytes.read(path), path: path, limits: limits)
    }

    /// Reads a PNG file held in memory; `path` names it in errors.
    public static func read(bytes: [UInt8], path: String = "<memory>", limits: ReadLimits = ReadLimits()) throws(FormatError) -> PNGImage {
        let header = try PNGHeader(bytes: bytes, path: path)
        let (pixels, overflow) = header.width.multipliedReportingOverflow(by: header.height)
        guard !overflow else { throw FormatError(path: path, position: .byteOffset(16), message: "the image size is too large") }
        try limits.check(pixels, path: path, position: .byteOffset(16))

        func fail(_ message: String) -> FormatError { FormatError(path: path, message: message) }
        switch (header.colorType, header.bitDepth) {
        case (PNGHeader.gray, 16):
            let samples: [UInt16] = try decode(bytes, format: PNG_FORMAT_FLAG_LINEAR, channels: 1, pixels: pixels, path: path).samples
            return .gray(GrayImage(height: header.height, width: header.width, maxValue: 65535, values: samples))
        case (PNGHeader.gray, _):
            // The simplified API scales 1, 2 and 4-bit samples to 8 bits exactly (× 255, 85, 17): undo it.
            let maxValue = (1 << header.bitDepth) - 1
            let scale = UInt8(255 / maxValue)
            let samples: [UInt8] = try decode(bytes, format: 0, channels: 1, pixels: pixels, path: path).samples
            let values = samples.map { UInt16($0 / scale) }
            return .gray(GrayImage(height: header.height, width: header.width, maxValue: maxValue, values: values))
        case (PNGHeader.palette, _):
            let format = PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_COLORMAP
            let (indices, colormap): ([UInt8], [UInt8]) = try decode(bytes, format: format, channels: 1, pixels: pixels, path: path)
            let palette = stride(from: 0, to: colormap.count, by: 3).map {
                RGB(red: colormap[$0], green: colormap[$0 + 1], blue: colormap[$0 + 2])
            }
            guard palette.count == header.paletteSize, indices.allSatisfy({ Int($0) < palette.count }) else {
                throw fail("libpng did not keep the palette indices of this file")
            }
            return .indexed(IndexedImage(height: header.height, width: header.width, indices: indices, palette: palette))
        case (PNGHeader.rgb, 8), (PNGHeader.rgba, 8):
            // Alpha is read (8-bit sRGB output is not premultiplied) and dropped, so that libpng composites nothing.
            let hasAlpha = header.colorType == PNGHeader.rgba
            let channels = hasAlpha ? 4 : 3
            let format = PNG_FORMAT_FLAG_COLOR | (hasAlpha ? PNG_FORMAT_FLAG_ALPHA : 0)
            let samples: [UInt8] = try decode(bytes, format: format, channels: channels, pixels: pixels, path: path).samples
            let colors = stride(from: 0, to: samples.count, by: channels).map {
                RGB(red: samples[$0], green: samples[$0 + 1], blue: samples[$0 + 2])
            }
            return .color(ColorImage(height: header.height, width: header.width, pixels: colors))
        case (PNGHeader.rgb, _), (PNGHeader.rgba, _):
            throw fail("16-bit colour PNGs are not supported")
        default:
            throw fail("grayscale PNGs with an alpha channel are not supported")
        }
    }

    /// Decodes `bytes` into `format` (`channels` samples of `Sample` per pixel) and, for a colour-mapped format,
    /// the RGB colour map.
    private static func decode<Sample: FixedWidthInteger>(
        _ bytes: [UInt8], format: UInt32, channels: Int, pixels: Int, path: String
    ) throws(FormatError) -> (samples: [Sample], colormap: [UInt8]) {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        var samples = [Sample](repeating: 0, count: pixels * channels)
        var colormap = [UInt8](repeating: 0, count: format & PNG_FORMAT_FLAG_COLORMAP != 0 ? 256 * 3 : 0)
        let succeeded = bytes.withUnsafeBytes { input in  // the input must stay alive until the read finishes
            guard png_image_begin_read_from_memory(&image, input.baseAddress, input.count) != 0 else { return false }
            image.format = format
            return samples.withUnsafeMutableBytes { buffer in
                colormap.withUnsafeMutableBytes { map in
                    png_image_finish_read(&image, nil, buffer.baseAddress, 0, map.baseAddress) != 0
                }
            }
        }
        guard succeeded else { throw libpngError(image, path: path) }
        return (samples, Array(colormap.prefix(Int(image.colormap_entries) * 3)))
    }

    private static func libpngError(_ image: png_image, path: String) -> FormatError {
        FormatError(path: path, message: "invalid PNG file (libpng: \(image.messageText))")
    }
}
