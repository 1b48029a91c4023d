import Foundation
import SegLensCore
import SegLensFormats
import Testing

/// Reading a big binary input into the loss input stays within 40 bytes per pixel of peak memory on every path
/// (`.mask`, NPY, PGM, PNG), and so do `eval` of a loss and `eval --gradient-out`: the command on a generated
/// 1000×1000 input, its peak resident memory (GNU time) above that of the same command on a 4×4 input, per
/// pixel. A multi-class input stays within 20 bytes per pixel and class on reading, `eval` of each loss and
/// `eval --gradient-out`. Benchmark-style: small enough for CI, no timings.
@Suite struct InputMemoryBudgetTests {
    static let height = 1000, width = 1000
    static let bytesPerPixel = 40

    /// Discs of foreground on background, and a digit `d` (probability d/9) that is sure inside them and unsure
    /// near their edges: the picture of Benchmarks/big_input.py.
    static func picture(height: Int, width: Int) -> (truth: LabelMap, digits: [UInt8]) {
        var labels = [Int32](repeating: 0, count: height * width), digits = [UInt8](repeating: 0, count: height * width)
        for row in 0..<height {
            for column in 0..<width {
                let dy = Double(row % 125) - 62, dx = Double(column % 125) - 62
                let distance = (dx * dx + dy * dy).squareRoot() - 40
                labels[row * width + column] = distance < 0 ? 1 : 0
                digits[row * width + column] = UInt8((9 / (1 + exp((distance - 3) / 4))).rounded())
            }
        }
        return (LabelMap(height: height, width: width, labels: labels), digits)
    }

    /// The input in each format in `directory`, named `<stem>.mask`, `<stem>-truth.npy`, … .
    static func write(height: Int, width: Int, stem: String, in directory: TemporaryDirectory) throws {
        let (truth, digits) = picture(height: height, width: width)
        var mask = Array("# seglens mask v1\ntruth:\n".utf8)
        for row in 0..<height {
            mask += Array("  ".utf8) + truth.labels[(row * width)..<((row + 1) * width)].map { $0 == 1 ? UInt8(ascii: "#") : UInt8(ascii: ".") } + [10]
        }
        mask += Array("prediction: probabilities\n".utf8)
        for row in 0..<height {
            mask += Array("  ".utf8) + digits[(row * width)..<((row + 1) * width)].map { $0 + 48 } + [10]
        }
        try Data(mask).write(to: URL(fileURLWithPath: directory.path("\(stem).mask")))
        let probabilities = digits.map { Double($0) / 9 }
        let logits = probabilities.map { p in log(max(p, 1e-3) / max(1 - p, 1e-3)) }
        _ = try directory.npy("\(stem)-truth.npy", labels: truth)
        _ = try directory.npy("\(stem)-logits.npy", shape: [height, width], values: logits)
        _ = try directory.npy("\(stem)-probs.npy", shape: [height, width], values: probabilities)
        let grayTruth = GrayImage(height: height, width: width, maxValue: 255, values: truth.labels.map { $0 == 1 ? 255 : 0 })
        try PGMWriter.write(grayTruth, to: directory.path("\(stem)-truth.pgm"), overwrite: .replace)
        try PNGWriter.write(grayTruth, to: directory.path("\(stem)-truth.png"), overwrite: .replace)
        let grayProbabilities = GrayImage(height: height, width: width, maxValue: 9, values: digits.map(UInt16.init))
        try PGMWriter.write(grayProbabilities, to: directory.path("\(stem)-probs.pgm"), overwrite: .replace)
    }

    /// The command for each path, `STEM` standing for the input's name: `info` reads the input into its loss
    /// input; `eval` of one loss also evaluates it, for its value alone (``SegLensCore/Loss/value(_:parameters:prepared:)``).
    static let paths: [(name: String, arguments: [String])] = [
        (".mask digit grid", ["info", "STEM.mask"]),
        ("NPY truth + NPY logits", ["info", "--truth", "STEM-truth.npy", "--logits", "STEM-logits.npy"]),
        ("NPY truth + NPY probabilities", ["info", "--truth", "STEM-truth.npy", "--probs", "STEM-probs.npy"]),
        ("PGM truth + PGM probabilities", ["info", "--truth", "STEM-truth.pgm", "--probs", "STEM-probs.pgm"]),
        ("PNG truth + NPY logits", ["info", "--truth", "STEM-truth.png", "--logits", "STEM-logits.npy"]),
        ("eval bce of the .mask", ["eval", "STEM.mask", "--loss", "bce"]),
        ("eval dice of NPY logits", ["eval", "--truth", "STEM-truth.npy", "--logits", "STEM-logits.npy", "--loss", "dice"]),
        ("eval bce --gradient-out of the .mask", ["eval", "STEM.mask", "--loss", "bce", "--gradient-out", "STEM-bce.npy"]),
        ("eval dice --gradient-out of NPY logits",
         ["eval", "--truth", "STEM-truth.npy", "--logits", "STEM-logits.npy", "--loss", "dice", "--gradient-out", "STEM-dice.npy"]),
        ("eval lovasz-hinge --gradient-out of NPY probabilities",
         ["eval", "--truth", "STEM-truth.npy", "--probs", "STEM-probs.npy", "--loss", "lovasz-hinge", "--gradient-out", "STEM-lh.npy"]),
    ]

