import Testing
import SegLensCore

@Suite struct InputValidationTests {
    let truth = LabelMap(height: 2, width: 2, labels: [0, 1, 1, 0])

    @Test func rejectsMismatchedShapes() {
        #expect(throws: InputError.shapeMismatch(truth: (2, 2), prediction: (1, 4))) {
            try LossInput(truth: truth, logits: Logits(classes: 1, height: 1, width: 4, values: [0, 0, 0, 0]))
        }
    }

    @Test func rejectsLabelsOutsideTheClassesUnlessIgnored() throws {
        let labels = LabelMap(height: 2, width: 2, labels: [0, 1, 2, 255])
        let logits = Logits(classes: 1, height: 2, width: 2, values: [0, 0, 0, 0])
        #expect(throws: InputError.labelOutOfRange(label: 2, row: 1, column: 0, classes: 2)) {
            try LossInput(truth: labels, logits: logits, ignoreIndex: 255)
        }
        let three = Logits(classes: 3, height: 2, width: 2, values: Array(repeating: 0, count: 12))
        let input = try LossInput(truth: labels, logits: three, ignoreIndex: 255)
        #expect(input.keptPixels == [0, 1, 2] && input.ignoredCount == 1)
    }

    @Test func rejectsNonFiniteLogitsAndOutOfRangeProbabilities() {
        #expect(throws: InputError.nonFiniteValue(value: .nan, channel: 0, row: 1, column: 1)) {
            try LossInput(truth: truth, logits: Logits(classes: 1, height: 2, width: 2, values: [0, 0, 0, .nan]))
        }
        #expect(throws: InputError.probabilityOutOfRange(value: 1.5, channel: 0, row: 0, column: 1)) {
            try LossInput(truth: truth, prediction: [0, 1.5, 0, 0], kind: .probabilities, classes: 1)
        }
        #expect(throws: InputError.emptyImage) {
            try LossInput(truth: LabelMap(height: 0, width: 3, labels: []), logits: Logits(classes: 1, height: 0, width: 3, values: []))
        }
    }

    @Test func rejectsAnImageWhosePixelsAreAllIgnored() {
        #expect(throws: InputError.everyPixelIgnored(ignoreIndex: 255)) {
            try LossInput(
                truth: LabelMap(height: 1, width: 2, labels: [255, 255]),
                logits: Logits(classes: 1, height: 1, width: 2, values: [0, 0]), ignoreIndex: 255)
        }
    }

    @Test func probabilitiesBecomeClampedLogits() throws {
        let binary = try LossInput(truth: truth, prediction: [0, 1, 0.5, 0.25], kind: .probabilities, classes: 1)
        let floor = 1e-7
        #expect(binary.logits.values[0] == Double.log(floor) - Double.log(1 - floor))
        #expect(binary.logits.values[2] == 0)
        #expect(abs(binary.logits.values[3] - Double.log(1.0 / 3)) < 1e-15)
        let multi = try LossInput(
            truth: truth, prediction: [0, 0.5, 1, 0.2, 1, 0.5, 0, 0.8], kind: .probabilities, classes: 2)
        #expect(multi.logits.values[0] == Double.log(floor) && multi.logits.values[2] == 0)
    }
}
