import Foundation
import Testing
import SegLensCore
import SegLensFormats

/// Bad input and bad command lines: the exit status, a message on standard error that names the file, and
/// nothing on standard output.
@Suite struct ExitStatusTests {
    let directory: TemporaryDirectory
    /// A binary 3×4 truth with labels 0/1 and logits of the same size.
    let truth: String, logits: String

    init() throws {
        directory = try TemporaryDirectory()
        truth = try directory.npy("t.npy", labels: LabelMap(height: 3, width: 4, labels: TestInputs.labels(12, classes: 2, seed: 1)))
        logits = try directory.npy("z.npy", shape: [3, 4], values: TestInputs.uniform(12, in: -3...3, seed: 2))
    }

    /// Runs seglens and checks the status, that stderr holds every one of `messages` and that stdout is empty.
    func expectFailure(_ arguments: [String], status: Int32, messages: [String]) throws {
        let result = try SegLensProcess.run(arguments)
        #expect(result.status == status, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        for message in messages {
            #expect(result.stderr.contains(message), "\(result)")
        }
    }

    @Test func missingFileIs66() throws {
        let missing = directory.path("missing.npy")
        try expectFailure(["eval", "--truth", missing, "--logits", logits], status: 66, messages: [missing, "cannot open"])
    }

    @Test func aFileOfNoKnownFormatIs65() throws {
        let text = try directory.file("labels.npy", text: "0 1 1\n1 0 0\n")
        try expectFailure(["eval", "--truth", text, "--logits", logits], status: 65, messages: [text, "byte 0: not an NPY, NPZ, PNG or PGM file"])
    }

    @Test func truncatedNPYIs65() throws {
        let bytes = NPYWriter.encode(LabelMap(height: 3, width: 4, labels: [Int32](repeating: 0, count: 12)))
        let truncated = try directory.file("cut.npy", bytes: Array(bytes.dropLast(5)))
        try expectFailure(["eval", "--truth", truncated, "--logits", logits], status: 65, messages: [truncated, "truncated"])
    }

    @Test func shapeMismatchIs65() throws {
        let wide = try directory.npy("wide.npy", shape: [4, 3], values: TestInputs.uniform(12, in: -1...1, seed: 3))
        try expectFailure(["eval", "--truth", truth, "--logits", wide], status: 65, messages: [wide, "4×3", "3×4"])
    }

    @Test func labelOutOfRangeIs65UnlessIgnored() throws {
        var labels = TestInputs.labels(12, classes: 2, seed: 4)
        labels[6] = 255
        let void = try directory.npy("void.npy", labels: LabelMap(height: 3, width: 4, labels: labels))
        try expectFailure(["eval", "--truth", void, "--logits", logits], status: 65, messages: [void, "label 255 at row 1, column 2"])
        let fixed = try SegLensProcess.run(["eval", "--truth", void, "--logits", logits, "--ignore-index", "255", "--json"])
        #expect(fixed.status == 0, "\(fixed)")
        #expect((try fixed.json()["input"] as? [String: Any])?["ignored"] as? Int == 1)
    }

    @Test func anAllVoidTruthIs65() throws {
        let void = try directory.npy("allvoid.npy", labels: LabelMap(height: 3, width: 4, labels: [Int32](repeating: 255, count: 12)))
        try expectFailure(
            ["eval", "--truth", void, "--logits", logits, "--ignore-index", "255"], status: 65,
            messages: [void, "every pixel is ignored"])
        let mask = try directory.file("void.mask", text: "ignore: ?\ntruth:\n  ??\nprediction: probabilities\n  19\n")
        try expectFailure(["eval", mask], status: 65, messages: [mask, "every pixel is ignored"])
    }

    @Test func probabilityAboveOneIs65() throws {
        var values = TestInputs.uniform(12, in: 0...1, seed: 5)
        values[11] = 1.5
        let probs = try directory.npy("p.npy", shape: [3, 4], values: values)
        try expectFailure(["eval", "--truth", truth, "--probs", probs], status: 65, messages: [probs, "probability 1.5"])
    }

    @Test func nanLogitIs65() throws {
        var values = TestInputs.uniform(12, in: -1...1, seed: 6)
        values[0] = .nan
        let nan = try directory.npy("nan.npy", shape: [3, 4], values: values)
        try expectFailure(["eval", "--truth", truth, "--logits", nan], status: 65, messages: [nan, "non-finite"])
    }

    @Test func usageErrorsAre64() throws {
        try expectFailure(["eval", "--truth", truth, "--logits", logits, "--loss", "hinge"], status: 64, messages: ["unknown binary loss 'hinge'"])
        try expectFailure(
            ["eval", "--truth", truth, "--logits", logits, "--loss", "bce", "--loss", "dice", "--gradient-out", directory.path("g.npy")],
            status: 64, messages: ["--gradient-out needs exactly one --loss"])
        try expectFailure(
            ["eval", "--truth", truth, "--logits", logits, "--loss", "tversky", "--beta", "2"], status: 64,
            messages: ["--beta 2.0 is outside 0.0…1.0 for tversky"])
        try expectFailure(["eval"], status: 64, messages: ["give a .mask FILE"])
        try expectFailure(["eval", "--truth", truth], status: 64, messages: ["--logits"])
        try expectFailure(["eval", "--truth", truth, "--logits", logits, "--palette", "ff00=1"], status: 64, messages: ["ff00=1"])
    }

    @Test func maskSyntaxErrorIs65AtLineAndColumn() throws {
        let bad = try directory.file("bad.mask", text: "# seglens mask v1\ntruth:\n  .#\ncolors: red\nprediction: probabilities\n  09\n")
        try expectFailure(["eval", bad], status: 65, messages: ["\(bad):4:1: unknown key \"colors\""])
    }

    @Test func theMaxPixelsLimitIs65() throws {
        try expectFailure(["eval", "--truth", truth, "--logits", logits, "--max-pixels", "11"], status: 65, messages: [truth, "limit of 11"])
    }

    @Test func rgbTruthNeedsACompletePalette() throws {
        // rgb_3x2.png holds the colours (40k, 255 − 40k, 10k + 5) for k = 0…5, row-major.
        let rgb = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SegLensFormatsTests/Fixtures/png/rgb_3x2.png").path
        let probs = try directory.npy("p.npy", shape: [2, 3], values: TestInputs.uniform(6, in: 0...1, seed: 7))
        try expectFailure(["eval", "--truth", rgb, "--probs", probs], status: 65, messages: [rgb, "--palette", "row 0, column 0 is 00ff05"])
        let missingK4 = "00ff05=0,28d70f=1,50af19=0,788723=1,c83737=1"
        try expectFailure(
            ["eval", "--truth", rgb, "--probs", probs, "--palette", missingK4], status: 65,
            messages: [rgb, "colour a05f2d at row 1, column 1 is not in --palette"])

        let complete = try SegLensProcess.run(["eval", "--truth", rgb, "--probs", probs, "--palette", missingK4 + ",#a05f2d=0", "--json"])
        let labels = try directory.npy("labels.npy", labels: LabelMap(height: 2, width: 3, labels: [0, 1, 0, 1, 0, 1]))
        let reference = try SegLensProcess.run(["eval", "--truth", labels, "--probs", probs, "--json"])
        #expect(complete.status == 0 && reference.status == 0, "\(complete)\n\(reference)")
        #expect(try complete.json() as NSDictionary == reference.json() as NSDictionary)
    }
}