    @Test func readingStaysWithinTheBudgetOnEveryPath() throws {
        let directory = try TemporaryDirectory()
        try Self.write(height: 4, width: 4, stem: "small", in: directory)
        try Self.write(height: Self.height, width: Self.width, stem: "big", in: directory)
        for path in Self.paths {
            func run(_ stem: String) throws -> Int {
                let arguments = path.arguments.map { $0.replacingOccurrences(of: "STEM", with: stem) } + ["--json"]
                let measured = try SegLensProcess.run(arguments, measuringIn: directory.url)
                #expect(measured.result.status == 0, "\(path.name): \(measured.result)")
                return try #require(measured.peakKB, "GNU time reported no peak memory")
            }
            let smallKB = try run("small"), bigKB = try run("big")
            let perPixel = Double(bigKB - smallKB) * 1024 / Double(Self.height * Self.width)
            #expect(
                perPixel <= Double(Self.bytesPerPixel),
                "\(path.name): \(perPixel) bytes per pixel (\(bigKB) KB against \(smallKB) KB for 4×4)")
        }
    }

    static let multiclassHeight = 384, multiclassWidth = 384, classes = 16
    static let bytesPerPixelAndClass = 20

    /// A multi-class input of `classes` classes as NPY files `<stem>-mc-truth.npy` and `<stem>-mc-logits.npy`
    /// (float64, `C×H×W`): labels in squares of 16 pixels, logits uniform in [−4, 4].
    static func writeMulticlass(height: Int, width: Int, stem: String, in directory: TemporaryDirectory) throws {
        let labels = (0..<height * width).map { Int32((($0 / width) / 16 + 3 * (($0 % width) / 16)) % classes) }
        _ = try directory.npy("\(stem)-mc-truth.npy", labels: LabelMap(height: height, width: width, labels: labels))
        let logits = TestInputs.uniform(classes * height * width, in: -4...4, seed: 21)
        _ = try directory.npy("\(stem)-mc-logits.npy", shape: [classes, height, width], values: logits)
    }

    /// Reading, `eval` of each multi-class loss, of all of them and `--gradient-out`: the peak above that of a
    /// 4×4 input of as many classes, per pixel and class.
    @Test func multiclassStaysWithinTheBudgetPerPixelAndClass() throws {
        let directory = try TemporaryDirectory()
        try Self.writeMulticlass(height: 4, width: 4, stem: "small", in: directory)
        try Self.writeMulticlass(height: Self.multiclassHeight, width: Self.multiclassWidth, stem: "big", in: directory)
        let input = ["--truth", "STEM-mc-truth.npy", "--logits", "STEM-mc-logits.npy"]
        let commands: [(name: String, arguments: [String])] = [
            ("info", ["info"] + input),
            ("eval of every loss", ["eval"] + input),
        ] + Loss.catalogue(.multiclass).map { ("eval \($0.name)", ["eval"] + input + ["--loss", $0.name]) } + [
            ("eval ce --gradient-out", ["eval"] + input + ["--loss", "ce", "--gradient-out", "STEM-ce.npy"]),
            ("eval lovasz-softmax --gradient-out", ["eval"] + input + ["--loss", "lovasz-softmax", "--gradient-out", "STEM-ls.npy"]),
        ]
        let elements = Self.multiclassHeight * Self.multiclassWidth * Self.classes
        for command in commands {
            func run(_ stem: String) throws -> Int {
                let arguments = command.arguments.map { $0.replacingOccurrences(of: "STEM", with: stem) } + ["--json"]
                let measured = try SegLensProcess.run(arguments, measuringIn: directory.url)
                #expect(measured.result.status == 0, "\(command.name): \(measured.result)")
                return try #require(measured.peakKB, "GNU time reported no peak memory")
            }
            let smallKB = try run("small"), bigKB = try run("big")
            let perElement = Double(bigKB - smallKB) * 1024 / Double(elements)
            #expect(
                perElement <= Double(Self.bytesPerPixelAndClass),
                "\(command.name): \(perElement) bytes per pixel and class (\(bigKB) KB against \(smallKB) KB for 4×4)")
        }
    }
}
