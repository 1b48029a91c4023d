import Foundation
import Testing
import SegLensCore
import SegLensFormats

/// `seglens train`: the trajectory against `seglens eval` on the saved logits, the saved logits themselves, the
/// output formats, and bad values.
@Suite struct TrainTests {
    let directory: TemporaryDirectory
    /// A binary 6×5 truth with labels 0/1, logits of the same size; and a 3-class one with void (255) pixels.
    let truth: String, logits: String, classTruth: String, classLogits: String

    init() throws {
        directory = try TemporaryDirectory()
        truth = try directory.npy("t.npy", labels: LabelMap(height: 6, width: 5, labels: TestInputs.labels(30, classes: 2, seed: 3)))
        logits = try directory.npy("z.npy", shape: [6, 5], values: TestInputs.uniform(30, in: -3...3, seed: 4))
        var labels = TestInputs.labels(30, classes: 3, seed: 5)
        for pixel in [0, 7, 19] { labels[pixel] = 255 }
        classTruth = try directory.npy("t3.npy", labels: LabelMap(height: 6, width: 5, labels: labels))
        classLogits = try directory.npy("z3.npy", shape: [3, 6, 5], values: TestInputs.uniform(90, in: -3...3, seed: 6))
    }

    func run(_ arguments: [String]) throws -> CommandResult {
        let result = try SegLensProcess.run(arguments)
        try #require(result.status == 0, "\(result)")
        return result
    }

    /// The value `seglens eval --json` prints for `loss` on `truth` and `logits`.
    func evalValue(_ loss: String, truth: String, logits: String, extra: [String] = []) throws -> Double {
        let result = try run(["eval", "--truth", truth, "--logits", logits, "--loss", loss, "--json"] + extra)
        let losses = try #require(try result.json()["losses"] as? [[String: Any]])
        return try #require(losses.first?["value"] as? Double)
    }

    func trajectory(_ json: [String: Any], loss index: Int = 0) throws -> [[String: Any]] {
        let losses = try #require(json["losses"] as? [[String: Any]])
        return try #require(losses[index]["trajectory"] as? [[String: Any]])
    }

    @Test(arguments: [("bce", "sgd"), ("focal", "adam"), ("dice", "sgd"), ("lovasz-hinge", "adam")])
    func theLastValueIsEvalOnTheSavedLogits(loss: String, optimizer: String) throws {
        let saved = directory.path("final-\(loss).npy")
        let result = try run([
            "train", "--truth", truth, "--logits", logits, "--loss", loss, "--steps", "25", "--every", "5",
            "--optimizer", optimizer, "--lr", optimizer == "sgd" ? "30" : "0.1", "--json", "--save-logits", saved,
        ])
        let points = try trajectory(try result.json())
        #expect(points.compactMap { $0["step"] as? Int } == [0, 5, 10, 15, 20, 25])
        let first = try #require(points.first?["value"] as? Double), last = try #require(points.last?["value"] as? Double)
        // train evaluates exactly (with the gradient); eval's value comes from the fused kernels, within 1e−12.
        let evalFirst = try evalValue(loss, truth: truth, logits: logits), evalLast = try evalValue(loss, truth: truth, logits: saved)
        #expect(abs(first - evalFirst) <= 1e-12 * abs(evalFirst))
        #expect(abs(last - evalLast) <= 1e-12 * abs(evalLast))
        #expect(last < first)
        let savedArray = try NPYReader.read(path: saved)
        #expect(savedArray.shape == [6, 5])
    }

