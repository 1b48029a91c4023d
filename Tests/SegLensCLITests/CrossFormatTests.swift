import Foundation
import Testing
import SegLensCore
import SegLensFormats

/// The same labels and probabilities given as NPY, PGM and PNG give the same `eval --json`.
@Suite struct CrossFormatTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    /// `eval --json` of `arguments`, which must succeed.
    func eval(_ arguments: [String]) throws -> [String: Any] {
        let result = try SegLensProcess.run(["eval", "--json"] + arguments)
        try #require(result.status == 0, "\(result)")
        return try result.json()
    }

    @Test func binaryMaskAsPNGAndPGMEqualsNPY() throws {
        let (height, width) = (5, 7)
        let labels = TestInputs.labels(height * width, classes: 2, seed: 11)
        let logits = try directory.npy("z.npy", shape: [height, width], values: TestInputs.uniform(height * width, in: -4...4, seed: 12))
        let mask = GrayImage(height: height, width: width, maxValue: 255, values: labels.map { $0 == 1 ? 255 : 0 })
        try PNGWriter.write(mask, to: directory.path("t.png"), overwrite: .refuse)
        try PGMWriter.write(mask, to: directory.path("t.pgm"), overwrite: .refuse)
        let npy = try directory.npy("t.npy", labels: LabelMap(height: height, width: width, labels: labels))

        let reference = try eval(["--truth", npy, "--logits", logits]) as NSDictionary
        #expect(try eval(["--truth", directory.path("t.png"), "--logits", logits]) as NSDictionary == reference)
        #expect(try eval(["--truth", directory.path("t.pgm"), "--logits", logits]) as NSDictionary == reference)
    }

    @Test func palettePNGWithVoidEqualsNPYAndPGM() throws {
        let (height, width) = (6, 5)
        var labels = TestInputs.labels(height * width, classes: 3, seed: 13)
        for void in [0, 7, 29] { labels[void] = 255 }
        let logits = try directory.npy(
            "z.npy", shape: [3, height, width], values: TestInputs.uniform(3 * height * width, in: -3...3, seed: 14))
        let palette = (0..<256).map { RGB(red: UInt8($0), green: UInt8(255 - $0), blue: UInt8($0 / 2)) }
        try PNGWriter.write(
            IndexedImage(height: height, width: width, indices: labels.map { UInt8($0) }, palette: palette),
            to: directory.path("t.png"), overwrite: .refuse)
        try PGMWriter.write(
            GrayImage(height: height, width: width, maxValue: 255, values: labels.map { UInt16($0) }), to: directory.path("t.pgm"), overwrite: .refuse)
        let npy = try directory.npy("t.npy", labels: LabelMap(height: height, width: width, labels: labels))

        let common = ["--logits", logits, "--ignore-index", "255"]
        let reference = try eval(["--truth", npy] + common)
        #expect((reference["input"] as? [String: Any])?["ignored"] as? Int == 3)
        #expect(try eval(["--truth", directory.path("t.png")] + common) as NSDictionary == reference as NSDictionary)
        #expect(try eval(["--truth", directory.path("t.pgm")] + common) as NSDictionary == reference as NSDictionary)
    }

    @Test func probabilitiesAsPNGEqualNPYOfValueOver255() throws {
        let (height, width) = (4, 6)
        let truth = try directory.npy(
            "t.npy", labels: LabelMap(height: height, width: width, labels: TestInputs.labels(height * width, classes: 2, seed: 15)))
        let samples = TestInputs.labels(height * width, classes: 256, seed: 16).map { UInt16($0) }
        try PNGWriter.write(GrayImage(height: height, width: width, maxValue: 255, values: samples), to: directory.path("p.png"), overwrite: .refuse)
        let npy = try directory.npy("p.npy", shape: [height, width], values: samples.map { Double($0) / 255 })

        let fromPNG = try eval(["--truth", truth, "--probs", directory.path("p.png")])
        let fromNPY = try eval(["--truth", truth, "--probs", npy])
        #expect(TestInputs.withoutPredictionName(fromPNG) == TestInputs.withoutPredictionName(fromNPY))
        #expect((fromPNG["input"] as? [String: Any])?["prediction"] as? String == "p.png")
    }
}
