import Foundation
import Testing
import SegLensCore
import SegLensFormats

/// `seglens convert`: what it writes reads back to the same labels and values, and evaluates the same.
@Suite struct ConvertTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    @Test func pngTruthAndNPYProbabilitiesRoundTrip() throws {
        let (height, width) = (5, 6)
        let labels = TestInputs.labels(height * width, classes: 2, seed: 31)
        let probabilities = TestInputs.uniform(height * width, in: 0...1, seed: 32)
        try PNGWriter.write(
            GrayImage(height: height, width: width, maxValue: 255, values: labels.map { $0 == 1 ? 255 : 0 }),
            to: directory.path("t.png"), overwrite: .refuse)
        let probs = try directory.npy("p.npy", shape: [height, width], values: probabilities)
        let output = directory.path("out.mask")
        let inputs = ["--truth", directory.path("t.png"), "--probs", probs]

        let converted = try SegLensProcess.run(["convert"] + inputs + ["--output", output, "--note", "from a PNG"])
        try #require(converted.status == 0, "\(converted)")
        #expect(converted.stdout.isEmpty)
        let document = try MaskReader.read(path: output)
        #expect(document.truth == LabelMap(height: height, width: width, labels: labels))
        #expect(document.title == "t.png + p.npy" && document.note == "from a PNG")
        #expect(document.classNames == ["background", "foreground"])
        let prediction = try #require(document.predictions.first)
        #expect(document.predictions.count == 1 && prediction.kind == .probabilities && prediction.name == "p.npy")
        #expect(prediction.values.map(\.bitPattern) == probabilities.map(\.bitPattern))

        let fromMask = try SegLensProcess.run(["eval", output, "--json"])
        let fromFiles = try SegLensProcess.run(["eval", "--json"] + inputs)
        #expect(fromMask.status == 0 && fromFiles.status == 0)
        #expect(try fromMask.json() as NSDictionary == fromFiles.json() as NSDictionary)
    }

    @Test func multiclassLogitsWithVoidRoundTrip() throws {
        let (height, width, classes) = (3, 4, 3)
        var labels = TestInputs.labels(height * width, classes: Int32(classes), seed: 33)
        labels[5] = -1
        let logits = TestInputs.uniform(classes * height * width, in: -5...5, seed: 34)
        let truth = try directory.npy("t.npy", labels: LabelMap(height: height, width: width, labels: labels))
        let z = try directory.npy("z.npy", shape: [classes, height, width], values: logits)
        let output = directory.path("out.mask")
        let inputs = ["--truth", truth, "--logits", z, "--ignore-index=-1"]

        let converted = try SegLensProcess.run(["convert"] + inputs + ["--output", output, "--title", "Three classes"])
        try #require(converted.status == 0, "\(converted)")
        let document = try MaskReader.read(path: output)
        #expect(document.truth.labels == labels.map { $0 == -1 ? MaskDocument.ignoreLabel : $0 })
        #expect(document.ignoreGlyph == "?" && document.classNames == ["0", "1", "2"] && document.title == "Three classes")
        #expect(document.predictions.first?.kind == .logits && document.predictions.first?.classes == 3)
        #expect(document.predictions.first?.values.map(\.bitPattern) == logits.map(\.bitPattern))

        let fromMask = try SegLensProcess.run(["eval", output, "--json"])
        let fromFiles = try SegLensProcess.run(["eval", "--json"] + inputs)
        #expect(try fromMask.json() as NSDictionary == fromFiles.json() as NSDictionary)
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let mask = try directory.file("example.mask", text: MaskExample.text)
        let output = try directory.file("out.mask", text: "keep me\n")
        let refused = try SegLensProcess.run(["convert", mask, "--output", output])
        #expect(refused.status == 73 && refused.stdout.isEmpty, "\(refused)")
        #expect(refused.stderr.contains(output) && refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me\n")

        let forced = try SegLensProcess.run(["convert", mask, "--output", output, "--force"])
        #expect(forced.status == 0, "\(forced)")
        let original = try MaskReader.read(path: mask), written = try MaskReader.read(path: output)
        #expect(written.truth == original.truth && written.predictions == original.predictions)
        #expect(written.parameters == original.parameters && written.title == original.title)
    }
}