    @Test func multiclassIgnoredPixelsKeepTheirLogitsAndEvalAgrees() throws {
        let saved = directory.path("final3.npy")
        let result = try run([
            "train", "--truth", classTruth, "--logits", classLogits, "--ignore-index", "255", "--loss", "ce",
            "--steps", "10", "--lr", "30", "--json", "--save-logits", saved,
        ])
        let last = try #require(try trajectory(try result.json()).last?["value"] as? Double)
        // train evaluates exactly; eval's multi-class value comes from the gradient kernel (Loss.boundedValue), within 1e−12.
        let evalLast = try evalValue("ce", truth: classTruth, logits: saved, extra: ["--ignore-index", "255"])
        #expect(abs(last - evalLast) <= 1e-12 * abs(evalLast))
        let before = try NPYReader.read(path: classLogits).doubles, after = try NPYReader.read(path: saved).doubles
        for c in 0..<3 {
            for pixel in 0..<30 {
                let i = c * 30 + pixel
                if [0, 7, 19].contains(pixel) { #expect(after[i] == before[i]) } else { #expect(after[i] != before[i]) }
            }
        }
    }

    @Test func racedLossesEachTrainTheirOwnCopy() throws {
        let both = try run(["train", "--truth", truth, "--logits", logits, "--loss", "bce", "--loss", "dice", "--steps", "8", "--json"])
        let alone = try run(["train", "--truth", truth, "--logits", logits, "--loss", "dice", "--steps", "8", "--json"])
        let raced = try trajectory(try both.json(), loss: 1), single = try trajectory(try alone.json())
        #expect(raced.compactMap { $0["value"] as? Double } == single.compactMap { $0["value"] as? Double })
        #expect(raced.count == 9)  // every N/10 = 0 → 1 step
    }

    @Test func csvHasAHeaderAndOneRowPerRecordedStep() throws {
        let result = try run(["train", "--truth", truth, "--logits", logits, "--loss", "bce", "--loss", "iou", "--steps", "7", "--every", "3", "--csv"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "step,bce,bce_iou,bce_dice,iou,iou_iou,iou_dice")
        #expect(lines.dropFirst().map { $0.split(separator: ",").first.map(String.init) } == ["0", "3", "6", "7"])
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",").count == 7 })
    }

    @Test func theTableNamesTheOptimizerAndTheDefaultRate() throws {
        let result = try run(["train", "--truth", truth, "--logits", logits, "--loss", "bce", "--steps", "3", "--every", "1"])
        #expect(result.stdout.contains("sgd η=30, 3 steps"), "\(result)")  // 30 kept pixels
        #expect(result.stdout.split(separator: "\n").count == 3 + 4)
    }

    @Test func trainingIsDeterministicRunToRun() throws {
        let arguments = ["train", "--truth", classTruth, "--logits", classLogits, "--ignore-index", "255", "--loss", "lovasz-softmax",
                         "--loss", "focal", "--optimizer", "adam", "--steps", "30", "--csv"]
        #expect(try run(arguments).stdout == (try run(arguments).stdout))
    }

    @Test(arguments: [
        (["--steps", "0"], "--steps must be within 1…1000000"),
        (["--steps", "2000000"], "--steps must be within 1…1000000"),
        (["--lr=0"], "--lr must be within 1e-9…1e9"),
        (["--lr=-1"], "--lr must be within 1e-9…1e9"),
        (["--lr", "nan"], "--lr must be within 1e-9…1e9"),
        (["--lr", "1e10"], "--lr must be within 1e-9…1e9"),
        (["--steps", "10", "--every", "11"], "--every must be within 1…10"),
        (["--every", "0"], "--every must be within 1…100"),
        (["--optimizer", "rmsprop"], "--optimizer"),
        (["--csv", "--json"], "--csv or --json"),
        (["--loss", "dice", "--save-logits", "x.npy"], "--save-logits needs exactly one --loss"),
        (["--gamma", "11"], "--gamma 11.0 is outside 0.0…10.0 for focal"),
    ])
    func badValuesAreUsageErrors(extra: [String], message: String) throws {
        let arguments = ["train", "--truth", truth, "--logits", logits, "--loss", "focal"] + extra
        let result = try SegLensProcess.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
        #expect(result.stdout.isEmpty)
    }

    @Test func trainWithoutALossIsAUsageError() throws {
        let result = try SegLensProcess.run(["train", "--truth", truth, "--logits", logits])
        #expect(result.status == 64 && result.stderr.contains("train needs at least one --loss"), "\(result)")
    }

    @Test func anUnwritableOutputIs73() throws {
        let result = try SegLensProcess.run([
            "train", "--truth", truth, "--logits", logits, "--loss", "bce", "--steps", "2",
            "--save-logits", directory.path("missing-dir/out.npy"),
        ])
        #expect(result.status == 73, "\(result)")
    }
}
