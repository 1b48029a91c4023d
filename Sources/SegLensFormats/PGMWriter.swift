/// Writes binary (`P5`) PGM files.
public enum PGMWriter {
    /// The `P5` bytes of `image`: one byte per sample when `maxValue ≤ 255`, else two (most significant first).
    public static func encode(_ image: GrayImage) -> [UInt8] {
        var bytes = Array("P5\n\(image.width) \(image.height)\n\(image.maxValue)\n".utf8)
        if image.maxValue > 255 {
            bytes.reserveCapacity(bytes.count + 2 * image.values.count)
            for value in image.values {
                bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
            }
        } else {
            bytes += image.values.map { UInt8(truncatingIfNeeded: $0) }
        }
        return bytes
    }

    /// Writes `image` (see ``encode(_:)``) to the file at `path` through ``AtomicFile``.
    public static func write(_ image: GrayImage, to path: String, overwrite: AtomicFile.Overwrite) throws(FormatError) {
        try AtomicFile.write(encode(image), to: path, overwrite: overwrite)
    }
}
