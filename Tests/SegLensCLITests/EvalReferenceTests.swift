import Foundation
import Testing
import SegLensCore
import SegLensFormats

/// `seglens eval` on NPY files written from the PyTorch reference set of SegLensCoreTests: every loss of both
/// modes, several parameter settings each, value within 1e−9 relative and `--gradient-out` within 1e−8 of the
/// gradient's largest entry.
@Suite struct EvalReferenceTests {
    /// One case of Tests/SegLensCoreTests/Fixtures/cases.json (read in place).
    struct Case: CustomStringConvertible, Sendable {
        var index: Int
        var mode: String
        var loss: String
        var parameters: [String: Double?]
        var shape: [Int]
        var truth: [Int32]
        var logitsShape: [Int]
        var logits: [Double]
        var value: Double
        var gradient: [Double]

        var description: String { "case \(index): \(mode) \(loss) \(parameters)" }
    }

    /// The random-logits cases of size 6×9 (all losses, all parameter sets) and the multi-class blob cases of 16×16.
    static let sample: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SegLensCoreTests/Fixtures/cases.json")
        guard let data = try? Data(contentsOf: url),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = root["cases"] as? [[String: Any]] else { return [] }
        func flat(_ value: Any?) -> [Double] {
            if let number = value as? NSNumber { return [number.doubleValue] }
            return (value as? [Any] ?? []).flatMap(flat)
        }
        return cases.enumerated().compactMap { index, json in
            let shape = json["shape"] as? [Int] ?? []
            let kind = json["kind"] as? String, mode = json["mode"] as? String ?? ""
            guard (kind == "random" && shape == [6, 9]) || (kind == "blob" && mode == "multiclass" && shape == [16, 16])
            else { return nil }
            let logits = flat(json["logits"])
            var parameters: [String: Double?] = [:]
            for (key, value) in json["params"] as? [String: Any] ?? [:] {
                parameters.updateValue((value as? NSNumber)?.doubleValue, forKey: key)
            }
            let classes = logits.count / (shape[0] * shape[1])
            return Case(
                index: index, mode: mode, loss: json["loss"] as? String ?? "", parameters: parameters, shape: shape,
                truth: flat(json["truth"]).map { Int32($0) },
                logitsShape: mode == "binary" ? shape : [classes] + shape, logits: logits,
                value: (json["value"] as? NSNumber)?.doubleValue ?? .nan, gradient: flat(json["gradient"]))
        }
    }()

    @Test func theSampleCoversEveryLossOfBothModes() {
        let covered = Set(Self.sample.map { "\($0.mode) \($0.loss)" })
        // border-bce has no library to compare with: BorderWeightMapTests checks it against hand-computed values.
        let catalogue = Set(Loss.allCases.filter { $0 != .borderBCE }.map { "\($0.mode.rawValue) \($0.name)" })
        #expect(covered == catalogue)
        #expect(Self.sample.contains { !$0.parameters.isEmpty && $0.parameters.values.contains { $0 == nil } })
    }

    @Test(arguments: sample)
    func valueAndGradientMatchPyTorch(_ reference: Case) throws {
        let directory = try TemporaryDirectory()
        let truth = try directory.npy(
            "t.npy", labels: LabelMap(height: reference.shape[0], width: reference.shape[1], labels: reference.truth))
        let logits = try directory.npy("z.npy", shape: reference.logitsShape, values: reference.logits)
        var arguments = ["eval", "--truth", truth, "--logits", logits, "--loss", reference.loss, "--json",
                         "--gradient-out", directory.path("g.npy")]
        for (name, value) in reference.parameters.sorted(by: { $0.key < $1.key }) {
            arguments += ["--\(name)", value.map { "\($0)" } ?? "none"]
        }
        let result = try SegLensProcess.run(arguments)
        try #require(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)

        let json = try result.json()
        #expect(Set(json.keys) == ["input", "edits", "losses", "metrics"])
        #expect((json["edits"] as? [String: Any])?.isEmpty == true)
        let input = try #require(json["input"] as? [String: Any])
        #expect(Set(["mode", "height", "width", "classes", "ignored"]).isSubset(of: input.keys))
        #expect(input["mode"] as? String == reference.mode)
        #expect(input["height"] as? Int == reference.shape[0] && input["width"] as? Int == reference.shape[1])
        #expect(input["ignored"] as? Int == 0)
        #expect(json["metrics"] is [String: Any])
        let losses = try #require(json["losses"] as? [[String: Any]])
        try #require(losses.count == 1)
        #expect(Set(losses[0].keys) == ["name", "params", "value"])
        #expect(losses[0]["name"] as? String == reference.loss)
        let params = try #require(losses[0]["params"] as? [String: Any])
        #expect(Set(params.keys) == Set(reference.parameters.keys))
        let value = try #require((losses[0]["value"] as? NSNumber)?.doubleValue)
        #expect(abs(value - reference.value) <= 1e-9 * max(abs(reference.value), 1e-300), "value \(value) vs \(reference.value)")

        let gradient = try NPYReader.read(path: directory.path("g.npy"))
        #expect(gradient.shape == reference.logitsShape)
        let scale = reference.gradient.map(abs).max() ?? 0
        let error = zip(gradient.doubles, reference.gradient).map { abs($0 - $1) }.max() ?? .infinity
        #expect(gradient.elementCount == reference.gradient.count)
        #expect(error <= 1e-8 * scale, "gradient error \(error) against scale \(scale)")
    }
}
