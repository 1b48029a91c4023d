import Foundation
import SegLensCore
import SegLensFormats
import Testing

/// Every command that writes a file: refuses an existing output without `--force`, replaces it with `--force`,
/// never writes onto one of its inputs (not even with `--force`, not under another name), and a write that fails
/// leaves the old file byte for byte as it was, with no temporary file left beside it.
@Suite struct OutputSafetyTests {
    let directory: TemporaryDirectory
    let truth: String, logits: String

    init() throws {
        directory = try TemporaryDirectory()
        let (height, width) = (40, 40)
        truth = try directory.npy(
            "truth.npy", labels: LabelMap(height: height, width: width, labels: TestInputs.labels(height * width, classes: 2, seed: 41)))
        logits = try directory.npy(
            "logits.npy", shape: [height, width], values: TestInputs.uniform(height * width, in: -4...4, seed: 42))
    }

    /// A command that writes one file: its arguments given the output path.
    struct Writer: CustomTestStringConvertible, Sendable {
        var option: String
        var arguments: @Sendable (_ truth: String, _ logits: String, _ output: String) -> [String]
        var testDescription: String { option }
    }

    static let writers = [
        Writer(option: "--output") { ["convert", "--truth", $0, "--logits", $1, "--output", $2] },
        Writer(option: "--gradient-out") { ["eval", "--truth", $0, "--logits", $1, "--loss", "focal", "--gradient-out", $2] },
        Writer(option: "--save-logits") {
            ["train", "--truth", $0, "--logits", $1, "--loss", "dice", "--steps", "2", "--save-logits", $2]
        },
        Writer(option: "--png") { ["render", "--truth", $0, "--logits", $1, "--png", $2] },
    ]

    static let oldBytes = Array("the lecturer's slide asset\n".utf8)

    func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }

    /// Files in the directory other than the inputs and `keep`: leftovers of a write.
    func strayFiles(keeping keep: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
            .filter { !["truth.npy", "logits.npy"].contains($0) && !keep.contains($0) }
    }

    @Test(arguments: writers)
    func writesANewFile(writer: Writer) throws {
        let output = directory.path("out")
        let result = try SegLensProcess.run(writer.arguments(truth, logits, output))
        #expect(result.status == 0, "\(result)")
        #expect((contents(output)?.count ?? 0) > 100)
        #expect(try strayFiles(keeping: ["out"]).isEmpty)
    }

    @Test(arguments: writers)
    func refusesAnExistingFileWithoutForce(writer: Writer) throws {
        let output = try directory.file("old", bytes: Self.oldBytes)
        let result = try SegLensProcess.run(writer.arguments(truth, logits, output))
        #expect(result.status == 73, "\(result)")
        #expect(result.stderr.contains(output) && result.stderr.contains("--force"), "\(result)")
        #expect(contents(output) == Self.oldBytes)
        #expect(try strayFiles(keeping: ["old"]).isEmpty)
    }

    @Test(arguments: writers)
    func replacesAnExistingFileWithForce(writer: Writer) throws {
        let output = try directory.file("old", bytes: Self.oldBytes)
        let result = try SegLensProcess.run(writer.arguments(truth, logits, output) + ["--force"])
        #expect(result.status == 0, "\(result)")
        let written = try #require(contents(output))
        #expect(written != Self.oldBytes && written.count > 100)
        #expect(try strayFiles(keeping: ["old"]).isEmpty)
    }

    @Test(arguments: writers)
    func neverWritesOntoAnInputEvenWithForce(writer: Writer) throws {
        let truthBefore = try #require(contents(truth)), logitsBefore = try #require(contents(logits))
        let link = directory.path("link.npy")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: logits)
        let respelled = directory.url.path + "/./truth.npy"
        for (output, input) in [(truth, truth), (logits, logits), (link, logits), (respelled, truth)] {
            let result = try SegLensProcess.run(writer.arguments(truth, logits, output) + ["--force"])
            #expect(result.status == 64, "\(output): \(result)")
            #expect(result.stderr.contains(writer.option) && result.stderr.contains(input) && result.stderr.contains("input"), "\(result)")
        }
        #expect(contents(truth) == truthBefore && contents(logits) == logitsBefore)
        #expect(try strayFiles(keeping: ["link.npy"]).isEmpty)
    }

    @Test(arguments: writers)
    func aMissingDirectoryIsAClearError(writer: Writer) throws {
        let output = directory.path("no/such/dir/out")
        let result = try SegLensProcess.run(writer.arguments(truth, logits, output))
        #expect(result.status == 73, "\(result)")
        #expect(result.stderr.contains(output), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// The output is larger than the 2 KB the file-size limit allows, so the write of the temporary file fails:
    /// the old file must stay as it was, even with `--force`.
    @Test(arguments: writers)
    func aFailedWriteLeavesTheOldFileIntact(writer: Writer) throws {
        let output = try directory.file("old", bytes: Self.oldBytes)
        let result = try SegLensProcess.run(writer.arguments(truth, logits, output) + ["--force"], fileSizeLimitBlocks: 4)
        #expect(result.status == 73, "\(result)")
        #expect(result.stderr.contains(output) && result.stderr.contains("cannot write"), "\(result)")
        #expect(contents(output) == Self.oldBytes)
        #expect(try strayFiles(keeping: ["old"]).isEmpty)
    }
}
