import Foundation
import SegLensFormats
import Testing

/// The what-if command line: edit flags on eval, `sweep` against eval point by point, `eval --rank`, and the
/// usage errors of bad values.
@Suite struct WhatIfCommandTests {
    static let sample = RenderTests.sample("small-object.mask")

    static func evalJSON(_ arguments: [String]) throws -> [String: Any] {
        let result = try SegLensProcess.run(["eval", "--json"] + arguments)
        #expect(result.status == 0, "\(result)")
        return try result.json()
    }

    static func lossValues(_ json: [String: Any]) throws -> [String: Double] {
        let losses = try #require(json["losses"] as? [[String: Any]])
        var values: [String: Double] = [:]
        for loss in losses { values[loss["name"] as! String] = (loss["value"] as! NSNumber).doubleValue }
        return values
    }

    /// Identity values of every edit give exactly the numbers of no edit at all.
    @Test func identityEditsAreBitIdentical() throws {
        for file in ["small-object.mask", "street-scene.mask"] {
            let path = RenderTests.sample(file)
            let plain = try Self.lossValues(Self.evalJSON([path]))
            let identity = try Self.evalJSON(
                [path, "--shift", "0,0", "--blur", "0", "--temperature", "1", "--dilate", "0", "--noise", "0,5"])
            #expect(try Self.lossValues(identity) == plain)
            #expect((identity["edits"] as? [String: Any])?.isEmpty == true)
        }
    }

    @Test func editsAreReportedInJSON() throws {
        let json = try Self.evalJSON(
            [Self.sample, "--shift", "-1,2", "--dilate", "-1", "--blur", "0.5", "--temperature", "2", "--noise", "0.3,7", "--harden"])
        let edits = try #require(json["edits"] as? [String: Any])
        #expect(edits["shift"] as? [Int] == [-1, 2])
        #expect(edits["dilate"] as? Int == -1)
        #expect(edits["blur"] as? Double == 0.5)
        #expect(edits["temperature"] as? Double == 2)
        #expect((edits["noise"] as? [String: Any])?["seed"] as? Int == 7)
        #expect(edits["harden"] as? Bool == true)
    }

    /// A hardened prediction of the sample is probabilities 1−1e−7 / 1e−7 by its argmax: BCE is then
    /// −log(1−1e−7) on right pixels and −log(1e−7) on wrong ones, counted here from the metrics eval prints.
    @Test func hardenedBCEMatchesTheClipByHand() throws {
        let json = try Self.evalJSON([Self.sample, "--harden", "--loss", "bce"])
        let metrics = try #require(json["metrics"] as? [String: Any])
        let wrong = Double((metrics["fp"] as! Int) + (metrics["fn"] as! Int))
        let right = Double((metrics["tp"] as! Int) + (metrics["tn"] as! Int))
        let expected = (wrong * -log(1e-7) + right * -log(1 - 1e-7)) / (wrong + right)
        let value = try #require(try Self.lossValues(json)["bce"])
        #expect(abs(value - expected) < 1e-12 * expected)
    }

    @Test(arguments: [
        (["--blur", "-1"], "--blur -1 is outside 0…50"),
        (["--temperature", "0"], "--temperature 0 is outside 0.001…1000"),
        (["--temperature", "-2"], "--temperature -2 is outside 0.001…1000"),
        (["--noise", "-0.5"], "--noise -0.5 is outside 0…100"),
        (["--noise", "1,x"], "--noise takes S or S,SEED"),
        (["--dilate", "101"], "--dilate 101 is outside -100…100"),
        (["--shift", "3"], "--shift takes DX,DY"),
        (["--edit-class", "1"], "--edit-class applies to a multi-class prediction"),
    ])
    func badEditValuesAreUsageErrors(arguments: [String], message: String) throws {
        let result = try SegLensProcess.run(["eval", Self.sample] + arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
    }

    @Test(arguments: [
        ("gamma=0:5:0", "STEP must not be 0"),
        ("gamma=0:1:0.00001", "100001 points, more than the limit of 1…10000"),
        ("zeta=0:1:0.5", "unknown parameter 'zeta' (allowed: alpha, gamma, beta, smooth, w0, sigma, shift"),
        ("gamma=0:11:1", "11 is outside 0…10 for focal"),
        ("gamma=3:1:1", "does not lead from START to STOP"),
        ("blur=-1:1:1", "--vary blur: -1 is outside 0…50"),
        ("temperature=0:1:0.5", "--vary temperature: 0 is outside 0.001…1000"),
        ("dilate=0:2:0.5", "0.5 is not a whole number of pixels"),
        ("gamma", "--vary takes P=START:STOP:STEP"),
    ])
    func badSweepsAreUsageErrors(vary: String, message: String) throws {
        let result = try SegLensProcess.run(["sweep", Self.sample, "--loss", "focal", "--vary", vary])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
    }

    /// Every number of a sweep equals eval at the same settings: loss parameters and edits alike.
    @Test(arguments: [
        ("gamma=0:4:0.5", "--gamma"), ("alpha=0:1:0.25", "--alpha"), ("beta=0.1:0.9:0.2", "--beta"),
        ("smooth=0:2:1", "--smooth"), ("shift=-2:3:1", "--shift"), ("blur=0:2:0.5", "--blur"),
        ("temperature=0.5:2:0.5", "--temperature"), ("noise=0:1:0.5", "--noise"), ("dilate=-2:2:1", "--dilate"),
    ])
    func sweepEqualsEvalAtEveryPoint(vary: String, flag: String) throws {
        let losses = ["focal", "dice", "tversky", "focal-tversky", "balanced-bce", "lovasz-hinge"]
        let result = try SegLensProcess.run(
            ["sweep", Self.sample, "--json", "--vary", vary, "--shift", "0,1"] + losses.flatMap { ["--loss", $0] })
        #expect(result.status == 0, "\(result)")
        let points = try #require(try result.json()["points"] as? [[String: Any]])
        #expect(!points.isEmpty)
        // The documented points, START + k·STEP, computed here (JSON parsing may round the printed value).
        let numbers = vary.split(separator: "=")[1].split(separator: ":").map { Double($0)! }
        for (k, point) in points.enumerated() {
            let value = numbers[0] + Double(k) * numbers[2]
            #expect(abs((point["value"] as! NSNumber).doubleValue - value) <= 1e-15)
            let text = flag == "--shift" ? "\(Int(value)),1" : flag == "--dilate" ? "\(Int(value))" : "\(value)"
            var arguments = [Self.sample] + losses.flatMap { ["--loss", $0] }
            arguments += flag == "--shift" ? ["--shift", text] : [flag, text, "--shift", "0,1"]
            let expected = try Self.lossValues(Self.evalJSON(arguments))
            for entry in try #require(point["losses"] as? [[String: Any]]) {
                let name = entry["name"] as! String
                // sweep evaluates each point exactly (it needs the gradient); eval computes the value alone with the
                // fused kernels, which agree within 1e−12 relative.
                let swept = (entry["value"] as! NSNumber).doubleValue, evaluated = try #require(expected[name])
                #expect(abs(swept - evaluated) <= 1e-12 * max(abs(evaluated), 1e-300), "\(name) at \(vary) = \(value)")
            }
        }
    }

