import CZlib

/// What seglens needs to know of a PNG before libpng decodes it: size, bit depth, colour type, palette size.
struct PNGHeader {
    static let gray: UInt8 = 0, rgb: UInt8 = 2, palette: UInt8 = 3, rgba: UInt8 = 6
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    let width: Int
    let height: Int
    let bitDepth: Int
    let colorType: UInt8
    /// Number of PLTE entries, 0 when the chunks before the image data hold no palette.
    let paletteSize: Int

    /// Reads the signature and IHDR chunk, and walks every chunk up to IEND: each must fit in the file and match its
    /// CRC-32, so that a truncated or corrupt file is named with the byte offset of the chunk at fault (libpng's
    /// own messages carry none). PLTE gives the palette size; the validity of the other values is left to libpng.
    init(bytes: [UInt8], path: String) throws(FormatError) {
        func uint32(at offset: Int) -> Int {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        func fail(_ offset: Int, _ message: String) -> FormatError {
            FormatError(path: path, position: .byteOffset(offset), message: message)
        }
        guard bytes.starts(with: Self.signature) else { throw fail(0, "not a PNG file (bad signature)") }
        guard bytes.count >= 33, bytes[12..<16].elementsEqual("IHDR".utf8) else {
            throw fail(8, "invalid PNG file: no IHDR chunk first")
        }
        width = uint32(at: 16)
        height = uint32(at: 20)
        guard width > 0, height > 0 else { throw fail(16, "invalid PNG file: the image is \(width)×\(height) pixels") }
        bitDepth = Int(bytes[24])
        colorType = bytes[25]
        var paletteSize = 0
        var offset = 8
        while true {
            guard offset + 12 <= bytes.count else {
                throw fail(bytes.count, "truncated PNG file: it ends before the IEND chunk")
            }
            let length = uint32(at: offset)
            let type = bytes[offset + 4..<offset + 8]
            let name = String(decoding: type, as: UTF8.self)
            guard length <= bytes.count - offset - 12 else {
                throw fail(offset, "truncated PNG file: chunk \(name) declares \(length) bytes, only \(bytes.count - offset - 12) follow")
            }
            let stored = UInt32(uint32(at: offset + 8 + length))
            let computed = bytes.withUnsafeBufferPointer { buffer in
                UInt32(crc32(0, buffer.baseAddress! + offset + 4, uInt(length + 4)))
            }
            guard stored == computed else { throw fail(offset, "corrupt PNG file: chunk \(name) fails its CRC-32") }
            if type.elementsEqual("PLTE".utf8) { paletteSize = length / 3 }
            if type.elementsEqual("IEND".utf8) { break }
            offset += 12 + length
        }
        self.paletteSize = paletteSize
    }
}
