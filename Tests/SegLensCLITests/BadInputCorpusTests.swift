import Foundation
import Testing

/// The bad-input corpus: every file of Fixtures/bad/ (made by Fixtures/make_bad_inputs.py) breaks one thing, and
/// `seglens eval` must say which, where and with which exit code — within a second of CPU time (wall time on a
/// loaded machine says little), and without allocating more
/// than a small input needs (giant declared sizes are refused before any allocation). Directories, FIFOs and
/// paths that cannot be opened are made here, since git keeps none of them.
@Suite struct BadInputCorpusTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bad").standardizedFileURL

    /// How a bad file is given to `eval`: as the `.mask` FILE, or as one half of a pair with a valid other half.
    enum Role: Sendable { case mask, truth, logits, probs, npzTruth }

    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var role: Role
        var status: Int32
        /// Where, as the message starts: `file:line:col`, `file: byte N` or `file` alone (a shape, a value's row
        /// and column, which then is in `words`).
        var position: String
        var words: String
        var testDescription: String { file }

        init(_ file: String, _ role: Role, _ status: Int32, _ position: String, _ words: String) {
            (self.file, self.role, self.status, self.position, self.words) = (file, role, status, position, words)
        }

        var arguments: [String] {
            switch role {
            case .mask: ["eval", file]
            case .truth: ["eval", "--truth", file, "--logits", "ok-logits.npy"]
            case .npzTruth: ["eval", "--truth", file + ":mask", "--logits", "ok-logits.npy"]
            case .logits: ["eval", "--truth", "ok-truth.npy", "--logits", file]
            case .probs: ["eval", "--truth", "ok-truth.npy", "--probs", file]
            }
        }
    }

    static let cases: [Case] = [
        // .mask text: truncated, wrong version, non-UTF-8, NUL and ESC bytes, tabs, unequal rows, labels, NaN/Inf.
        Case("mask-empty.mask", .mask, 65, "mask-empty.mask:1:1", "missing \"truth:\""),
        Case("mask-truncated.mask", .mask, 65, "mask-truncated.mask:7:8", "row has 2 numbers but the truth is 3 pixels wide"),
        Case("mask-version2.mask", .mask, 65, "mask-version2.mask:1:16", "unsupported format version \"v2\""),
        Case("mask-latin1.mask", .mask, 65, "mask-latin1.mask: byte 28", "the file is not UTF-8 text"),
        Case("mask-nul.mask", .mask, 65, "mask-nul.mask:2:7", "unexpected \"\\u{0}\" after \"truth:\""),
        Case("mask-escape-title.mask", .mask, 65, "mask-escape-title.mask:3:8", "unexpected \"\\u{1b}[2J\""),
        Case("mask-unequal-rows.mask", .mask, 65, "mask-unequal-rows.mask:4:6", "truth row has 4 glyphs but the first row has 3"),
        Case("mask-tab-in-row.mask", .mask, 65, "mask-tab-in-row.mask:4:6", "truth row has 4 glyphs but the first row has 3"),
        Case("mask-bad-glyph.mask", .mask, 65, "mask-bad-glyph.mask:6:1", "needs one block per class"),
        Case("mask-nan.mask", .mask, 65, "mask-nan.mask:8:6", "expected a number, found \"nan\""),
        Case("mask-inf.mask", .mask, 65, "mask-inf.mask:8:10", "expected a number, found \"inf\""),
        Case("mask-huge-number.mask", .mask, 65, "mask-huge-number.mask:8:6", "number \"1e999\" is out of range"),
        Case("mask-prediction-rows.mask", .mask, 65, "mask-prediction-rows.mask:6:1", "prediction block has 1 row but the truth has 2"),
        Case("mask-no-truth.mask", .mask, 65, "mask-no-truth.mask:1:1", "a .mask file needs a ground truth"),
        Case("mask-preset-duplicate.mask", .mask, 65, "mask-preset-duplicate.mask:3:8", "duplicate preset 2 (first on line 2)"),
        Case("mask-preset-no-loss.mask", .mask, 65, "mask-preset-no-loss.mask:2:10", "preset 1 needs loss="),
        Case("mask-probability-9.mask", .mask, 65, "mask-probability-9.mask:7:11", "probability 1.5 is outside [0, 1]"),
        // .npy: magic, versions, lying and giant headers, dtypes, NaN/Inf, labels, shapes.
        Case("npy-empty.npy", .truth, 65, "npy-empty.npy", "the file is empty (0 bytes)"),
        Case("npy-magic-only.npy", .truth, 65, "npy-magic-only.npy: byte 6", "truncated .npy file: the header ends early"),
        Case("npy-wrong-magic.npy", .truth, 65, "npy-wrong-magic.npy: byte 0", "not an NPY, NPZ, PNG or PGM file"),
        Case("npy-version9.npy", .truth, 65, "npy-version9.npy: byte 6", "unsupported .npy version 9.0"),
        Case("npy-header-past-end.npy", .truth, 65, "npy-header-past-end.npy: byte 40", "the header declares 60000 bytes but only 30 follow"),
        Case("npy-truncated-data.npy", .truth, 65, "npy-truncated-data.npy: byte 182", "promises 16 elements (16 × 4 bytes) but only 54 bytes"),
        Case("npy-trailing-bytes.npy", .truth, 65, "npy-trailing-bytes.npy: byte 192", "8 bytes of trailing data"),
        Case("npy-lying-shape.npy", .truth, 65, "npy-lying-shape.npy: byte 192", "promises 1600 elements"),
        Case("npy-giant-shape.npy", .logits, 65, "npy-giant-shape.npy: byte 10", "declares 1000000000000 elements, more than the limit"),
        Case("npy-complex.npy", .logits, 65, "npy-complex.npy: byte 10", "unsupported dtype '<c16'"),
        Case("npy-object.npy", .logits, 65, "npy-object.npy: byte 10", "unsupported dtype '|O'"),
        Case("npy-structured.npy", .logits, 65, "npy-structured.npy: byte 10", "structured arrays are not supported"),
        Case("npy-not-a-dict.npy", .truth, 65, "npy-not-a-dict.npy: byte 10", "malformed .npy header: not a dictionary"),
        Case("npy-fortran-string.npy", .truth, 65, "npy-fortran-string.npy: byte 10", "'fortran_order' is not True or False"),
        Case("npy-negative-shape.npy", .truth, 65, "npy-negative-shape.npy: byte 10", "'shape' holds something other than non-negative integers"),
        Case("npy-float-labels.npy", .truth, 65, "npy-float-labels.npy", "label 0.5 at row 0, column 1 is not an integer"),
        Case("npy-label-7.npy", .truth, 65, "npy-label-7.npy", "label 7 at row 1, column 1 is not a class (0 or 1)"),
        Case("npy-nan-logits.npy", .logits, 65, "npy-nan-logits.npy", "non-finite value nan at channel 0, row 2, column 1"),
        Case("npy-inf-logits.npy", .logits, 65, "npy-inf-logits.npy", "non-finite value inf at channel 0, row 0, column 2"),
        Case("npy-probs-above-1.npy", .probs, 65, "npy-probs-above-1.npy", "probability 1.25 at channel 0, row 1, column 2"),
        Case("npy-shape-mismatch.npy", .logits, 65, "npy-shape-mismatch.npy", "prediction is 4×5 but the truth ok-truth.npy is 4×4"),
        Case("npy-rank5.npy", .logits, 65, "npy-rank5.npy", "not (1, 1, 1, 4, 4)"),
        Case("npy-float16-logits.npy", .logits, 65, "npy-float16-logits.npy", "float16 logits are refused"),
        Case("npy-channels-last.npy", .logits, 65, "npy-channels-last.npy", "np.transpose(x, (2, 0, 1))"),
        // .npz
        Case("npz-truncated.npz", .npzTruth, 65, "npz-truncated.npz: byte 221", "no end-of-central-directory record"),
        Case("npz-corrupt.npz", .npzTruth, 65, "npz-corrupt.npz: byte 58", "mask.npy: CRC-32 mismatch"),
        Case("npz-bzip2.npz", .npzTruth, 65, "npz-bzip2.npz: byte 157", "compression method 12 is not supported"),
        Case("npz-member-not-npy.npz", .npzTruth, 65, "npz-member-not-npy.npz:mask: byte 0", "not an NPY, NPZ, PNG or PGM file"),
        // PNG, PGM and other images
        Case("png-signature-only.png", .truth, 65, "png-signature-only.png: byte 8", "no IHDR chunk first"),
        Case("png-truncated.png", .truth, 65, "png-truncated.png: byte 33", "chunk IDAT declares 11 bytes, only 0 follow"),
        Case("png-bad-crc.png", .truth, 65, "png-bad-crc.png: byte 33", "chunk IDAT fails its CRC-32"),
        Case("png-giant.png", .truth, 65, "png-giant.png: byte 16", "declares 10000000000 pixels, more than the limit"),
        Case("png-zero-width.png", .truth, 65, "png-zero-width.png: byte 16", "the image is 0×4 pixels"),
        Case("png-wrong-magic.png", .truth, 65, "png-wrong-magic.png: byte 0", "unknown first bytes"),
        Case("png-rgb-truth.png", .truth, 65, "png-rgb-truth.png", "an RGB PNG truth needs --palette"),
        Case("pgm-maxval-0.pgm", .truth, 65, "pgm-maxval-0.pgm:3:1", "the maximum value must be in 1…65535"),
        Case("pgm-word.pgm", .truth, 65, "pgm-word.pgm:5:3", "expected a sample, found 'x'"),
        Case("pgm-truncated.pgm", .truth, 65, "pgm-truncated.pgm: byte 20", "4 × 4 samples need 16 bytes, only 9 follow"),
        Case("pgm-giant.pgm", .truth, 65, "pgm-giant.pgm:2:14", "declares 10000000000 pixels"),
        Case("pgm-above-maxval.pgm", .truth, 65, "pgm-above-maxval.pgm:5:3", "a sample must be in 0…15"),
        Case("pgm-no-dims.pgm", .truth, 65, "pgm-no-dims.pgm:2:1", "expected the width, found the end of the file"),
        Case("jpeg-mask.png", .truth, 65, "jpeg-mask.png: byte 0", "JPEG is lossy: masks need PNG"),
        Case("gif-mask.png", .truth, 65, "gif-mask.png: byte 0", "unknown first bytes"),
        Case("text-labels.npy", .truth, 65, "text-labels.npy: byte 0", "unknown first bytes"),
    ]

    /// A small valid run's peak memory, the yardstick of "what the file size justifies" (every bad file is < 2 KB).
    static let baselineKB: Int? = {
        guard let run = try? SegLensProcess.run(
            ["eval", "--truth", "ok-truth.npy", "--logits", "ok-logits.npy"], measuringIn: directory),
            run.result.status == 0 else { return nil }
        return run.peakKB
    }()

    @Test func theCorpusHasEveryFileAndMoreThanForty() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { !$0.hasPrefix("ok-") }
        #expect(Set(files) == Set(Self.cases.map(\.file)), "files without a case or cases without a file")
        #expect(Self.cases.count + Self.madeHere.count >= 40)
        let baseline = try #require(Self.baselineKB, "GNU time did not report the peak memory of a valid run")
        #expect(baseline > 1000 && baseline < 200_000, "\(baseline) KB")
    }

    @Test(arguments: cases)
    func aBadFileIsNamedWithItsPosition(bad: Case) throws {
        let (result, peak, cpuSeconds) = try SegLensProcess.run(bad.arguments, measuringIn: Self.directory)
        #expect(result.status == bad.status, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.hasPrefix("seglens: \(bad.position): "), "\(result)")
        #expect(result.stderr.contains(bad.words), "\(result)")
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0 || $0.value == 0x1B }, "raw control bytes in \(result)")
        let seconds = try #require(cpuSeconds, "GNU time reported no CPU time")
        #expect(seconds < 1, "\(bad.file) took \(seconds) s of CPU")
        if let peak, let baseline = Self.baselineKB {
            #expect(peak < baseline + 16 * 1024, "\(bad.file): peak \(peak) KB against \(baseline) KB for a valid pair")
        }
    }

    /// Paths that are not readable files, made in a fresh directory: (name, make it, words).
    static let madeHere: [String] = ["a directory", "a FIFO", "a dangling link", "a file as a directory", "a missing file"]

    @Test(arguments: madeHere)
    func aPathThatIsNoFileIs66(kind: String) throws {
        let scratch = try TemporaryDirectory()
        let path: String, words: String
        switch kind {
        case "a directory":
            path = scratch.path("dir.npy")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            words = "cannot read a directory"
        case "a FIFO":
            path = scratch.path("pipe.npy")
            try #require(mkfifo(path, 0o644) == 0)
            words = "cannot read a FIFO (named pipe)"
        case "a dangling link":
            path = scratch.path("link.npy")
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: scratch.path("gone.npy"))
            words = "No such file or directory"
        case "a file as a directory":
            path = Self.directory.appendingPathComponent("ok-truth.npy").path + "/x.npy"
            words = "Not a directory"
        default:
            path = scratch.path("missing.npy")
            words = "No such file or directory"
        }
        let start = Date()
        let result = try SegLensProcess.run(["eval", "--truth", path, "--logits", Self.directory.appendingPathComponent("ok-logits.npy").path])
        #expect(Date().timeIntervalSince(start) < 10, "a FIFO must not block")
        #expect(result.status == 66, "\(result)")
        #expect(result.stderr.hasPrefix("seglens: \(path): ") && result.stderr.contains(words), "\(result)")
    }
}