    /// The hardest-10% share from first principles: p_t from the logits the test wrote, the gradient from
    /// `eval --gradient-out`, the share summed here.
    @Test func hardestShareFromTheGradientOfEval() throws {
        let directory = try TemporaryDirectory()
        let height = 12, width = 10, count = height * width
        let labels = TestInputs.labels(count, classes: 2, seed: 4)
        let logits = TestInputs.uniform(count, in: -4...4, seed: 5)
        let truth = try directory.npy("t.npy", labels: .init(height: height, width: width, labels: labels))
        let prediction = try directory.npy("z.npy", shape: [height, width], values: logits)
        let sweep = try SegLensProcess.run(
            ["sweep", "--truth", truth, "--logits", prediction, "--loss", "focal", "--vary", "gamma=0:3:1", "--json"])
        #expect(sweep.status == 0, "\(sweep)")
        let points = try #require(try sweep.json()["points"] as? [[String: Any]])
        // −log p_t by hand; hardest first, ties by index.
        let hardness = (0..<count).map { i -> Double in
            let p = 1 / (1 + exp(-logits[i]))
            return -log(labels[i] == 1 ? p : 1 - p)
        }
        let order = (0..<count).sorted { hardness[$0] != hardness[$1] ? hardness[$0] > hardness[$1] : $0 < $1 }
        let hardest = Int((0.1 * Double(count)).rounded(.up))
        for point in points {
            let gamma = (point["value"] as! NSNumber).doubleValue
            let out = directory.path("g\(gamma).npy")
            let eval = try SegLensProcess.run(
                ["eval", "--truth", truth, "--logits", prediction, "--loss", "focal", "--gamma", "\(gamma)", "--gradient-out", out])
            #expect(eval.status == 0, "\(eval)")
            let gradient = try NPYReader.read(path: out).doubles
            let total = gradient.map { Swift.abs($0) }.reduce(0, +)
            let top = order.prefix(hardest).map { Swift.abs(gradient[$0]) }.reduce(0, +)
            let share = try #require((point["losses"] as? [[String: Any]])?.first?["top10_share"] as? Double)
            #expect(Swift.abs(share - top / total) < 1e-12, "γ = \(gamma)")
        }
    }

    /// Samples/opposite-rankings.mask: BCE and Dice rank its two predictions in opposite order.
    @Test func rankShowsBCEAndDiceDisagreeing() throws {
        let file = RenderTests.sample("opposite-rankings.mask")
        let result = try SegLensProcess.run(["eval", file, "--rank", "--json"])
        #expect(result.status == 0, "\(result)")
        let json = try result.json()
        #expect(json["disagree"] as? Bool == true)
        let ranking = try #require(json["ranking"] as? [[String: Any]])
        func order(_ loss: String) -> [String] {
            let verdict = ranking.first { $0["loss"] as? String == loss }
            return ((verdict?["order"] as? [[String: Any]]) ?? []).map { $0["prediction"] as! String }
        }
        #expect(order("bce") == ["hedging", "bold"])
        #expect(order("dice") == ["bold", "hedging"])
        // Each order's values equal eval of that prediction (within the fused kernels' 1e−12).
        for loss in ["bce", "dice"] {
            let verdict = try #require(ranking.first { $0["loss"] as? String == loss })
            for entry in try #require(verdict["order"] as? [[String: Any]]) {
                let name = entry["prediction"] as! String
                let value = try #require(try Self.lossValues(Self.evalJSON([file, "--prediction", name, "--loss", loss]))[loss])
                #expect(abs((entry["value"] as! NSNumber).doubleValue - value) <= 1e-12 * abs(value))
            }
        }
        let table = try SegLensProcess.run(["eval", file, "--rank"])
        #expect(table.stdout.contains("the losses disagree"))
        #expect(table.stdout.contains("5 of 11: bold < hedging"))
    }

    @Test func rankNeedsTwoPredictions() throws {
        let result = try SegLensProcess.run(["eval", Self.sample, "--rank"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--rank needs a FILE with two or more predictions"))
    }
}
