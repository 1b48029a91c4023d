import Foundation
import Testing
import SegLensCore

/// `eval` on a `.mask` file equals `eval` on the same data as NPY files; `--prediction` picks a prediction; the
/// file's `params:` line sets the parameters and command-line options override it.
@Suite struct MaskInputTests {
    let directory: TemporaryDirectory
    let mask: String, truth: String, probs: String, logits: String

    init() throws {
        directory = try TemporaryDirectory()
        mask = try directory.file("example.mask", text: MaskExample.text)
        truth = try directory.npy("t.npy", labels: MaskExample.truth)
        probs = try directory.npy("p.npy", shape: [MaskExample.height, MaskExample.width], values: MaskExample.probabilities)
        logits = try directory.npy("z.npy", shape: [MaskExample.height, MaskExample.width], values: MaskExample.logits)
    }

    func eval(_ arguments: [String]) throws -> [String: Any] {
        let result = try SegLensProcess.run(["eval", "--json"] + arguments)
        try #require(result.status == 0, "\(result)")
        return try result.json()
    }

    func predictionName(_ json: [String: Any]) -> String? {
        (json["input"] as? [String: Any])?["prediction"] as? String
    }

    /// The file's `params: loss=focal alpha=0.5 gamma=1` sets focal only: every other loss keeps its defaults.
    func expectedFromNPY(_ prediction: [String]) throws -> NSDictionary {
        let common = ["--truth", truth, "--ignore-index", "255"] + prediction
        var defaults = try eval(common)
        let focal = try eval(common + ["--loss", "focal", "--alpha", "0.5", "--gamma", "1"])
        let focalEntry = (focal["losses"] as! [[String: Any]])[0]
        defaults["losses"] = (defaults["losses"] as! [[String: Any]]).map { $0["name"] as? String == "focal" ? focalEntry : $0 }
        return TestInputs.withoutPredictionName(defaults)
    }

    @Test func theFirstPredictionWithTheFileParametersEqualsNPY() throws {
        let fromMask = try eval([mask])
        #expect(TestInputs.withoutPredictionName(fromMask) == (try expectedFromNPY(["--probs", probs])))
        #expect(predictionName(fromMask) == "soft")
        let focal = (fromMask["losses"] as? [[String: Any]])?.first { $0["name"] as? String == "focal" }
        #expect(focal?["params"] as? NSDictionary == ["alpha": 0.5, "gamma": 1.0] as NSDictionary)
    }

    @Test(arguments: ["2", "raw"])
    func predictionPicksTheSecond(_ choice: String) throws {
        let fromMask = try eval([mask, "--prediction", choice])
        #expect(TestInputs.withoutPredictionName(fromMask) == (try expectedFromNPY(["--logits", logits])))
        #expect(predictionName(fromMask) == "raw")
    }

    @Test func commandLineOptionsOverrideTheFile() throws {
        let fromMask = try eval([mask, "--loss", "focal", "--gamma", "3"])
        let fromNPY = try eval(["--truth", truth, "--probs", probs, "--ignore-index", "255", "--loss", "focal", "--alpha", "0.5", "--gamma", "3"])
        #expect(TestInputs.withoutPredictionName(fromMask) == TestInputs.withoutPredictionName(fromNPY))
        let params = (fromMask["losses"] as? [[String: Any]])?.first?["params"] as? NSDictionary
        #expect(params == ["alpha": 0.5, "gamma": 3.0] as NSDictionary)
    }

    @Test func anUnknownPredictionIsAUsageError() throws {
        let result = try SegLensProcess.run(["eval", mask, "--prediction", "3"])
        #expect(result.status == 64 && result.stdout.isEmpty)
        #expect(result.stderr.contains("no prediction '3'") && result.stderr.contains("\"soft\""), "\(result)")
    }

    @Test func gradientOfAMaskPredictionHasShapeHW() throws {
        let output = directory.path("g.npy")
        _ = try eval([mask, "--loss", "dice", "--gradient-out", output])
        let fromNPY = directory.path("g2.npy")
        _ = try eval(["--truth", truth, "--probs", probs, "--ignore-index", "255", "--loss", "dice", "--gradient-out", fromNPY])
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(contentsOf: URL(fileURLWithPath: fromNPY)))
    }
}
