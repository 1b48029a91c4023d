import SegLensCore
import Testing
@testable import SegLensFormats

@Suite struct PGMTests {
    private func read(_ text: String) throws(FormatError) -> GrayImage {
        try PGMReader.read(bytes: Array(text.utf8), path: "t.pgm")
    }

    private func expectError(_ bytes: [UInt8], _ description: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try PGMReader.read(bytes: bytes, path: "t.pgm", limits: ReadLimits(maxPixels: 1000))
            Issue.record("no error", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description == description, sourceLocation: sourceLocation)
            #expect(error.kind == .badData, sourceLocation: sourceLocation)
        }
    }

    @Test func asciiWithCommentsAndOddWhitespace() throws {
        let image = try read("P2 # a comment\n# another\n3\t2\r\n 9 # max\n0 1 2\n\n3 4   9 # end\n")
        #expect(image == GrayImage(height: 2, width: 3, maxValue: 9, values: [0, 1, 2, 3, 4, 9]))
    }

    @Test func binaryOneAndTwoBytes() throws {
        let eight = try PGMReader.read(bytes: Array("P5\n2 2\n255\n".utf8) + [0, 1, 254, 255])
        #expect(eight == GrayImage(height: 2, width: 2, maxValue: 255, values: [0, 1, 254, 255]))
        let sixteen = try PGMReader.read(bytes: Array("P5 3 1 65535 ".utf8) + [0x01, 0x02, 0xFF, 0xFF, 0, 7])
        #expect(sixteen == GrayImage(height: 1, width: 3, maxValue: 65535, values: [0x0102, 0xFFFF, 7]))
    }

    @Test func writerRoundTrips() throws {
        for image in [
            GrayImage(height: 2, width: 3, maxValue: 255, values: [0, 1, 2, 3, 200, 255]),
            GrayImage(height: 1, width: 4, maxValue: 1000, values: [0, 999, 1000, 256]),
            GrayImage(height: 1, width: 1, maxValue: 1, values: [1]),
        ] {
            #expect(try PGMReader.read(bytes: PGMWriter.encode(image)) == image)
        }
        #expect(PGMWriter.encode(GrayImage(height: 1, width: 2, maxValue: 255, values: [7, 8])) == Array("P5\n2 1\n255\n".utf8) + [7, 8])
    }

    @Test func headerErrorsHaveLineAndColumn() {
        expectError(Array("P6\n1 1\n255\n".utf8), "t.pgm:1:1: not a PGM file (it must start with P2 or P5)")
        expectError(Array("P2\n# c\n3 x 255".utf8), "t.pgm:3:3: expected the height, found 'x'")
        expectError(Array("P2\n3 2 7a".utf8), "t.pgm:2:6: unexpected 'a' in the maximum value")
        expectError(Array("P2\n0 2 255\n".utf8), "t.pgm:2:1: the width must be at least 1")
        expectError(Array("P2\n1 1 65536\n0".utf8), "t.pgm:2:5: the maximum value must be in 1…65535")
        expectError(Array("P2\n1 1".utf8), "t.pgm:2:4: expected the maximum value, found the end of the file")
        expectError(Array("P2 99999999999999999999999 1 1".utf8), "t.pgm:1:4: the width is too large")
    }

    @Test func asciiSampleErrors() {
        expectError(Array("P2\n2 1 10\n3 11\n".utf8), "t.pgm:3:3: a sample must be in 0…10")
        expectError(Array("P2\n2 1 10\n3\n".utf8), "t.pgm:4:1: expected a sample, found the end of the file")
        expectError(Array("P2\n1 1 10\n3 4\n".utf8), "t.pgm:3:3: unexpected data after the image")
    }

    @Test func binaryErrorsHaveByteOffsets() {
        expectError(Array("P5\n2 2\n255\n".utf8) + [0, 1, 2], "t.pgm: byte 14: truncated PGM file: 2 × 2 samples need 4 bytes, only 3 follow")
        expectError(Array("P5\n2 1\n300\n".utf8) + [0, 1, 1, 45], "t.pgm: byte 13: sample 301 is above the maximum value 300")
        expectError(Array("P5\n1 1\n255\n".utf8) + [0, 0], "t.pgm:4:2: unexpected data after the image")
        expectError(Array("P5\n1 1\n255#\n".utf8) + [0], "t.pgm:3:4: expected one whitespace character before the binary samples")
    }

    @Test func sizeLimitIsCheckedBeforeReadingSamples() {
        expectError(Array("P5\n100000 100000\n255\n".utf8), "t.pgm:2:14: the file declares 10000000000 pixels, more than the limit of 1000")
        expectError(Array("P2 4611686018427387904 4 1".utf8), "t.pgm:1:25: the image size 4611686018427387904 × 4 is too large")
    }

    @Test func labelMapAndProbabilities() {
        let mask = GrayImage(height: 1, width: 4, maxValue: 255, values: [0, 255, 255, 0])
        #expect(mask.labelMap.labels == [0, 1, 1, 0])
        let classes = GrayImage(height: 1, width: 4, maxValue: 255, values: [0, 1, 2, 255])
        #expect(classes.labelMap.labels == [0, 1, 2, 255])
        let onlyZeros = GrayImage(height: 1, width: 2, maxValue: 255, values: [0, 0])
        #expect(onlyZeros.labelMap.labels == [0, 0])
        let bits = GrayImage(height: 1, width: 2, maxValue: 1, values: [1, 0])
        #expect(bits.labelMap.labels == [1, 0])
        #expect(GrayImage(height: 1, width: 3, maxValue: 65535, values: [0, 65535, 32768]).probabilities == [0, 1, 32768.0 / 65535])
    }
}
