import Testing
import SegLensCore

@Suite struct MetricsTests {
    /// truth    1 1 0      logits  2  −1  3     → predicted 1 0 1
    ///          0 1 255            0  −5  9                1 0 (ignored)
    @Test func binaryCountsAndScoresByHand() {
        let input = try! LossInput(
            truth: LabelMap(height: 2, width: 3, labels: [1, 1, 0, 0, 1, 255]),
            logits: Logits(classes: 1, height: 2, width: 3, values: [2, -1, 3, 0, -5, 9]), ignoreIndex: 255)
        let counts = SegmentationMetrics(input).foreground
        #expect(counts == ConfusionCounts(truePositive: 1, falsePositive: 2, falseNegative: 2, trueNegative: 0))
        #expect(counts.iou == 1.0 / 5)
        #expect(counts.dice == 2.0 / 6)
        #expect(counts.precision == 1.0 / 3)
        #expect(counts.recall == 1.0 / 3)
        #expect(counts.accuracy == 1.0 / 5)
    }

    @Test func emptyTruthAndEmptyPredictionScoreOne() {
        let input = try! LossInput(
            truth: LabelMap(height: 1, width: 3, labels: [0, 0, 0]),
            logits: Logits(classes: 1, height: 1, width: 3, values: [-1, -2, -3]))
        let counts = SegmentationMetrics(input).foreground
        #expect(counts.iou == 1 && counts.dice == 1 && counts.precision == 1 && counts.recall == 1)
        let missed = try! LossInput(
            truth: LabelMap(height: 1, width: 3, labels: [1, 0, 0]),
            logits: Logits(classes: 1, height: 1, width: 3, values: [-1, -2, -3]))
        #expect(SegmentationMetrics(missed).foreground.precision == 0)
    }

    /// truth 0 1 2 2, argmax 0 2 2 1 → class 0: TP 1; class 1: FN 1, FP 1; class 2: TP 1, FP 1, FN 1.
    @Test func multiclassPerClassAndMeanIoU() {
        let logits: [Double] = [
            5, 0, 0, 0,  // class 0
            0, 0, 0, 5,  // class 1
            0, 5, 5, 0,  // class 2
        ]
        let input = try! LossInput(
            truth: LabelMap(height: 1, width: 4, labels: [0, 1, 2, 2]),
            logits: Logits(classes: 3, height: 1, width: 4, values: logits))
        let metrics = SegmentationMetrics(input)
        #expect(metrics.perClass[0].iou == 1)
        #expect(metrics.perClass[1].iou == 0)
        #expect(metrics.perClass[2].iou == 1.0 / 3)
        #expect(abs(metrics.meanIoU - (1 + 0 + 1.0 / 3) / 3) < 1e-15)
        #expect(metrics.pixelAccuracy == 0.5)
    }
}
