import Foundation
import SegLensCore

/// Small deterministic inputs for the command-line tests.
enum TestInputs {
    /// `count` numbers from a fixed-seed generator, uniform in `range`.
    static func uniform(_ count: Int, in range: ClosedRange<Double>, seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in Double.random(in: range, using: &generator) }
    }

    /// `count` labels in `0..<classes`, from a fixed-seed generator.
    static func labels(_ count: Int, classes: Int32, seed: UInt64) -> [Int32] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in Int32.random(in: 0..<classes, using: &generator) }
    }

    /// The JSON object with `input.prediction` left out, to compare runs whose prediction files differ in name.
    static func withoutPredictionName(_ json: [String: Any]) -> NSDictionary {
        var json = json
        if var input = json["input"] as? [String: Any] {
            input["prediction"] = nil
            json["input"] = input
        }
        return json as NSDictionary
    }
}
