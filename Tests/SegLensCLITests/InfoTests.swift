import Foundation
import Testing
import SegLensCore

/// `seglens info`, text and JSON, with class counts computed here from the arrays.
@Suite struct InfoTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    /// Pixels per class of `classOf`, over the pixels whose truth label is not 255.
    func counts(classes: Int, labels: [Int32], _ classOf: (Int) -> Int) -> [Int] {
        var counts = [Int](repeating: 0, count: classes)
        for pixel in labels.indices where labels[pixel] != 255 { counts[classOf(pixel)] += 1 }
        return counts
    }

    @Test func maskFile() throws {
        let mask = try directory.file("example.mask", text: MaskExample.text)
        let labels = MaskExample.labels
        let truth = counts(classes: 2, labels: labels) { Int(labels[$0]) }
        let soft = counts(classes: 2, labels: labels) { MaskExample.probabilities[$0] >= 0.5 ? 1 : 0 }
        let raw = counts(classes: 2, labels: labels) { MaskExample.logits[$0] >= 0 ? 1 : 0 }

        let result = try SegLensProcess.run(["info", mask, "--json"])
        try #require(result.status == 0, "\(result)")
        let json = try result.json() as NSDictionary
        let expected: NSDictionary = [
            "title": "Mask test", "note": NSNull(), "source": mask, "mode": "binary", "height": 3, "width": 4,
            "classes": 2, "class_names": ["background", "foreground"], "ignore_index": 255,
            "truth": ["counts": truth, "ignored": 1],
            "predictions": [
                ["name": "soft", "kind": "probabilities", "channels": 1, "min": 0.0, "max": 1.0, "counts": soft],
                ["name": "raw", "kind": "logits", "channels": 1, "min": -4.0, "max": 4.0, "counts": raw],
            ],
        ]
        #expect(json == expected)

        let text = try SegLensProcess.run(["info", mask])
        try #require(text.status == 0, "\(text)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "Mask test (\(mask))",
            "binary 3×4, 2 classes: 0 background, 1 foreground, ignore index 255",
            "truth: background \(truth[0]), foreground \(truth[1]), ignored 1",
            "prediction \"soft\": probabilities 3×4, values 0.0 … 1.0",
            "  at p ≥ 0.5: background \(soft[0]), foreground \(soft[1])",
            "prediction \"raw\": logits 3×4, values -4.0 … 4.0",
            "  at p ≥ 0.5: background \(raw[0]), foreground \(raw[1])",
        ])
    }

    @Test func multiclassNPY() throws {
        let (height, width, classes) = (4, 5, 3)
        let plane = height * width
        var labels = TestInputs.labels(plane, classes: Int32(classes), seed: 21)
        labels[3] = 255
        let values = TestInputs.uniform(classes * plane, in: -2...2, seed: 22)
        let truthPath = try directory.npy("t.npy", labels: LabelMap(height: height, width: width, labels: labels))
        let logitsPath = try directory.npy("z.npy", shape: [classes, height, width], values: values)
        let truth = counts(classes: classes, labels: labels) { Int(labels[$0]) }
        let argmax = counts(classes: classes, labels: labels) { pixel in
            (0..<classes).reduce(0) { best, channel in values[channel * plane + pixel] > values[best * plane + pixel] ? channel : best }
        }

        let result = try SegLensProcess.run(["info", "--truth", truthPath, "--logits", logitsPath, "--ignore-index", "255", "--json"])
        try #require(result.status == 0, "\(result)")
        let json = try result.json()
        #expect(json["title"] as? String == "t.npy + z.npy")
        #expect(json["mode"] as? String == "multiclass" && json["classes"] as? Int == 3)
        #expect(json["class_names"] as? [String] == ["0", "1", "2"])
        #expect(json["truth"] as? NSDictionary == ["counts": truth, "ignored": 1] as NSDictionary)
        let predictions = try #require(json["predictions"] as? [[String: Any]])
        #expect(predictions.count == 1)
        #expect(predictions.first?["counts"] as? [Int] == argmax)
        #expect(predictions.first?["channels"] as? Int == 3)
        #expect(predictions.first?["min"] as? Double == values.min() && predictions.first?["max"] as? Double == values.max())

        let text = try SegLensProcess.run(["info", "--truth", truthPath, "--logits", logitsPath, "--ignore-index", "255"])
        #expect(text.stdout.contains("truth: 0 \(truth[0]), 1 \(truth[1]), 2 \(truth[2]), ignored 1"), "\(text)")
        #expect(text.stdout.contains("  at argmax: 0 \(argmax[0]), 1 \(argmax[1]), 2 \(argmax[2])"), "\(text)")
    }
}
