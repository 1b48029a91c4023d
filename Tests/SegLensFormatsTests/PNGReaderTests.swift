import Testing
@testable import SegLensFormats

@Suite struct PNGReaderTests {
    private func read(_ name: String, limits: ReadLimits = ReadLimits()) throws -> PNGImage {
        try PNGReader.read(path: Fixtures.path("png/\(name)"), limits: limits)
    }

    @Test(arguments: [1, 2, 4, 8])
    func grayBitDepths(bits: Int) throws {
        let expected = GrayImage(height: 3, width: 5, maxValue: (1 << bits) - 1, values: (0..<15).map { UInt16((7 * $0 + 1) % (1 << bits)) })
        #expect(try read("gray\(bits)_5x3.png") == .gray(expected))
    }

    @Test func gray16KeepsAllBits() throws {
        let expected = GrayImage(height: 3, width: 5, maxValue: 65535, values: (0..<15).map { UInt16((7919 * $0 + 1) % 65536) })
        #expect(try read("gray16_5x3.png") == .gray(expected))
    }

    @Test func paletteWithDuplicateColours() throws {
        let black = RGB(red: 0, green: 0, blue: 0), red = RGB(red: 128, green: 0, blue: 0)
        let white = RGB(red: 255, green: 255, blue: 255)
        let eight = IndexedImage(height: 4, width: 4, indices: (0..<16).map { UInt8($0 % 5) }, palette: [black, red, black, red, white])
        #expect(try read("palette_duplicates_4x4.png") == .indexed(eight))
        let four = IndexedImage(height: 3, width: 5, indices: (0..<15).map { UInt8($0 % 3) }, palette: [black, red, black])
        #expect(try read("palette4bit_duplicates_5x3.png") == .indexed(four))
    }

    @Test func pascalVOCPaletteKeeps255() throws {
        guard case let .indexed(image) = try read("palette_voc_5x3.png") else {
            Issue.record("not read as a palette image")
            return
        }
        let expected: [UInt8] = (0..<15).map { (k: Int) -> UInt8 in k % 5 == 4 ? 255 : UInt8(k % 21) }
        #expect(image.indices == expected)
        #expect(image.palette.count == 256)
        #expect(image.palette[1] == RGB(red: 128, green: 0, blue: 0) && image.palette[255] == RGB(red: 224, green: 224, blue: 192))
        #expect(image.labelMap.labels == image.indices.map(Int32.init))
    }

    @Test(arguments: ["rgb_3x2.png", "rgba_3x2.png"])
    func colour(name: String) throws {
        let pixels = (0..<6).map { (k: Int) -> RGB in
            RGB(red: UInt8(40 * k), green: UInt8(255 - 40 * k), blue: UInt8(10 * k + 5))
        }
        #expect(try read(name) == .color(ColorImage(height: 2, width: 3, pixels: pixels)))
    }

    /// The first chunk after the 8-byte signature and the 25-byte IHDR chunk is IDAT, at byte 33.
    @Test(arguments: [
        ("bad_crc.png", "corrupt PNG file: chunk IDAT fails its CRC-32"),
        ("truncated.png", "truncated PNG file: chunk IDAT declares"),
    ])
    func brokenFiles(name: String, problem: String) {
        #expect {
            try read(name)
        } throws: { error in
            guard let error = error as? FormatError else { return false }
            return error.kind == .badData && error.position == .byteOffset(33) && error.message.hasPrefix(problem)
        }
    }

    @Test func notAPNG() {
        #expect(throws: FormatError(path: "x", position: .byteOffset(0), message: "not a PNG file (bad signature)")) {
            try PNGReader.read(bytes: Array("P5\n1 1\n255\n\0".utf8), path: "x")
        }
        #expect(throws: FormatError(path: "x", position: .byteOffset(8), message: "invalid PNG file: no IHDR chunk first")) {
            try PNGReader.read(bytes: PNGHeader.signature + [0, 0], path: "x")
        }
    }

    @Test func sizeLimitRefusesTheHeaderBeforeDecoding() throws {
        #expect {
            try read("huge_100000x100000.png")
        } throws: { error in
            (error as? FormatError)?.description.hasSuffix("byte 16: the file declares 10000000000 pixels, more than the limit of 67108864") == true
        }
        #expect(throws: FormatError.self) { try read("gray8_5x3.png", limits: ReadLimits(maxPixels: 14)) }
        _ = try read("gray8_5x3.png", limits: ReadLimits(maxPixels: 15))
    }

    @Test func missingFile() {
        #expect { try PNGReader.read(path: "/nonexistent.png") } throws: { ($0 as? FormatError)?.kind == .cannotOpen }
    }
}
