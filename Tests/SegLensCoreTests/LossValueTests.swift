import Testing
@testable import SegLensCore

/// `Loss.value(of:)`, eval's value alone: in bands of rows it agrees with the whole evaluation of every binary
/// loss, to the last digits, also with ignored pixels and with bands that hold only ignored pixels; in one band it
/// is exactly that value.
@Suite struct LossValueTests {
    /// A 37×23 binary input with ignored pixels, rows 10–19 all ignored (two whole bands of 3 rows hold nothing).
    static func input() throws -> LossInput {
        var random = SplitMix64(seed: 7)
        let height = 37, width = 23
        var labels: [Int32] = [], logits: [Double] = []
        for row in 0..<height {
            for column in 0..<width {
                let ignored = (10..<20).contains(row) || (row * width + column) % 11 == 0
                labels.append(ignored ? 255 : ((row / 6 + column / 5) % 2 == 0 ? 1 : 0))
                logits.append(Double(random.next() % 2001) / 250 - 4)
            }
        }
        return try LossInput(
            truth: LabelMap(height: height, width: width, labels: labels),
            logits: Logits(classes: 1, height: height, width: width, values: logits), ignoreIndex: 255)
    }

    @Test(arguments: Loss.catalogue(.binary))
    func bandsAgreeWithTheWholeEvaluation(loss: Loss) throws {
        let input = try Self.input()
        let whole = loss.evaluate(input).value
        let banded = loss.value(of: input, bandPixels: 3 * 23)
        #expect(Swift.abs(banded.value - whole) <= 1e-13 * Swift.max(1, Swift.abs(whole)), "\(loss.name): \(banded.value) vs \(whole)")
        #expect(banded.gradient.isEmpty && banded.gradientMagnitude.isEmpty && banded.weight.isEmpty && banded.pixelLoss == nil)
        #expect(loss.value(of: input).value == whole, "\(loss.name): one band is the whole evaluation")
    }

    @Test func bandsCoverEveryKeptPixelOnce() throws {
        let input = try Self.input()
        var bands: [LossInput] = []
        LossInput.forEachBand(of: input, pixels: 3 * 23) { band, _ in bands.append(band) }
        #expect(bands.map(\.keptPixels.count).reduce(0, +) == input.keptPixels.count)
        // 13 bands of 3 rows (the last of 1), of which rows 12–14 and 15–17 hold only ignored pixels.
        #expect(bands.map(\.height) == [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1])
        #expect(bands.count == 11)
    }
}
