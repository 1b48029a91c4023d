import Foundation
import Testing

/// `seglens render`: the loss values on the explorer's screen after some keys equal `seglens eval` with the
/// parameters those keys give (worked out here from the key sequence and the file's `params:` line, never read
/// off the screen); colours, ASCII, bad key tokens, small screens and the built-in sample.
@Suite struct RenderTests {
    /// `Samples/`, found from this source file: `Tests/SegLensCLITests/…` → `../../Samples`.
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Samples").standardizedFileURL

    static func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }

    /// The `key=value` words of a sample's `params:` line.
    static func fileParameters(_ name: String) throws -> [String: String] {
        let text = try String(contentsOfFile: sample(name), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("params:") }, "\(name) has no params: line")
        var parameters: [String: String] = [:]
        for word in line.dropFirst("params:".count).split(separator: " ") {
            let parts = word.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { parameters[String(parts[0])] = String(parts[1]) }
        }
        return parameters
    }

    /// The text after `title:` in a sample.
    static func fileTitle(_ name: String) throws -> String {
        let text = try String(contentsOfFile: sample(name), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("title: ") })
        return String(line.dropFirst("title: ".count))
    }

    /// Every `name value` pair of the loss table on a plain-text screen: a loss name, two or more spaces, then a
    /// number with six decimals.
    static func screenValues(_ screen: String) -> [String: String] {
        var values: [String: String] = [:]
        for match in screen.matches(of: #/(?:^|\s)([a-z][a-z0-9-]*)\s{2,}(-?\d+\.\d{6})(?=\s|$)/#.anchorsMatchLineEndings()) {
            values[String(match.output.1)] = String(match.output.2)
        }
        return values
    }

    /// The loss names of `eval FILE --json`, in order (every loss of the file's mode).
    static func lossNames(_ file: String, prediction: Int? = nil) throws -> [String] {
        var arguments = ["eval", sample(file), "--json"]
        if let prediction { arguments += ["--prediction", String(prediction)] }
        let result = try SegLensProcess.run(arguments)
        try #require(result.status == 0, "\(result)")
        let losses = try #require(try result.json()["losses"] as? [[String: Any]])
        return losses.compactMap { $0["name"] as? String }
    }

    /// `eval FILE --loss NAME extra… --json`, its one value formatted as the explorer shows it.
    static func evalValue(_ file: String, loss: String, extra: [String] = []) throws -> String {
        let result = try SegLensProcess.run(["eval", sample(file), "--loss", loss] + extra + ["--json"])
        try #require(result.status == 0, "\(result)")
        let losses = try #require(try result.json()["losses"] as? [[String: Any]])
        try #require(losses.count == 1 && losses[0]["name"] as? String == loss, "\(result)")
        let value = try #require(losses[0]["value"] as? Double, "\(result)")
        return String(format: "%.6f", value)
    }

    /// Renders `file` after `keys` at 100×30 and checks that the table holds every loss of the mode, each with
    /// the value of `eval` given `extra(name)`. Returns the screen.
    @discardableResult
    static func expectScreenMatchesEval(
        _ file: String, keys: String, prediction: Int? = nil, extra: (String) -> [String] = { _ in [] }
    ) throws -> String {
        let render = try SegLensProcess.run(["render", sample(file), "--size", "100x30", "--keys", keys])
        try #require(render.status == 0, "\(render)")
        let shown = screenValues(render.stdout)
        let names = try lossNames(file)
        #expect(Set(shown.keys) == Set(names), "losses on screen \(shown.keys.sorted()) vs eval \(names)\n\(render.stdout)")
        let predictionArguments = prediction.map { ["--prediction", String($0)] } ?? []
        for name in names {
            let expected = try evalValue(file, loss: name, extra: predictionArguments + extra(name))
            #expect(shown[name] == expected, "\(file) after '\(keys)': \(name) shows \(shown[name] ?? "nothing"), eval gives \(expected)")
        }
        return render.stdout
    }

    // MARK: Values after keys

    @Test func gammaStepsOnSmallObjectMatchEval() throws {
        let file = "small-object.mask"
        let parameters = try Self.fileParameters(file)
        let startLoss = try #require(parameters["loss"])
        let gamma = Double(parameters["gamma"] ?? "0")! + 2 * 0.25  // g selects γ, → adds 0.25 twice
        let gammaText = gamma == gamma.rounded() ? String(Int(gamma)) : "\(gamma)"
        let screen = try Self.expectScreenMatchesEval(file, keys: "g <Right> <Right>") { name in
            name == startLoss ? ["--gamma", gammaText] : []
        }
        #expect(screen.contains("γ = \(gammaText)"), "\(screen)")
        #expect(screen.contains("▸ \(startLoss) "), "\(screen)")
        // The keys must matter: the value at the file's γ differs at six decimals.
        #expect(try Self.evalValue(file, loss: startLoss) != Self.evalValue(file, loss: startLoss, extra: ["--gamma", gammaText]))
    }

    @Test func tabTwiceOnStreetSceneMovesTheSelectionOnly() throws {
        let file = "street-scene.mask"
        let names = try Self.lossNames(file)
        let start = try #require(Self.fileParameters(file)["loss"])
        let startIndex = try #require(names.firstIndex(of: start), "\(start) is not among \(names)")
        let screen = try Self.expectScreenMatchesEval(file, keys: "<Tab> <Tab>")
        let selected = names[(startIndex + 2) % names.count]
        #expect(screen.contains("▸ \(selected) "), "expected \(selected) selected:\n\(screen)")
        #expect(screen.components(separatedBy: "▸ ").count == 2, "one selection marker:\n\(screen)")
    }

    @Test func secondPredictionOfOppositeRankingsMatchesEval() throws {
        let file = "opposite-rankings.mask"
        let screen = try Self.expectScreenMatchesEval(file, keys: "p", prediction: 2)
        #expect(screen.contains("prediction 2/2"), "\(screen)")
        // The two predictions differ for some loss, so the check above can tell them apart.
        let first = try Self.lossNames(file).map { try Self.evalValue(file, loss: $0, extra: ["--prediction", "1"]) }
        let second = try Self.lossNames(file).map { try Self.evalValue(file, loss: $0, extra: ["--prediction", "2"]) }
        #expect(first != second)
    }

    @Test func screenParserReadsBothColumns() {
        let screen = """
             ▸ focal           0.044726  α=none γ=2              tversky         0.383828
               dice            0.404773  s=1e-05                 lovasz-softmax  0.304553
             metrics at argmax: mIoU 0.992  pixel accuracy 0.994
            """
        #expect(Self.screenValues(screen) == [
            "focal": "0.044726", "tversky": "0.383828", "dice": "0.404773", "lovasz-softmax": "0.304553",
        ])
    }

    // MARK: Output forms

    @Test func colorNoneHasNoEscapeAnd256HasIndexedColours() throws {
        let plain = try SegLensProcess.run(["render", Self.sample("small-object.mask"), "--color", "none"])
        #expect(plain.status == 0, "\(plain)")
        #expect(!plain.stdout.utf8.contains(0x1B), "ESC in --color none output")
        let colored = try SegLensProcess.run(["render", Self.sample("small-object.mask"), "--color", "256"])
        #expect(colored.status == 0, "\(colored)")
        #expect(colored.stdout.contains("\u{1B}[") && colored.stdout.contains("38;5;"))
    }

    @Test func asciiOutputIsPureASCII() throws {
        let ascii = try SegLensProcess.run(["render", Self.sample("street-scene.mask"), "--ascii", "--keys", "?"])
        #expect(ascii.status == 0, "\(ascii)")
        let offending = ascii.stdout.unicodeScalars.filter { !$0.isASCII }
        #expect(offending.isEmpty, "non-ASCII: \(String(String.UnicodeScalarView(offending.prefix(10))))")
        // Control: without --ascii the same screen has Unicode glyphs.
        let unicode = try SegLensProcess.run(["render", Self.sample("street-scene.mask"), "--keys", "?"])
        #expect(unicode.stdout.unicodeScalars.contains { !$0.isASCII })
    }

    @Test func unknownKeyTokenIsAUsageError() throws {
        let result = try SegLensProcess.run(["render", Self.sample("small-object.mask"), "--keys", "g <Nope>"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("<Nope>"), "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }

    @Test func smallSizeSaysTerminalTooSmall() throws {
        let small = try SegLensProcess.run(["render", Self.sample("small-object.mask"), "--size", "70x20"])
        #expect(small.status == 0, "\(small)")
        #expect(small.stdout.contains("terminal too small"), "\(small)")
        let large = try SegLensProcess.run(["render", Self.sample("small-object.mask"), "--size", "100x30"])
        #expect(!large.stdout.contains("terminal too small"), "\(large)")
    }

    @Test func noFileRendersTheBuiltInSample() throws {
        let title = try Self.fileTitle("small-object.mask")
        let builtIn = try SegLensProcess.run(["render", "--size", "100x30"])
        #expect(builtIn.status == 0, "\(builtIn)")
        #expect(builtIn.stdout.contains(title), "no '\(title)' in:\n\(builtIn.stdout)")
        let fromFile = try SegLensProcess.run(["render", Self.sample("small-object.mask"), "--size", "100x30"])
        #expect(builtIn.stdout == fromFile.stdout)
    }
}
