import Testing
@testable import SegLensCore

@Suite struct ShiftEditTests {
    @Test func movesContentRightAndDownWithEdgesRepeating() {
        // 2×3 image 1 2 3 / 4 5 6, shifted right by 1 and down by 1, by hand.
        let shifted = ShiftEdit.shifted([1, 2, 3, 4, 5, 6], height: 2, width: 3, dx: 1, dy: 1)
        #expect(shifted == [1, 1, 2, 1, 1, 2])
        let left = ShiftEdit.shifted([1, 2, 3, 4, 5, 6], height: 2, width: 3, dx: -1, dy: 0)
        #expect(left == [2, 3, 3, 5, 6, 6])
    }

    @Test func everyPlaneMovesAlike() {
        let planes = ShiftEdit.shifted(Array(0..<12), planes: 2, height: 2, width: 3, dx: 0, dy: -1)
        #expect(planes == [3, 4, 5, 3, 4, 5, 9, 10, 11, 9, 10, 11])
    }

    /// Shifting truth and prediction together moves each pixel's loss term with its pixel: the per-pixel loss
    /// maps agree wherever the source pixel lies inside the image. Not for border-bce, whose weights depend on the
    /// whole truth (the repeated edges change its objects and class counts).
    @Test(arguments: [(2, 1), (-1, 3), (0, -2)])
    func shiftingTruthAndPredictionTogetherKeepsPixelwiseLosses(dx: Int, dy: Int) throws {
        for input in [GeneratedInputs.binary(height: 9, width: 11), GeneratedInputs.multiclass(height: 9, width: 11)] {
            let height = input.height, width = input.width
            let labels = ShiftEdit.shifted(input.truth.labels, height: height, width: width, dx: dx, dy: dy)
            let truth = LabelMap(height: height, width: width, labels: labels)
            let shifted = try LossInput(
                truth: truth,
                logits: PredictionEdits(shiftX: dx, shiftY: dy).applied(to: input.logits),
                ignoreIndex: input.ignoreIndex)
            for loss in Loss.catalogue(input.mode) where loss.isPixelwise && loss != .borderBCE {
                let before = try #require(loss.evaluate(input).pixelLoss)
                let after = try #require(loss.evaluate(shifted).pixelLoss)
                for row in 0..<height {
                    for column in 0..<width {
                        let sourceRow = row - dy, sourceColumn = column - dx
                        guard (0..<height).contains(sourceRow), (0..<width).contains(sourceColumn) else { continue }
                        #expect(after[row * width + column] == before[sourceRow * width + sourceColumn], "\(loss.name)")
                    }
                }
            }
        }
    }
}
