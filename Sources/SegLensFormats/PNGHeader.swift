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

    /// Reads the signature and IHDR chunk, and the chunks up to the first IDAT looking for PLTE.
    /// CRCs and the validity of the values are left to libpng.
    init(bytes: [UInt8], path: String) throws(FormatError) {
        func uint32(at offset: Int) -> Int {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        guard bytes.starts(with: Self.signature) else {
            throw FormatError(path: path, position: .byteOffset(0), message: "not a PNG file (bad signature)")
        }
        guard bytes.count >= 33, bytes[12..<16].elementsEqual("IHDR".utf8) else {
            throw FormatError(path: path, position: .byteOffset(8), message: "invalid PNG file: no IHDR chunk first")
        }
        width = uint32(at: 16)
        height = uint32(at: 20)
        bitDepth = Int(bytes[24])
        colorType = bytes[25]
        var paletteSize = 0
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = uint32(at: offset)
            let type = bytes[offset + 4..<offset + 8]
            if type.elementsEqual("IDAT".utf8) { break }
            if type.elementsEqual("PLTE".utf8) { paletteSize = length / 3 }
            offset += 12 + length
        }
        self.paletteSize = paletteSize
    }
}
