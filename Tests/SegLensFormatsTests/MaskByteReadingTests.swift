import SegLensCore
import Testing
@testable import SegLensFormats

/// The `.mask` reader works on bytes: ASCII rows through lookup tables, rows with other characters by
/// characters. Both must give the labels and values written, and count columns in characters.
@Suite struct MaskByteReadingTests {
    @Test func rowsWithANonASCIIIgnoreGlyphCountCharacters() throws {
        let text = """
            ignore: γ
            truth:
              ..#γ
              γ#..
            prediction: probabilities
              0099
              9900

            """
        let document = try MaskReader.parse(text: text, path: "t.mask")
        #expect(document.truth == LabelMap(height: 2, width: 4, labels: [0, 0, 1, 255, 255, 1, 0, 0]))
        #expect(document.predictions[0].values == [0, 0, 1, 1, 1, 1, 0, 0])
        // The second row is one character short: its end is column 3 + 3 characters, whatever its bytes.
        #expect(maskError("ignore: γ\ntruth:\n  ..#γ\n  γ#.\n")
            == "t.mask:4:6: truth row has 3 glyphs but the first row has 4")
    }

    @Test func aBigGridReadsBackWhatWasWritten() throws {
        var random = SplitMix64(seed: 11)
        let height = 300, width = 77
        let labels = (0..<(height * width)).map { _ in Int32(random.next() % 2) }
        let digits = (0..<(height * width)).map { _ in Int(random.next() % 10) }
        var text = "truth:\n"
        for row in 0..<height {
            text += "\t " + labels[(row * width)..<((row + 1) * width)].map { $0 == 1 ? "#" : "." }.joined() + " \r\n"
        }
        text += "prediction: probabilities\n"
        for row in 0..<height {
            text += "  " + digits[(row * width)..<((row + 1) * width)].map(String.init).joined() + "\n"
        }
        let document = try MaskReader.read(bytes: Array(text.utf8), path: "big.mask")
        #expect(document.truth == LabelMap(height: height, width: width, labels: labels))
        #expect(document.predictions[0].values == digits.map { Double($0) / 9 })
    }

    @Test func numericRowsSplitAtSpacesAndTabs() throws {
        let text = "truth:\n  .#.\nprediction: logits\n  0.5\t -1e-1   .25\n"
        let document = try MaskReader.parse(text: text, path: "t.mask")
        #expect(document.predictions[0].values == [0.5, -0.1, 0.25])
        #expect(maskError("truth:\n  .#.\nprediction: logits\n  0.5\t x   .25\n")
            == "t.mask:4:8: expected a number, found \"x\"")
    }

    @Test func invalidUTF8IsFoundAfterValidMultibyteCharacters() {
        var bytes = Array("note: γ→\ntruth:\n  .".utf8)
        bytes.insert(0xC3, at: bytes.count - 1)
        #expect(MaskReader.firstInvalidUTF8(bytes) == bytes.count - 2)
        #expect(MaskReader.firstInvalidUTF8(Array("note: γ→☃\n".utf8)) == nil)
    }
}
