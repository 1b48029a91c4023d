import Foundation
import Testing
@testable import SegLensFormats

@Suite struct PNGWriterTests {
    /// Bit depth and colour type from the IHDR chunk of PNG bytes.
    private func ihdr(_ bytes: [UInt8]) -> (bitDepth: UInt8, colorType: UInt8) {
        (bytes[24], bytes[25])
    }

    @Test func gray8RoundTrip() throws {
        let image = GrayImage(height: 2, width: 3, maxValue: 255, values: [0, 1, 2, 128, 254, 255])
        let bytes = try PNGWriter.encode(image)
        #expect(ihdr(bytes) == (8, 0))
        #expect(try PNGReader.read(bytes: bytes) == .gray(image))
    }

    @Test func gray16RoundTrip() throws {
        let image = GrayImage(height: 1, width: 5, maxValue: 65535, values: [0, 1, 256, 32768, 65535])
        let bytes = try PNGWriter.encode(image)
        #expect(ihdr(bytes) == (16, 0))
        #expect(try PNGReader.read(bytes: bytes) == .gray(image))
    }

    @Test func smallMaxValueIsWrittenAs8Bit() throws {
        let labels = GrayImage(height: 1, width: 3, maxValue: 20, values: [0, 7, 20])
        #expect(try PNGReader.read(bytes: PNGWriter.encode(labels)) == .gray(GrayImage(height: 1, width: 3, maxValue: 255, values: [0, 7, 20])))
    }

    @Test func paletteRoundTripWithDuplicates() throws {
        let black = RGB(red: 0, green: 0, blue: 0), red = RGB(red: 128, green: 0, blue: 0)
        let image = IndexedImage(height: 2, width: 3, indices: [0, 1, 2, 2, 1, 0], palette: [black, red, black])
        let bytes = try PNGWriter.encode(image)
        #expect(ihdr(bytes).colorType == 3)
        #expect(try PNGReader.read(bytes: bytes) == .indexed(image))

        var voc = (0..<256).map { RGB(red: UInt8($0), green: 0, blue: UInt8(255 - $0)) }
        voc[7] = voc[3]
        let vocImage = IndexedImage(height: 1, width: 5, indices: [0, 3, 7, 255, 21], palette: voc)
        #expect(try PNGReader.read(bytes: PNGWriter.encode(vocImage)) == .indexed(vocImage))
    }

    @Test func errors() throws {
        let empty = GrayImage(height: 0, width: 0, maxValue: 255, values: [])
        #expect(throws: FormatError.self) { try PNGWriter.encode(empty) }
        let image = GrayImage(height: 1, width: 1, maxValue: 255, values: [3])
        #expect { try PNGWriter.write(image, to: "/nonexistent/dir/x.png", overwrite: .replace) } throws: {
            ($0 as? FormatError).map { $0.kind == .cannotWrite && $0.path == "/nonexistent/dir/x.png" } == true
        }
    }

    @Test func writeToFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("seglens-\(UInt64.random(in: 0...UInt64.max)).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let image = IndexedImage(height: 1, width: 2, indices: [1, 0], palette: [RGB(red: 1, green: 2, blue: 3), RGB(red: 4, green: 5, blue: 6)])
        try PNGWriter.write(image, to: path, overwrite: .replace)
        #expect(try PNGReader.read(path: path) == .indexed(image))
    }
}
