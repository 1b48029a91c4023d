import Foundation
import SegLensCore
import SegLensFormats
import Testing

/// The inputs people have: numpy `.npz` archives (`--truth a.npz:mask --logits a.npz:logits`), and the ones seglens
/// must refuse with a message that says what to do: a missing array name, channels-last and float16 logits, a JPEG
/// mask, an empty file. `info --truth X` alone describes the truth.
@Suite struct PeopleInputTests {
    /// The numpy-written archives of SegLensFormatsTests (make_npz_fixtures.py).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SegLensFormatsTests/Fixtures/npz").standardizedFileURL
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    /// `eval --json` of the arguments, without the prediction's name (which is the file's).
    func evalJSON(_ arguments: [String]) throws -> NSDictionary {
        let result = try SegLensProcess.run(["eval"] + arguments + ["--json"])
        try #require(result.status == 0, "\(result)")
        return TestInputs.withoutPredictionName(try result.json())
    }

    /// The same arrays as separate .npy files, from the formulas of make_npz_fixtures.py.
    func npyPair() throws -> (truth: String, logits: String) {
        let (height, width) = (6, 8)
        let labels = (0..<(height * width)).map { Int32((3 * $0 + 1) % 5 == 0 ? 1 : 0) }
        return (
            try directory.npy("t.npy", labels: LabelMap(height: height, width: width, labels: labels)),
            try directory.npy("z.npy", shape: [height, width], values: (0..<(height * width)).map { 0.25 * Double($0) - 3 })
        )
    }

    @Test(arguments: ["pair_stored.npz", "pair_deflate.npz"])
    func anArchiveEvaluatesAsTheSameArraysInNPYFiles(file: String) throws {
        let pair = try npyPair()
        let archive = Self.fixture(file)
        let fromArchive = try evalJSON(["--truth", archive + ":mask", "--logits", archive + ":logits"])
        #expect(fromArchive == (try evalJSON(["--truth", pair.truth, "--logits", pair.logits])))
    }

    @Test func aMissingArrayListsTheNames() throws {
        let archive = Self.fixture("pair_deflate.npz")
        let result = try SegLensProcess.run(["eval", "--truth", archive + ":labels", "--logits", archive + ":logits"])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("\(archive): no array 'labels' in the archive (arrays: mask, logits)"), "\(result)")
        let unnamed = try SegLensProcess.run(["eval", "--truth", archive, "--logits", archive + ":logits"])
        #expect(unnamed.status == 65 && unnamed.stderr.contains("\(archive):NAME (arrays: mask, logits)"), "\(unnamed)")
    }

    @Test func anArrayNameOnAnNPYFileIsAUsageError() throws {
        let pair = try npyPair()
        let result = try SegLensProcess.run(["eval", "--truth", pair.truth + ":mask", "--logits", pair.logits])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("\(pair.truth): a NPY file holds no named arrays"), "\(result)")
    }

    @Test func channelsLastLogitsSayTheShapeAndTheTranspose() throws {
        let archive = Self.fixture("channels_last.npz")
        let result = try SegLensProcess.run(["eval", "--truth", archive + ":mask", "--logits", archive + ":logits"])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("shape (6, 8, 3) is channels-last (H, W, C) for the 6×8 truth"), "\(result)")
        #expect(result.stderr.contains("(C, H, W) = (3, 6, 8): save np.transpose(x, (2, 0, 1))"), "\(result)")
        // The transposed array, as the message says, is accepted: multiclass.npz holds exactly that.
        let fixed = Self.fixture("multiclass.npz")
        let accepted = try SegLensProcess.run(["eval", "--truth", archive + ":mask", "--logits", fixed + ":logits"])
        #expect(accepted.status == 0, "\(accepted)")
    }

    @Test func channelsLastWithABatchAxisToo() throws {
        let truth = try directory.npy("t.npy", labels: LabelMap(height: 4, width: 5, labels: [Int32](repeating: 1, count: 20)))
        let logits = try directory.npy("z.npy", shape: [1, 4, 5, 2], values: [Double](repeating: 0.5, count: 40))
        let result = try SegLensProcess.run(["eval", "--truth", truth, "--logits", logits])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("(1, C, H, W) = (1, 2, 4, 5): save np.transpose(x, (0, 3, 1, 2))"), "\(result)")
    }

    @Test func float16LogitsAreRefused() throws {
        let archive = Self.fixture("float16.npz")
        let result = try SegLensProcess.run(["eval", "--truth", archive + ":mask", "--logits", archive + ":logits"])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("\(archive):logits: float16 logits are refused"), "\(result)")
        #expect(result.stderr.contains("x.astype(np.float32)"), "\(result)")
    }

    @Test func aJPEGMaskIsRefusedByItsMagicBytes() throws {
        let pair = try npyPair()
        // Named .png on purpose: the first bytes decide, not the extension.
        let jpeg = try directory.file("mask.png", bytes: try #require(FileManager.default.contents(atPath: Self.fixture("photo.jpg"))).map { $0 })
        let result = try SegLensProcess.run(["eval", "--truth", jpeg, "--logits", pair.logits])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("\(jpeg): byte 0: a JPEG file; JPEG is lossy: masks need PNG"), "\(result)")
    }

    @Test(arguments: ["--truth", "--logits"])
    func anEmptyFileIsNamedEmpty(option: String) throws {
        let pair = try npyPair()
        let empty = try directory.file("empty.npy", bytes: [])
        let arguments = option == "--truth" ? ["--truth", empty, "--logits", pair.logits] : ["--truth", pair.truth, "--logits", empty]
        let result = try SegLensProcess.run(["eval"] + arguments)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("\(empty): the file is empty (0 bytes)"), "\(result)")
    }

    @Test func infoDescribesATruthAlone() throws {
        let labels: [Int32] = [0, 0, 1, 2, 255, 1, 1, 0]
        let truth = try directory.npy("t.npy", labels: LabelMap(height: 2, width: 4, labels: labels))
        let text = try SegLensProcess.run(["info", "--truth", truth, "--ignore-index", "255"])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("truth only, 2×4, 3 distinct labels, ignore index 255: 1 ignored"), "\(text)")
        #expect(text.stdout.contains("labels: 0 3, 1 3, 2 1"), "\(text)")
        let json = try SegLensProcess.run(["info", "--truth", truth, "--json"])
        let object = try json.json()
        #expect(object["height"] as? Int == 2 && object["width"] as? Int == 4)
        let counts = try #require(object["labels"] as? [[String: Any]]).map { [$0["label"] as? Int, $0["count"] as? Int] }
        #expect(counts == [[0, 3], [1, 3], [2, 1], [255, 1]])
        // The archive's mask, named by its array.
        let archive = try SegLensProcess.run(["info", "--truth", Self.fixture("pair_deflate.npz") + ":mask"])
        #expect(archive.status == 0 && archive.stdout.contains("6×8"), "\(archive)")
    }

    @Test func otherCommandsStillNeedAPrediction() throws {
        let truth = try directory.npy("t.npy", labels: LabelMap(height: 1, width: 2, labels: [0, 1]))
        let result = try SegLensProcess.run(["eval", "--truth", truth])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("--logits/--probs"), "\(result)")
    }
}
